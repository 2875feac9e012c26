// Render every starter the catalog says exists and check what must hold for all of them. These
// run in milliseconds; the verify matrix (scripts/verify-matrix.ts) then installs and runs them.
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { availableStarters, stagesUpTo } from '../../generators/catalog.ts';
import { loadStarterManifest } from '../../generators/manifest.ts';
import { renderStarterSync } from '../../generators/render.ts';
import { STARTER_VERSIONS } from '../../generators/versions.ts';

const MISTAKE_TAG = /TODO\(mistake:([a-z-]+)\)/g;
/** What Handlebars' default escaping would leave behind in code. */
const HTML_ENTITY = /&(#x?[0-9a-f]+|quot|amp|lt|gt|apos);/i;

/** The plop templates of `npm run generate resource` (generators/resource/ in a starter). */
const RESOURCE_TEMPLATE = /^generators\/resource\/.+\.tmpl$/;

// The starters' own naming helper, plain JavaScript (a computed specifier: not part of this
// TypeScript project). Its own tests: test/resource/resource-names.test.ts.
const namesModule = fileURLToPath(
  new URL('../../templates/base/generators/resource-names.js', import.meta.url),
);
const { resourceNames } = (await import(namesModule)) as {
  resourceNames: (input: string) => Record<string, string>;
};

function mistakeIdsIn(content: string): string[] {
  return [...content.matchAll(MISTAKE_TAG)].map((match) => match[1] ?? '');
}

describe.each(availableStarters())('$idea at $stage', ({ idea, stage }) => {
  const files = renderStarterSync({
    idea,
    stage,
    projectName: `${idea}-${stage}`,
    options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
  });
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const readme = byPath.get('README.md') ?? '';
  const stages = stagesUpTo(stage);
  const manifest = loadStarterManifest(idea, stage);

  it('leaves no Handlebars syntax and no HTML entities in the output', () => {
    for (const file of files) {
      // REST Client files use `{{variable}}` syntax of their own; the resource templates are
      // plop's Handlebars, rendered in the starter (checked below).
      if (!file.path.endsWith('.http') && !RESOURCE_TEMPLATE.test(file.path))
        expect(file.content, file.path).not.toMatch(/\{\{|\}\}/);
      if (!/\.(md|html)$/.test(file.path)) expect(file.content, file.path).not.toMatch(HTML_ENTITY);
    }
  });

  it('ships resource templates that render with every name and wire into marked places', () => {
    const templates = files.filter((file) => RESOURCE_TEMPLATE.test(file.path));
    const outputs = templates.map((file) => file.path.replace(/^generators\/resource\//, ''));
    for (const layer of ['model', 'schemas', 'service', 'routes']) {
      expect(outputs, layer).toContain(`src/__names__/__name__.${layer}.ts.tmpl`);
    }
    expect(outputs).toContain('test/__names__.test.ts.tmpl');
    expect(byPath.has('plopfile.js')).toBe(true);
    const data = resourceNames('book-category');
    for (const file of templates) {
      // strict: a name the templates use but the helper does not give fails here, not in plop.
      const output = Handlebars.compile(file.content, { strict: true })(data);
      expect(output, file.path).not.toMatch(/\{\{|\}\}|__names?__/);
      expect(output, file.path).not.toMatch(HTML_ENTITY);
      expect(output, file.path).toContain('book');
      expect(mistakeIdsIn(file.content), file.path).toEqual([]);
    }
    // The plopfile adds lines above these markers; a layer that lost one breaks the command.
    const app = byPath.get('src/app.ts') ?? '';
    for (const marker of ['generate:imports', 'generate:routes'])
      expect(app).toContain(`// ${marker}`);
    if (byPath.has('src/openapi.ts')) {
      for (const marker of ['generate:imports', 'generate:mounts']) {
        expect(byPath.get('src/openapi.ts')).toContain(`// ${marker}`);
      }
    }
    const cached = outputs.some((path) => path.endsWith('.cache.ts.tmpl'));
    expect(app.includes('// generate:caches'), 'generate:caches').toBe(cached);
  });

  it('has valid JSON wherever a file says it is JSON', () => {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.json'))) {
      expect(() => JSON.parse(file.content) as unknown, file.path).not.toThrow();
    }
  });

  it('versions every dependency from the one version map', () => {
    const pkg = JSON.parse(byPath.get('package.json') ?? '{}') as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).length).toBeGreaterThan(0);
    for (const [name, version] of Object.entries(all)) {
      expect(version, name).toBe(STARTER_VERSIONS[name]);
    }
  });

  it('maps every concept of its stages to files that exist and a way to see it', () => {
    for (const concept of stages.flatMap((owner) => owner.concepts)) {
      const entry = manifest.concepts[concept.id];
      expect(entry, concept.id).toBeDefined();
      expect(entry?.see, concept.id).not.toBe('');
      expect(entry?.files.length, concept.id).toBeGreaterThan(0);
      for (const path of entry?.files ?? [])
        expect(byPath.has(path), `${concept.id}: ${path}`).toBe(true);
      expect(readme, concept.id).toContain(concept.title);
    }
  });

  it('marks exactly the mistakes of its stages, where the manifest says, and lists them in the README', () => {
    const expected = stages.flatMap((owner) => owner.mistakes.map((mistake) => mistake.id)).sort();
    const found = new Set(files.flatMap((file) => mistakeIdsIn(file.content)));
    expect([...found].sort()).toEqual(expected);
    for (const id of expected) {
      const entry = manifest.mistakes[id];
      expect(entry?.guard, id).toBeTruthy();
      const tagged = (entry?.files ?? []).filter((path) =>
        mistakeIdsIn(byPath.get(path) ?? '').includes(id),
      );
      expect(tagged.length, `${id} is tagged in the files its manifest names`).toBeGreaterThan(0);
      expect(readme, id).toContain(`mistake:${id}`);
    }
  });

  it('lists in the README only mistake ids the code has', () => {
    const inCode = new Set(
      files
        .filter((file) => file.path !== 'README.md')
        .flatMap((file) => mistakeIdsIn(file.content)),
    );
    for (const id of mistakeIdsIn(readme)) expect(inCode.has(id), id).toBe(true);
  });

  it('documents every environment variable in .env.example', () => {
    const example = byPath.get('.env.example') ?? '';
    for (const variable of manifest.env)
      expect(example, variable.name).toMatch(new RegExp(`^#? ?${variable.name}=`, 'm'));
  });

  it('gives the verify matrix calls to make against the running server', () => {
    expect(manifest.smoke.length).toBeGreaterThan(0);
  });

  it('ignores local secrets and build output', () => {
    const gitignore = byPath.get('.gitignore') ?? '';
    for (const entry of ['node_modules', '.env', 'dist']) expect(gitignore).toContain(entry);
  });
});
