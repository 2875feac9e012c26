// The published CLI is the bundle `npm run build` writes (scripts/build.ts). These tests pack it
// as npm would publish it, unpack it outside the repo (no node_modules to fall back on) and check
// that it runs on its own, carries every template packed and precompiled, and writes byte for byte what the
// source renderer renders, for every available starter.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableStarters } from '../../generators/catalog.ts';
import { sha256 } from '../../generators/record.ts';
import { renderStarterSync } from '../../generators/render.ts';
import { packedTemplates, templateFolder } from '../../generators/template-source.ts';
import inquirerStub from '../../scripts/build/inquirer-stub.ts';
import { allLayerIds } from '../../scripts/build/pack-templates.ts';
import { assertBuilt, BIN } from './run-bin.ts';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
};

let work: string;
/** The unpacked tarball: what `npx create-backend-roadmap` runs. */
let packed: string;

beforeAll(async () => {
  assertBuilt();
  work = await mkdtemp(join(tmpdir(), 'cbr-bundle-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: repoDir,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
  packed = join(work, 'package');
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function runPacked(args: readonly string[]) {
  return spawnSync(
    process.execPath,
    [join(packed, pkg.bin['create-backend-roadmap'] ?? ''), ...args],
    {
      cwd: work,
      env: { PATH: process.env.PATH, HOME: work, NO_COLOR: '1' },
      encoding: 'utf8',
      input: '',
      timeout: 30_000,
    },
  );
}

describe('the published package', () => {
  it('runs the bundle and installs nothing else', () => {
    expect(pkg.bin['create-backend-roadmap']).toBe('dist/cli.js');
    expect(join(repoDir, 'dist', 'cli.js')).toBe(BIN);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.files).toEqual(['dist']);
  });

  it('holds the bundle, its licenses and the packed templates, and nothing from the repo', () => {
    const files = readdirSync(packed, { recursive: true }).map(String);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/THIRD-PARTY-LICENSES.md',
        'dist/layers/base.json',
        'package.json',
      ]),
    );
    const unexpected = files.filter(
      (file) => !/^dist(\/|$)|^(package\.json|README\.md|LICENSE)$/.test(file),
    );
    expect(unexpected).toEqual([]);
  });

  it('packs every layer of templates/ as it is now, one file per layer', () => {
    const templatesDir = join(repoDir, 'templates');
    const folder = templateFolder(templatesDir);
    const packDir = join(packed, 'dist', 'layers');
    const packs = packedTemplates(packDir);
    const layerIds = allLayerIds(templatesDir);
    expect(layerIds).toEqual(expect.arrayContaining(['base', 'ideas/blog/stages/advanced']));
    for (const layerId of layerIds) {
      expect(
        packs.readLayer(layerId),
        `${layerId}: templates changed since \`npm run build\``,
      ).toEqual(folder.readLayer(layerId));
    }
    const packFiles = readdirSync(packDir, { recursive: true }).filter((path) =>
      String(path).endsWith('.json'),
    );
    expect(packFiles).toHaveLength(layerIds.length);
  });

  it('runs without node_modules', () => {
    const result = runPacked(['--list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('carries every .hbs template precompiled, so a run compiles none', () => {
    const manifest = JSON.parse(
      readFileSync(join(packed, 'dist', 'precompiled-templates.json'), 'utf8'),
    ) as Record<string, string>;
    const current = Object.fromEntries(
      readdirSync(join(repoDir, 'templates'), { recursive: true })
        .map((path) => String(path).split('\\').join('/'))
        .filter((path) => path.endsWith('.hbs'))
        .sort()
        .map((path) => [path, sha256(readFileSync(join(repoDir, 'templates', path), 'utf8'))]),
    );
    expect(Object.keys(current).length).toBeGreaterThan(0);
    expect(manifest, 'templates changed since `npm run build`').toEqual(current);
  });
});

describe('plop prompts in the bundle', () => {
  it('fail at once instead of waiting for input', async () => {
    await expect(inquirerStub.prompt()).rejects.toThrow(/not part of the .* bundle/);
    await expect(inquirerStub.createPromptModule()()).rejects.toThrow(/npm run plop/);
    expect(() => inquirerStub.registerPrompt()).toThrow(/not part of the .* bundle/);
  });
});

describe("node-plop's unused dependencies in the bundle", () => {
  it('are the real tinyglobby and resolve, loaded when first called', async () => {
    // Bundled on its own the way scripts/build.ts bundles it (CommonJS here, so Node's own
    // modules need no require shim), then called as node-plop would call it.
    const out = join(work, 'lazy-plop-dependencies.cjs');
    await build({
      entryPoints: [join(repoDir, 'scripts', 'build', 'lazy-plop-dependencies.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    const lazy = createRequire(import.meta.url)(out) as {
      globSync: typeof globSync;
      default: { sync(id: string, options: { basedir: string }): string };
    };
    const templates = join(repoDir, 'templates', 'base');
    const glob = { cwd: templates, patterns: ['**/*.hbs'] };
    expect(lazy.globSync(glob).sort()).toEqual(globSync(glob).sort());
    expect(lazy.globSync(glob).length).toBeGreaterThan(0);
    expect(lazy.default.sync('handlebars', { basedir: repoDir })).toBe(
      createRequire(join(repoDir, 'package.json')).resolve('handlebars'),
    );
  });
});

async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      path
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
      await readFile(path, 'utf8'),
    );
  }
  return files;
}

describe('the packed CLI writes what the source renderer renders', () => {
  it.each(availableStarters().map((s) => [`${s.idea} ${s.stage}`, s] as const))(
    '%s, byte for byte',
    async (_label, { idea, stage }) => {
      const name = `${idea}-${stage}`;
      const result = runPacked([idea, name, '--stage', stage, '--no-install', '--no-git']);
      expect(result.status, result.stderr).toBe(0);
      const expected = renderStarterSync({
        idea,
        stage,
        projectName: name,
        options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
      });
      const written = await tree(join(work, name));
      expect([...written.keys()].sort()).toEqual(expected.map((file) => file.path).sort());
      for (const file of expected) expect(written.get(file.path), file.path).toBe(file.content);
    },
  );
});
