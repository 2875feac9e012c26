import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getIdea } from '../../generators/catalog.ts';
import { generationRecord } from '../../generators/record.ts';
import { assertGitAvailable, gitMergeFile } from '../../src/upgrade/merge.ts';
import { planUpgrade } from '../../src/upgrade/plan.ts';
import { upgradeStarter } from '../../src/upgrade/upgrade.ts';
import { assertBuilt, runBin } from './run-bin.ts';
import {
  ADDED_LINE,
  DB_LINE,
  SERVER_FIRST_LINE,
  templatesWithIntermediate,
} from './upgrade-fixture.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const intermediateAvailable = getIdea('todo-app').available.includes('intermediate');

let root: string;
let templates: string;

function cli(args: readonly string[], cwd: string) {
  return runBin(args, { cwd, env: { PATH: process.env.PATH, HOME: root, NO_COLOR: '1' } });
}

/** A beginner todo-app starter written by the built CLI, in a fresh folder. */
async function beginnerStarter(): Promise<string> {
  const parent = await mkdtemp(join(root, 'case-'));
  const result = await cli(['todo-app', '--stage', 'beginner', '--no-install', '--no-git'], parent);
  expect(result.code, result.stderr).toBe(0);
  return join(parent, 'todo-app');
}

/** Every file below `dir` with its content: to prove that nothing changed. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((item) => item.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

/** The learner's work: a line of their own in two files, one of them on a line the stage changes. */
async function learnerChanges(dir: string): Promise<void> {
  const health = join(dir, 'src/health.ts');
  const lines = (await readFile(health, 'utf8')).split('\n');
  lines[0] = '// My note: /health is what the load balancer calls.';
  await writeFile(health, lines.join('\n'));
  const server = join(dir, 'src/server.ts');
  const serverLines = (await readFile(server, 'utf8')).split('\n');
  serverLines[0] = '// Learner: I changed this first line too.';
  await writeFile(server, serverLines.join('\n'));
  await writeFile(join(dir, 'NOTES.md'), '# What I learned\n');
}

beforeAll(async () => {
  assertBuilt();
  root = await mkdtemp(join(tmpdir(), 'backend-roadmap-upgrade-'));
  templates = await templatesWithIntermediate(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('upgrade: a beginner starter to a (synthetic) intermediate stage', () => {
  const deps = () => ({ templatesDir: templates, isAvailable: () => true });
  const args = { to: 'intermediate' as const, dryRun: false, verbose: false, help: false };
  let lines: string[];
  const context = (cwd: string) => ({ cwd, out: (line: string) => lines.push(line) });
  beforeEach(() => {
    lines = [];
  });

  it('updates untouched files, merges changed ones, keeps the learner file, updates the record', async () => {
    const dir = await beginnerStarter();
    await learnerChanges(dir);
    const plan = await upgradeStarter(args, context(dir), deps());
    const action = (path: string) => plan.steps.find((step) => step.path === path)?.action;
    expect(action('src/db.ts')).toBe('update');
    expect(action('src/health.ts')).toBe('merge');
    expect(action('src/server.ts')).toBe('conflict');
    expect(action('src/intermediate.ts')).toBe('add');
    expect(action('NOTES.md')).toBe('keep');

    // Untouched: now exactly the new stage's file.
    expect((await readFile(join(dir, 'src/db.ts'), 'utf8')).endsWith(`${DB_LINE}\n`)).toBe(true);
    expect(await readFile(join(dir, 'src/intermediate.ts'), 'utf8')).toContain('intermediate');
    // Merged: the learner's line and the stage's line are both there, no markers.
    const health = await readFile(join(dir, 'src/health.ts'), 'utf8');
    expect(health.startsWith('// My note: /health is what the load balancer calls.\n')).toBe(true);
    expect(health).toContain(ADDED_LINE);
    expect(health).not.toContain('<<<<<<<');
    // Conflict: both versions, between markers, and listed.
    const server = await readFile(join(dir, 'src/server.ts'), 'utf8');
    expect(server).toContain('<<<<<<< yours (src/server.ts)');
    expect(server).toContain('// Learner: I changed this first line too.');
    expect(server).toContain(SERVER_FIRST_LINE);
    expect(server).toContain('>>>>>>> new stage');
    const output = lines.join('\n');
    expect(output).toMatch(/1 files need your attention[^\n]*\n {2}src\/server\.ts/);
    // The learner's own file.
    expect(await readFile(join(dir, 'NOTES.md'), 'utf8')).toBe('# What I learned\n');

    const record = await readJson(join(dir, '.backend-roadmap.json'));
    expect(record).toMatchObject({
      idea: 'todo-app',
      stage: 'intermediate',
      projectName: 'todo-app',
    });
    expect(record.layers).toContain('stages/intermediate');
    const hashes = record.files as Record<string, string>;
    expect(hashes['src/db.ts']).toBe(sha(await readFile(join(dir, 'src/db.ts'), 'utf8')));
    expect(hashes['src/intermediate.ts']).toBeDefined();
    // No temporary files are left behind.
    expect([...(await snapshot(dir)).keys()].filter((path) => path.includes('.upgrade-'))).toEqual(
      [],
    );
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = await beginnerStarter();
    await learnerChanges(dir);
    const before = await snapshot(dir);
    await upgradeStarter({ ...args, dryRun: true }, context(dir), deps());
    expect(await snapshot(dir)).toEqual(before);
    const output = lines.join('\n');
    expect(output).toContain('Plan to upgrade todo-app from beginner to intermediate:');
    expect(output).toMatch(/update +src\/db\.ts/);
    expect(output).toMatch(/merge +src\/health\.ts/);
    expect(output).toMatch(/conflict +src\/server\.ts {2}\(1 conflict\)/);
    expect(output).toMatch(/add +src\/intermediate\.ts/);
    expect(output).toMatch(/keep +NOTES\.md {2}\(your file\)/);
    expect(output).toContain('Dry run: nothing was written.');
  });

  it('an untouched starter becomes exactly the new stage', async () => {
    const dir = await beginnerStarter();
    await upgradeStarter(args, context(dir), deps());
    const { renderStarterSync } = await import('../../generators/render.ts');
    const expected = renderStarterSync(
      {
        idea: 'todo-app',
        stage: 'intermediate',
        projectName: 'todo-app',
        options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
      },
      templates,
    );
    expect(await snapshot(dir)).toEqual(new Map(expected.map((file) => [file.path, file.content])));
  });

  it('refuses a second run to the same stage, and a downgrade', async () => {
    const dir = await beginnerStarter();
    await upgradeStarter(args, context(dir), deps());
    await expect(upgradeStarter(args, context(dir), deps())).rejects.toThrow(
      'This starter is already at intermediate.',
    );
    await expect(upgradeStarter({ ...args, to: 'beginner' }, context(dir), deps())).rejects.toThrow(
      'Cannot go down from intermediate to beginner',
    );
  });
});

describe('upgrade: the plan for each kind of file', () => {
  const record = (files: Record<string, string>) =>
    generationRecord(
      'todo-app',
      'beginner',
      'x',
      { packageManager: 'npm', install: false, git: false, mode: 'guided' },
      ['base'],
      Object.fromEntries(Object.entries(files).map(([path, content]) => [path, sha(content)])),
    );
  const recordFile = { path: '.backend-roadmap.json', content: '{}\n' };
  const rendered = (files: Record<string, string>) => [
    ...Object.entries(files).map(([path, content]) => ({ path, content })),
    recordFile,
  ];
  /** The plan for files given as path → content, where no file needs a three-way merge. */
  const planWithoutMerge = (input: {
    recorded: Record<string, string>;
    base: Record<string, string>;
    theirs: Record<string, string>;
    ours: Record<string, string>;
  }) =>
    planUpgrade({
      record: record(input.recorded),
      base: rendered(input.base),
      theirs: rendered(input.theirs),
      readOurs: (path) => input.ours[path],
      workingFiles: Object.keys(input.ours),
      merge: () => {
        throw new Error('no merge expected');
      },
    });
  const base = {
    'a.ts': 'a\n',
    'gone.ts': 'old\n',
    'gone-changed.ts': 'old\n',
    'deleted.ts': 'd\n',
  };

  it('deletes only untouched files the new stage drops, and keeps everything of the learner', () => {
    const ours: Record<string, string> = {
      'a.ts': 'a\n',
      'gone.ts': 'old\n',
      'gone-changed.ts': 'old\nmine\n',
      'mine.ts': 'mine\n',
    };
    const plan = planWithoutMerge({
      recorded: base,
      base,
      theirs: { 'a.ts': 'a2\n', 'deleted.ts': 'd2\n' },
      ours,
    });
    expect(plan.steps.map(({ path, action, note }) => ({ path, action, note }))).toEqual([
      { path: 'a.ts', action: 'update', note: undefined },
      {
        path: 'deleted.ts',
        action: 'keep',
        note: 'you deleted it; the new stage changes it (not restored)',
      },
      {
        path: 'gone-changed.ts',
        action: 'keep',
        note: 'you changed it; the new stage no longer has it',
      },
      { path: 'gone.ts', action: 'delete', note: undefined },
      { path: 'mine.ts', action: 'keep', note: 'your file' },
    ]);
  });

  it('trusts the recorded hash over a re-render that changed since', () => {
    // The tool now renders the old stage differently ('a-new'), but the learner's file still has
    // the recorded hash: it is untouched, so it is updated, not merged.
    const plan = planWithoutMerge({
      recorded: { 'a.ts': 'a-as-generated-then\n' },
      base: { 'a.ts': 'a-new\n' },
      theirs: { 'a.ts': 'a3\n' },
      ours: { 'a.ts': 'a-as-generated-then\n' },
    });
    expect(plan.steps).toEqual([{ path: 'a.ts', action: 'update', content: 'a3\n' }]);
  });

  it('counts files only the record lists (an older render) as generated', () => {
    const plan = planWithoutMerge({
      recorded: { 'legacy.ts': 'l\n', 'legacy-changed.ts': 'l\n' },
      base: {},
      theirs: {},
      ours: { 'legacy.ts': 'l\n', 'legacy-changed.ts': 'mine\n' },
    });
    expect(plan.steps.map(({ path, action }) => [path, action])).toEqual([
      ['legacy-changed.ts', 'keep'],
      ['legacy.ts', 'delete'],
    ]);
  });

  it('adds files a newer tool version renders into the old stage, which the learner never had', () => {
    // The record (an older render) lacks scripts/generate.js and new.ts; today's render of the
    // old stage has both. The learner's own same-named file is theirs, not a generated one.
    const plan = planWithoutMerge({
      recorded: { 'a.ts': 'a\n' },
      base: { 'a.ts': 'a\n', 'scripts/generate.js': 'run\n', 'mine.ts': 'my own\n' },
      theirs: { 'a.ts': 'a\n', 'scripts/generate.js': 'run\n' },
      ours: { 'a.ts': 'a\n', 'mine.ts': 'my own\n' },
    });
    expect(plan.steps.map(({ path, action, note }) => ({ path, action, note }))).toEqual([
      { path: 'mine.ts', action: 'keep', note: 'your file' },
      { path: 'scripts/generate.js', action: 'add', note: undefined },
    ]);
  });

  it('merges with git merge-file, and says so clearly when git is missing', () => {
    expect(gitMergeFile('x\nb\nc\n', 'a\nb\nc\n', 'a\nb\nz\n', 'f')).toEqual({
      content: 'x\nb\nz\n',
      conflicts: 0,
    });
    expect(gitMergeFile('x\n', 'a\n', 'y\n', 'f').conflicts).toBe(1);
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-binaries-here');
    try {
      expect(() => assertGitAvailable()).toThrow(
        'upgrade needs git to merge files you changed, and git was not found.',
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('upgrade: from the built CLI', () => {
  it('refuses outside a starter, without --to, downgrades and unknown stages (exit 2)', async () => {
    const outside = await cli(['upgrade', '--to', 'intermediate'], root);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('No .backend-roadmap.json here');
    const dir = await beginnerStarter();
    const before = await snapshot(dir);
    const missing = await cli(['upgrade'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --to <stage>: this starter is todo-app at beginner.');
    const same = await cli(['upgrade', '--to', 'beginner'], dir);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('This starter is already at beginner.');
    const typo = await cli(['upgrade', '--to', 'intermediat'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "intermediate"?');
    const advanced = getIdea('todo-app').available.includes('advanced');
    if (!advanced) {
      const unavailable = await cli(['upgrade', '--to', 'advanced'], dir);
      expect(unavailable.code).toBe(2);
      expect(unavailable.stderr).toContain(
        'The todo-app starter is not available at advanced yet.',
      );
    }
    expect(await snapshot(dir)).toEqual(before);

    const record = await readJson(join(dir, '.backend-roadmap.json'));
    await writeFile(
      join(dir, '.backend-roadmap.json'),
      JSON.stringify({ ...record, stage: 'advanced' }),
    );
    const down = await cli(['upgrade', '--to', 'intermediate'], dir);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('Cannot go down from advanced to intermediate');
  });

  it.runIf(intermediateAvailable)(
    'todo-app beginner → intermediate with learner changes (real templates; skipped until the catalog lists todo-app intermediate)',
    async () => {
      const dir = await beginnerStarter();
      const health = join(dir, 'src/health.ts');
      await writeFile(health, `// Learner note at the top.\n${await readFile(health, 'utf8')}`);
      await writeFile(join(dir, 'NOTES.md'), '# mine\n');
      const dry = await cli(['upgrade', '--to', 'intermediate', '--dry-run'], dir);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('Dry run: nothing was written.');
      const result = await cli(['upgrade', '--to', 'intermediate'], dir);
      expect(result.code, result.stderr).toBe(0);
      expect(await readFile(health, 'utf8')).toContain('// Learner note at the top.');
      expect(await readFile(join(dir, 'NOTES.md'), 'utf8')).toBe('# mine\n');
      const record = await readJson(join(dir, '.backend-roadmap.json'));
      expect(record.stage).toBe('intermediate');
      const hashes = record.files as Record<string, string>;
      // Every file the record lists that the learner did not touch is now the new stage's.
      for (const [path, hash] of Object.entries(hashes)) {
        if (path === 'src/health.ts' || !existsSync(join(dir, path))) continue;
        const content = await readFile(join(dir, path), 'utf8');
        if (content.includes('<<<<<<<')) continue;
        expect(sha(content), path).toBe(hash);
      }
    },
  );
});
