// `npm run build`: the CLI as one self-contained package. esbuild bundles src/cli.ts with its
// runtime dependencies (node-plop, handlebars, prompts, execa, kleur) into dist/, so installing
// the published package (`npx create-backend-roadmap`) fetches one package instead of about a
// hundred, and starting it reads a few files instead of hundreds. What the CLI imports lazily
// (node-plop, prompts, execa, the class and upgrade commands) stays lazy: each lazy import is a
// chunk of its own in dist/chunks/. The templates are packed into one JSON file per layer in
// dist/layers/ (scripts/build/pack-templates.ts), with their Handlebars code precompiled into the
// bundle. Types are checked by `npm run typecheck`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { thirdPartyLicenses } from './build/licenses.ts';
import { packTemplates } from './build/pack-templates.ts';
import { precompiledTemplatesPlugin } from './build/precompile-templates.ts';
import type { Plugin } from 'esbuild';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(repoDir, 'dist');
const buildDir = join(repoDir, 'scripts', 'build');

/**
 * What node-plop imports but the CLI's one action never uses, each replaced in the bundle by a
 * stand-in that loads the real package on first use (Handlebars: plop's `renderString`;
 * tinyglobby and resolve: `addMany` and `load`).
 */
const NODE_PLOP_LAZY_IMPORTS: Record<string, string> = {
  handlebars: 'lazy-handlebars.ts',
  tinyglobby: 'lazy-plop-dependencies.ts',
  resolve: 'lazy-plop-dependencies.ts',
};

/** Loads Handlebars and node-plop's unused dependencies where they are used, not up front. */
const lazyLoads: Plugin = {
  name: 'lazy-loads',
  setup(build) {
    build.onResolve({ filter: /^\.\/handlebars-loader\.ts$/ }, (args) =>
      args.importer.endsWith(join('generators', 'handlebars.ts'))
        ? { path: join(buildDir, 'handlebars-loader.ts') }
        : undefined,
    );
    build.onResolve({ filter: /^(handlebars|tinyglobby|resolve)$/ }, (args) => {
      const standIn = NODE_PLOP_LAZY_IMPORTS[args.path];
      return standIn && args.importer.includes(join('node_modules', 'node-plop'))
        ? { path: join(buildDir, standIn) }
        : undefined;
    });
  },
};

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });

const result = await build({
  absWorkingDir: repoDir,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: distDir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  // Halves what npx downloads and Node parses; `node scripts/build.ts --no-minify` keeps the
  // chunks readable, e.g. for a CPU profile.
  minify: !process.argv.includes('--no-minify'),
  charset: 'utf8',
  // Bundled CommonJS packages (handlebars, prompts) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __cbrRequire } from 'node:module'; const require = __cbrRequire(import.meta.url);",
  },
  alias: { inquirer: join(buildDir, 'inquirer-stub.ts') },
  plugins: [
    lazyLoads,
    precompiledTemplatesPlugin(
      join(repoDir, 'templates'),
      join(distDir, 'precompiled-templates.json'),
    ),
  ],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

writeFileSync(
  join(distDir, 'THIRD-PARTY-LICENSES.md'),
  thirdPartyLicenses(result.metafile, repoDir),
);

packTemplates(join(repoDir, 'templates'), join(distDir, 'layers'));
