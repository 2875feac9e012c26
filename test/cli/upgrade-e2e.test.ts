// The upgraded starter must still work: install it, typecheck it and run its own tests against a
// real database. Slow (an install), so it needs MONGODB_URI (scripts/test.sh and CI export it)
// and the real todo-app intermediate templates; otherwise it skips itself and says why.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getIdea } from '../../generators/catalog.ts';
import { assertBuilt, runBin } from './run-bin.ts';

const mongodbUri = process.env.MONGODB_URI;
const intermediate = getIdea('todo-app').available.includes('intermediate');
const skipReason = !mongodbUri
  ? 'MONGODB_URI is not set (run through scripts/test.sh, or export it)'
  : !intermediate
    ? 'todo-app intermediate is not in the catalog yet'
    : undefined;
if (skipReason) console.log(`upgrade-e2e skipped: ${skipReason}.`);

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function npm(args: string[], cwd: string, timeout: number) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, MONGODB_URI: mongodbUri, NO_COLOR: '1' },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(skipReason !== undefined)('upgrade end to end (install, typecheck, tests)', () => {
  it('a beginner todo-app with learner changes, upgraded to intermediate, passes its checks', async () => {
    assertBuilt();
    root = await mkdtemp(join(tmpdir(), 'backend-roadmap-upgrade-e2e-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
    const created = await runBin(['todo-app', '--stage', 'beginner', '--no-install', '--no-git'], {
      cwd: root,
      env,
    });
    expect(created.code, created.stderr).toBe(0);
    const dir = join(root, 'todo-app');
    const health = join(dir, 'src/health.ts');
    await writeFile(
      health,
      `// Learner note: load balancers call this.\n${await readFile(health, 'utf8')}`,
    );
    await writeFile(join(dir, 'NOTES.md'), '# What I learned\n');
    const upgraded = await runBin(['upgrade', '--to', 'intermediate'], { cwd: dir, env });
    expect(upgraded.code, upgraded.stderr).toBe(0);
    expect(upgraded.stdout).not.toContain('need your attention');

    const install = npm(['install', '--no-audit', '--no-fund'], dir, 600_000);
    expect(install.code, install.output).toBe(0);
    const typecheck = npm(['run', 'typecheck'], dir, 120_000);
    expect(typecheck.code, typecheck.output).toBe(0);
    const tests = npm(['test'], dir, 300_000);
    expect(tests.code, tests.output).toBe(0);
    expect(await readFile(health, 'utf8')).toContain('// Learner note: load balancers call this.');
  }, 1_200_000);
});
