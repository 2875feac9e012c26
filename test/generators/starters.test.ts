// Render every starter the catalog says exists and check what must hold for all of them. These
// run in milliseconds; the verify matrix (scripts/verify-matrix.ts) then installs and runs them.
import { check } from 'prettier';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { availableStarters, getStage, stagesUpTo } from '../../generators/catalog.ts';
import { EXERCISES_FILE } from '../../generators/exercises.ts';
import { loadStarterManifest } from '../../generators/manifest.ts';
import { RECORD_FILE } from '../../generators/record.ts';
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

const EXERCISE_SYNTAX = /exercise:(start|else|end)\b/;
/** Files with an `exercise:start *` region: every exercise starter differs there from guided. */
const EVERY_EXERCISE_STARTER = new Set(['tsconfig.json', 'vitest.config.ts']);

// Every starter the catalog offers has exercise mode: the regions live in the base and stage
// layers, and an idea's file that replaces one of them carries the region too.
describe.each(availableStarters())('$idea at $stage in exercise mode', ({ idea, stage }) => {
  const request = {
    idea,
    stage,
    projectName: `${idea}-${stage}`,
    options: { packageManager: 'npm', install: false, git: false, mode: 'exercise' },
  } as const;
  const files = renderStarterSync(request);
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const solved = new Map(
    renderStarterSync({ ...request, solution: true }).map((file) => [file.path, file.content]),
  );
  const guided = new Map(
    renderStarterSync({ ...request, options: { ...request.options, mode: 'guided' } }).map(
      (file) => [file.path, file.content],
    ),
  );
  const list = JSON.parse(byPath.get(EXERCISES_FILE) ?? '{}') as {
    stage: string;
    exercises: { id: string; title: string; files: string[]; tests: string[] }[];
  };
  const mistakes = getStage(stage).mistakes;

  it('has one exercise per mistake of its stage, in the catalog order', () => {
    expect(list.stage).toBe(stage);
    expect(list.exercises.map((exercise) => [exercise.id, exercise.title])).toEqual(
      mistakes.map((mistake) => [mistake.id, mistake.title]),
    );
  });

  it('leaves no template or exercise-region syntax, and valid JSON, in either mode', () => {
    for (const [path, content] of [...byPath, ...guided, ...solved]) {
      expect(content, path).not.toMatch(EXERCISE_SYNTAX);
      if (!path.endsWith('.http') && !RESOURCE_TEMPLATE.test(path))
        expect(content, path).not.toMatch(/\{\{|\}\}/);
      if (!/\.(md|html)$/.test(path)) expect(content, path).not.toMatch(HTML_ENTITY);
      if (path.endsWith('.json')) expect(() => JSON.parse(content) as unknown, path).not.toThrow();
    }
  });

  it('still marks exactly the mistakes of its stages', () => {
    const expected = stagesUpTo(stage).flatMap((owner) => owner.mistakes.map((m) => m.id));
    const found = new Set(files.flatMap((file) => mistakeIdsIn(file.content)));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('puts each mistake in its files, with an Exercise TODO, and its guard tests in exercises/', () => {
    for (const exercise of list.exercises) {
      const todos = exercise.files.flatMap((path) =>
        (byPath.get(path) ?? '')
          .split('\n')
          .filter((line) => line.includes(`TODO(mistake:${exercise.id}): Exercise:`)),
      );
      expect(todos.length, exercise.id).toBeGreaterThan(0);
      for (const path of exercise.files) {
        expect(byPath.get(path), `${exercise.id}: ${path} differs from the guided one`).not.toBe(
          guided.get(path),
        );
      }
      for (const test of exercise.tests) {
        expect(test, exercise.id).toMatch(/^exercises\/.+\.test\.ts$/);
        expect(byPath.has(test), test).toBe(true);
        expect(byPath.has(test.replace(/^exercises\//, 'test/')), test).toBe(false);
        expect(guided.has(test.replace(/^exercises\//, 'test/')), test).toBe(true);
      }
    }
    expect(JSON.parse(byPath.get('package.json') ?? '{}')).toMatchObject({
      scripts: { exercises: 'node scripts/exercises.js', test: 'vitest run' },
    });
  });

  it('has the guided code as the reference fix: solved, each exercise file is the guided one', () => {
    const changed = new Set(list.exercises.flatMap((exercise) => exercise.files));
    for (const [path, content] of byPath) {
      if (path === RECORD_FILE) continue;
      if (!changed.has(path)) expect(solved.get(path), path).toBe(content);
      else if (EVERY_EXERCISE_STARTER.has(path)) expect(solved.get(path), path).not.toBe(content);
      else expect(solved.get(path), path).toBe(guided.get(path));
    }
  });

  it('writes exercises.json the way Prettier formats it', async () => {
    const content = byPath.get(EXERCISES_FILE) ?? '';
    expect(await check(content, { parser: 'json', printWidth: 100 })).toBe(true);
  });

  it('explains exercise mode in the README, and guided READMEs do not mention it', () => {
    const readme = byPath.get('README.md') ?? '';
    expect(readme).toContain('## Exercise mode');
    for (const exercise of list.exercises) expect(readme).toContain(`(\`${exercise.id}\`)`);
    expect(guided.get('README.md')).not.toContain('Exercise mode');
  });
});
