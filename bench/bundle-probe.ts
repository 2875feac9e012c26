// What a single-file build of the CLI would change (the proposed fix for scaffold speed and the
// first npx run; see docs/benchmarks.md). Builds the compiled CLI with esbuild into
// .cache/bench/bundle, a package with no runtime dependencies: node-plop, handlebars and the rest
// inside two bundles (the CLI and the plopfile node-plop loads), inquirer replaced by
// inquirer-stub.ts. The CLI still drives node-plop programmatically; only how it loads changes.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheDir, cleanEnv, cliPath, mustRun, repoDir } from './lib.ts';
import { toolsDir } from './tools.ts';

export const ESBUILD_VERSION = '0.25.12';
const bundleRoot = join(cacheDir, 'bundle');

async function ensureEsbuild(): Promise<string> {
  const bin = join(toolsDir, 'node_modules', 'esbuild', 'bin', 'esbuild');
  const pkg = join(toolsDir, 'node_modules', 'esbuild', 'package.json');
  const version = existsSync(pkg)
    ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version
    : undefined;
  if (version !== ESBUILD_VERSION) {
    mkdirSync(toolsDir, { recursive: true });
    await mustRun(
      'npm',
      ['install', '--no-audit', '--no-fund', '--save-exact', `esbuild@${ESBUILD_VERSION}`],
      { cwd: toolsDir, env: cleanEnv(), timeoutMs: 180_000 },
    );
  }
  return bin;
}

/** One esbuild run: `entry` bundled into `out`, inquirer replaced by the stub. */
async function bundle(esbuild: string, entry: string, out: string): Promise<void> {
  // bin/esbuild is either the native binary or a Node launcher script; both run directly.
  await mustRun(
    esbuild,
    [
      entry,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node22',
      `--outfile=${out}`,
      `--alias:inquirer=${join(repoDir, 'bench', 'inquirer-stub.ts')}`,
      // Bundled CommonJS packages (handlebars) call require() for Node built-ins.
      "--banner:js=import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
      '--log-level=warning',
    ],
    { cwd: repoDir, env: cleanEnv(), timeoutMs: 120_000 },
  );
}

/**
 * Builds a self-contained package in .cache/bench/bundle: package.json without dependencies,
 * dist/src/cli.js (the CLI with node-plop, handlebars, prompts, execa and kleur inside),
 * dist/plopfile.js (the plopfile node-plop loads, with the generators inside) and templates/.
 * Returns the path of its cli.js.
 */
export async function buildBundle(): Promise<string> {
  const esbuild = await ensureEsbuild();
  rmSync(bundleRoot, { recursive: true, force: true });
  mkdirSync(join(bundleRoot, 'dist', 'src'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete manifest.dependencies;
  delete manifest.devDependencies;
  delete manifest.scripts;
  writeFileSync(join(bundleRoot, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(repoDir, 'templates'), join(bundleRoot, 'templates'), { recursive: true });
  const cli = join(bundleRoot, 'dist', 'src', 'cli.js');
  await bundle(esbuild, cliPath, cli);
  await bundle(
    esbuild,
    join(repoDir, 'dist', 'plopfile.js'),
    join(bundleRoot, 'dist', 'plopfile.js'),
  );
  return cli;
}

/** `npm pack` of the bundled package into `destination`; returns the tarball's path. */
export async function packBundle(destination: string): Promise<string> {
  await mustRun('npm', ['pack', '--pack-destination', destination, '--silent'], {
    cwd: bundleRoot,
    env: cleanEnv(),
    timeoutMs: 120_000,
  });
  const name = readdirSync(destination).find((file) => file.endsWith('.tgz'));
  if (!name) throw new Error('npm pack of the bundle wrote no tarball');
  return join(destination, name);
}
