// The comparison tools (create-vite, express-generator), installed once with npm into the
// git-ignored .cache/bench/tools at the versions pinned in lib.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PINNED, cacheDir, cleanEnv, mustRun } from './lib.ts';

export const toolsDir = join(cacheDir, 'tools');

function installedVersion(name: string): string | undefined {
  const file = join(toolsDir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

export async function ensureTools(): Promise<{ createVite: string; expressGenerator: string }> {
  const wanted = {
    'create-vite': PINNED.createVite,
    'express-generator': PINNED.expressGenerator,
  };
  const missing = Object.entries(wanted).filter(([name, v]) => installedVersion(name) !== v);
  if (missing.length > 0) {
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(join(toolsDir, 'package.json'), '{ "private": true }\n');
    console.log(`  installing ${missing.map(([n, v]) => `${n}@${v}`).join(', ')} into ${toolsDir}`);
    await mustRun(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--save-exact',
        ...Object.entries(wanted).map(([n, v]) => `${n}@${v}`),
      ],
      { cwd: toolsDir, env: cleanEnv(), timeoutMs: 180_000 },
    );
  }
  return {
    createVite: join(toolsDir, 'node_modules', 'create-vite', 'index.js'),
    expressGenerator: join(toolsDir, 'node_modules', 'express-generator', 'bin', 'express-cli.js'),
  };
}
