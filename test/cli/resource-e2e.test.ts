// `npm run generate resource <name>` inside real starters: each one generated with the built CLI,
// installed, given a resource with no terminal attached (the name comes from the argument), and
// then held to the starter's own checks: typecheck, lint, format check and its tests against a
// real database (and Redis at the advanced stage). Also: a second run for the same resource and
// an invalid name are refused with a non-zero exit and change nothing. Slow (an install per
// starter), so it needs MONGODB_URI (scripts/test.sh and CI export it); otherwise it skips itself.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAvailable, type IdeaId, type StageId } from '../../generators/catalog.ts';
import { assertBuilt, runBin } from './run-bin.ts';

const mongodbUri = process.env.MONGODB_URI;
const redisUrl = process.env.REDIS_URL;

interface Case {
  idea: IdeaId;
  stage: StageId;
  resource: string;
  /** Where the files go: src/<folder>/, test/<folder>.test.ts. */
  folder: string;
  /** The whole `npm test`, or only these test files (another idea: its shape, not its suite). */
  tests: 'all' | string[];
}

const CASES: Case[] = [
  { idea: 'todo-app', stage: 'beginner', resource: 'book', folder: 'books', tests: 'all' },
  { idea: 'todo-app', stage: 'intermediate', resource: 'book', folder: 'books', tests: 'all' },
  { idea: 'todo-app', stage: 'advanced', resource: 'book', folder: 'books', tests: 'all' },
  {
    idea: 'notes-app',
    stage: 'intermediate',
    resource: 'category',
    folder: 'categories',
    tests: ['test/categories.test.ts', 'test/openapi.test.ts', 'test/indexes.test.ts'],
  },
];

const skipReason = !mongodbUri
  ? 'MONGODB_URI is not set (run through scripts/test.sh, or export it)'
  : undefined;
if (skipReason) console.log(`resource-e2e skipped: ${skipReason}.`);

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string, timeout: number) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    // No terminal: stdin is empty, as in CI.
    input: '',
    env: {
      ...process.env,
      MONGODB_URI: mongodbUri,
      ...(redisUrl && { REDIS_URL: redisUrl }),
      NO_COLOR: '1',
    },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const npm = (args: string[], cwd: string, timeout = 300_000) => run('npm', args, cwd, timeout);

/** Every file of the project but its dependencies, with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

describe.skipIf(skipReason !== undefined)('npm run generate resource, end to end', () => {
  it.each(CASES.filter(({ idea, stage }) => isAvailable(idea, stage)))(
    '$idea at $stage: `generate resource $resource`, then its checks and tests pass',
    async ({ idea, stage, resource, folder, tests }) => {
      assertBuilt();
      root ??= await mkdtemp(join(tmpdir(), 'backend-roadmap-resource-e2e-'));
      const name = `${idea}-${stage}`;
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
      const created = await runBin([idea, name, '--stage', stage, '--no-install', '--no-git'], {
        cwd: root,
        env,
      });
      expect(created.code, created.stderr).toBe(0);
      const dir = join(root, name);

      const install = npm(['install', '--no-audit', '--no-fund'], dir, 600_000);
      expect(install.code, install.output).toBe(0);

      const generated = npm(['run', 'generate', 'resource', resource], dir);
      expect(generated.code, generated.output).toBe(0);
      expect(generated.output).toContain(`Added the ${resource} resource on /${folder}`);
      for (const layer of ['model', 'schemas', 'service', 'routes']) {
        expect(existsSync(join(dir, `src/${folder}/${resource}.${layer}.ts`)), layer).toBe(true);
      }
      expect(existsSync(join(dir, `test/${folder}.test.ts`))).toBe(true);
      expect(existsSync(join(dir, `src/${folder}/${resource}.cache.ts`))).toBe(
        stage === 'advanced',
      );
      const app = readFileSync(join(dir, 'src/app.ts'), 'utf8');
      expect(app).toContain(`app.use('/${folder}', `);

      // Refused, and nothing changes: the same resource again, and a name that cannot be one.
      const before = snapshot(dir);
      const again = npm(['run', 'generate', 'resource', resource], dir);
      expect(again.code).not.toBe(0);
      expect(again.output).toContain('already exists');
      const invalid = npm(['run', 'generate', 'resource', 'not a name!'], dir);
      expect(invalid.code).not.toBe(0);
      expect(invalid.output).toContain('is not a resource name');
      const unnamed = npm(['run', 'generate', 'resource'], dir);
      expect(unnamed.code).not.toBe(0);
      expect(unnamed.output).toContain('npm run generate resource <name>');
      expect(snapshot(dir)).toEqual(before);

      for (const script of ['typecheck', 'lint', 'format:check']) {
        const check = npm(['run', script], dir);
        expect(check.code, `${script}\n${check.output}`).toBe(0);
      }
      const testRun =
        tests === 'all' ? npm(['test'], dir, 600_000) : npm(['test', '--', ...tests], dir, 600_000);
      expect(testRun.code, testRun.output).toBe(0);
      expect(testRun.output).toContain(`${folder}.test.ts`);
    },
    2_400_000,
  );
});
