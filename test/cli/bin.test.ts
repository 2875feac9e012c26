import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDEAS, STAGES, availableStarters } from '../../generators/catalog.ts';
import { assertBuilt, runBin, type BinOptions } from './run-bin.ts';

const { idea, stage } = availableStarters()[0]!;
const quiet = ['--no-install', '--no-git'];
const ESC = String.fromCharCode(27);

let cwd: string;

/** A clean environment: no colours, no package-manager user agent, no user or system git config. */
function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: cwd,
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(cwd, '.no-gitconfig'),
    ...extra,
  };
}

function cli(args: readonly string[], options: Partial<BinOptions> = {}) {
  return runBin(args, { cwd, env: env(), ...options });
}

/** Every file below `dir`, relative, sorted: the way to compare what was written. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

beforeAll(() => assertBuilt());

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'cbr-cli-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('information', () => {
  it('--version prints the package version', async () => {
    const pkg = (await readJson(new URL('../../package.json', import.meta.url))) as {
      version: string;
    };
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('--help shows usage, options, examples and exit codes', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const section of ['Usage:', 'Options:', 'Examples:', 'Exit codes:', '--dry-run', '130']) {
      expect(result.stdout).toContain(section);
    }
  });

  it('--list shows every idea and stage with concepts, without colours when not a terminal', async () => {
    const result = await cli(['--list']);
    expect(result.code).toBe(0);
    for (const { id } of [...IDEAS, ...STAGES]) expect(result.stdout).toContain(id);
    expect(result.stdout).toContain(STAGES[0]!.concepts[0]!.title);
    expect(result.stdout).not.toContain(ESC);
  });

  it('--list --json prints the catalog', async () => {
    const result = await cli(['--list', '--json']);
    expect(result.code).toBe(0);
    const catalog = JSON.parse(result.stdout) as {
      modes: string[];
      stages: { id: string; concepts: unknown[]; mistakes: unknown[]; outcomes: unknown[] }[];
      ideas: { id: string; contracts: object; available: string[] }[];
    };
    expect(catalog.modes).toEqual(['guided', 'exercise']);
    expect(catalog.ideas).toHaveLength(7);
    expect(catalog.stages).toHaveLength(3);
    for (const entry of catalog.stages) {
      expect(entry.concepts.length).toBeGreaterThan(0);
      expect(entry.mistakes.length).toBeGreaterThan(0);
      expect(entry.outcomes.length).toBeGreaterThan(0);
    }
    const todo = catalog.ideas.find((candidate) => candidate.id === idea);
    expect(todo?.available).toContain(stage);
    expect(todo?.contracts).toBeTypeOf('object');
  });
});

describe('creating a starter', () => {
  it('writes the starter into ./<idea> and prints the next steps', async () => {
    const result = await cli([idea, '--stage', stage, ...quiet]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await tree(join(cwd, idea));
    expect(files).toEqual(expect.arrayContaining(['package.json', '.backend-roadmap.json']));
    const pkg = await readJson(join(cwd, idea, 'package.json'));
    expect(pkg).toMatchObject({ name: idea });
    const record = await readJson(join(cwd, idea, '.backend-roadmap.json'));
    expect(record).toMatchObject({ idea, stage, options: { install: false, git: false } });
    expect(result.stdout).toContain(`Wrote ${files.length} files`);
    expect(result.stdout).toMatch(new RegExp(`Next steps:\\n  cd ${idea}\\n  npm install`));
    expect(await readdir(cwd)).toEqual([idea]);
  });

  it('accepts an absolute directory, creating missing parents', async () => {
    const target = join(cwd, 'a', 'b', 'api');
    const result = await cli([idea, target, '-s', stage, ...quiet]);
    expect(result.code).toBe(0);
    expect(existsSync(join(target, 'package.json'))).toBe(true);
  });

  it('--dry-run lists the files and the target and writes nothing', async () => {
    const result = await cli([idea, 'out', '--stage', stage, '--dry-run', ...quiet]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('./out');
    expect(result.stdout).toContain('  package.json\n');
    expect(result.stdout).toContain('  .backend-roadmap.json\n');
    expect(result.stdout).toContain('Nothing was written.');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('cleans up the directory name into a package name and says so', async () => {
    const result = await cli([idea, 'My App', '--stage', stage, ...quiet]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Package name: my-app (from the directory name "My App")');
    const pkg = await readJson(join(cwd, 'My App', 'package.json'));
    expect(pkg).toMatchObject({ name: 'my-app' });
    expect(result.stdout).toContain("cd 'My App'");
  });

  it('refuses a directory name that cannot become a package name', async () => {
    const result = await cli([idea, 'http', '--stage', stage, ...quiet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('core module');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('uses the package manager it was started with in the next steps', async () => {
    const agent = { npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v22.12.0 linux x64' };
    const result = await cli([idea, '--stage', stage, ...quiet], { env: env(agent) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  pnpm install\n');
  });
});

describe('usage errors (exit 2)', () => {
  it.each([
    [['todo-ap', 'dir', '--stage', 'beginner'], 'Did you mean "todo-app"?'],
    [[idea, '--stage', 'beginer'], 'Did you mean "beginner"?'],
    [[idea, '--stag', 'beginner'], 'Did you mean "--stage"?'],
    [[idea, '--stage', stage, '--pm', 'yarnn'], 'Did you mean "yarn"?'],
  ])('%j', async (args, suggestion) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(suggestion);
    expect(result.stderr).toContain('Valid');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('fails fast without a terminal when the stage is missing, listing the stages', async () => {
    const result = await cli([idea], { timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing --stage');
    expect(result.stderr).toContain('beginner, intermediate, advanced');
    expect(result.ms).toBeLessThan(5_000);
  });

  it('refuses a non-empty directory and leaves it untouched', async () => {
    await mkdir(join(cwd, idea));
    await writeFile(join(cwd, idea, 'package.json'), 'mine');
    const result = await cli([idea, '--stage', stage, ...quiet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not empty');
    expect(result.stderr).toContain('--force');
    expect(await tree(cwd)).toEqual([`${idea}/package.json`]);
    expect(await readFile(join(cwd, idea, 'package.json'), 'utf8')).toBe('mine');
  });

  it('refuses an existing file at the target path', async () => {
    await writeFile(join(cwd, idea), 'a file');
    const result = await cli([idea, '--stage', stage, '--force', ...quiet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists and is not a directory');
    expect(await readFile(join(cwd, idea), 'utf8')).toBe('a file');
  });
});

describe('--force', () => {
  it('writes into a non-empty directory, overwriting only same-named files', async () => {
    await mkdir(join(cwd, idea));
    await writeFile(join(cwd, idea, 'package.json'), 'old');
    await writeFile(join(cwd, idea, 'notes.txt'), 'mine');
    const result = await cli([idea, '--stage', stage, '--force', ...quiet]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Overwrote 1 existing files:\n {2}package\.json/);
    expect(await readFile(join(cwd, idea, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(cwd, idea, 'package.json'), 'utf8')).toContain(`"name": "${idea}"`);
    expect((await readdir(cwd)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });
});

describe('install and git', () => {
  it('reports a failed install with the command to run by hand, keeps the files, exits 1', async () => {
    const bin = join(cwd, 'fake-bin');
    await mkdir(bin);
    await writeFile(join(bin, 'npm'), '#!/bin/sh\necho "fake npm $*"\nexit 7\n');
    await chmod(join(bin, 'npm'), 0o755);
    const path = `${bin}:${process.env.PATH ?? ''}`;
    const result = await cli([idea, 'app', '--stage', stage, '--no-git'], {
      env: env({ PATH: path }),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('fake npm install');
    expect(result.stderr).toContain('`npm install` failed with exit code 7');
    expect(result.stderr).toContain('Install by hand: cd app && npm install');
    expect(existsSync(join(cwd, 'app', 'package.json'))).toBe(true);
  });

  it('says so when the package manager is not installed', async () => {
    const result = await cli([idea, 'app', '--stage', stage, '--no-git', '--pm', 'bun'], {
      env: env({ PATH: '/nonexistent' }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bun was not found on PATH');
    expect(existsSync(join(cwd, 'app', 'package.json'))).toBe(true);
  });

  it('initialises git with a first commit, even without a configured identity', async () => {
    const result = await cli([idea, 'app', '--stage', stage, '--no-install']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created a git repository with a first commit');
    const log = git(join(cwd, 'app'), ['log', '--format=%an|%s']);
    expect(log.trim()).toBe('create-backend-roadmap|Initial commit from create-backend-roadmap');
    expect(git(join(cwd, 'app'), ['status', '--porcelain'])).toBe('');
  });

  it('skips git inside an existing work tree', async () => {
    git(cwd, ['init', '--quiet']);
    const result = await cli([idea, 'app', '--stage', stage, '--no-install']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Skipped git init: the directory is inside an existing git');
    expect(existsSync(join(cwd, 'app', '.git'))).toBe(false);
  });
});

describe('interruption', () => {
  it('never leaves a partial starter or a temporary folder behind, whenever SIGINT arrives', async () => {
    const reference = await cli([idea, 'reference', '--stage', stage, ...quiet]);
    expect(reference.code).toBe(0);
    const complete = await tree(join(cwd, 'reference'));
    for (const delay of [40, 80, 120, 160, 200, 260, 320, 400]) {
      const name = `run-${delay}`;
      const result = await cli([idea, name, '--stage', stage, ...quiet], {
        onSpawn: (kill) => setTimeout(() => kill('SIGINT'), delay),
      });
      const leftovers = (await readdir(cwd)).filter((entry) => entry.includes('.partial-'));
      expect(leftovers, `delay ${delay}`).toEqual([]);
      if (existsSync(join(cwd, name))) {
        expect(await tree(join(cwd, name)), `delay ${delay}`).toEqual(complete);
      } else if (result.code === 130) {
        expect(result.stderr, `delay ${delay}`).toContain('Cancelled. Nothing was written.');
      } else {
        // Interrupted during Node's start-up, before the CLI listens for signals.
        expect(result.signal, `delay ${delay}`).toBe('SIGINT');
      }
    }
  }, 60_000);
});

async function readJson(path: string | URL): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: env(), encoding: 'utf8' });
}
