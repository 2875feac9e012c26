// What a single-file build of the CLI would change (the proposed fix for scaffold speed and the
// first npx run; see docs/benchmarks.md). Builds the compiled CLI with esbuild into
// .cache/bench/bundle/dist/src/cli.js, with node-plop and handlebars inside and inquirer replaced
// by inquirer-stub.ts, next to links to the real dist/plopfile.js, dist/generators and templates.
// The CLI still drives node-plop programmatically; only how the code is loaded changes.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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

/** Builds the bundle; returns the path of its cli.js. */
export async function buildBundle(): Promise<string> {
  const esbuild = await ensureEsbuild();
  rmSync(bundleRoot, { recursive: true, force: true });
  mkdirSync(join(bundleRoot, 'dist', 'src'), { recursive: true });
  copyFileSync(join(repoDir, 'package.json'), join(bundleRoot, 'package.json'));
  for (const [link, target] of [
    ['templates', join(repoDir, 'templates')],
    ['node_modules', join(repoDir, 'node_modules')],
    [join('dist', 'plopfile.js'), join(repoDir, 'dist', 'plopfile.js')],
    [join('dist', 'generators'), join(repoDir, 'dist', 'generators')],
  ] as const) {
    symlinkSync(target, join(bundleRoot, link));
  }
  const out = join(bundleRoot, 'dist', 'src', 'cli.js');
  // bin/esbuild is either the native binary or a Node launcher script; both run directly.
  await mustRun(
    esbuild,
    [
      cliPath,
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
  return out;
}
