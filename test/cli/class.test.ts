import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDEAS, STAGE_IDS } from '../../generators/catalog.ts';
import { renderStarterSync } from '../../generators/render.ts';
import { parseCourse, type Course, type CourseProblem } from '../../src/class/course.ts';
import { assertBuilt, runBin } from './run-bin.ts';

/** A starter the catalog does not offer yet, if any (none once all 21 are available). */
const [UNAVAILABLE] = IDEAS.flatMap((idea) =>
  STAGE_IDS.filter((stage) => !idea.available.includes(stage)).map((stage) => ({
    idea: idea.id,
    stage,
  })),
);

let cwd: string;

function cli(args: readonly string[]) {
  return runBin(['class', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1' },
  });
}

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function course(name: string, body: unknown): Promise<string> {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  await writeFile(join(cwd, name), text);
  return name;
}

const CLASS = {
  course: 'Backend 101',
  idea: 'todo-app',
  stage: 'beginner',
  mode: 'guided',
  students: ['Ada Lovelace', { name: 'Grace Hopper' }],
  teams: [{ name: 'Team Blue', members: ['Alan', 'Barbara'] }],
};

beforeAll(() => assertBuilt());
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'backend-roadmap-class-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('class: generating a class', () => {
  it('writes one starter per student and team, a solution and the summary, installing nothing', async () => {
    const result = await cli([await course('backend-101.json', CLASS)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = join(cwd, 'backend-101');
    expect((await readdir(out)).sort()).toEqual([
      'ada-lovelace',
      'class-summary.json',
      'class-summary.md',
      'grace-hopper',
      'solution',
      'team-blue',
    ]);
    const files = await tree(join(out, 'ada-lovelace'));
    expect(files).not.toContain('node_modules');
    for (const folder of ['ada-lovelace', 'grace-hopper', 'team-blue', 'solution']) {
      expect(await tree(join(out, folder))).toEqual(files);
      const pkg = await readJson(join(out, folder, 'package.json'));
      const name = folder === 'solution' ? 'todo-app-solution' : folder;
      expect(pkg.name).toBe(name);
      const record = await readJson(join(out, folder, '.backend-roadmap.json'));
      expect(record).toMatchObject({ idea: 'todo-app', stage: 'beginner', projectName: name });
      // Every hash in the record is the hash of that copy's own file.
      const hashes = record.files as Record<string, string>;
      expect(Object.keys(hashes).sort()).toEqual(
        files.filter((f) => f !== '.backend-roadmap.json'),
      );
      for (const [path, hash] of Object.entries(hashes)) {
        expect(sha(await readFile(join(out, folder, path), 'utf8')), path).toBe(hash);
      }
    }
    const summary = await readJson(join(out, 'class-summary.json'));
    expect(summary).toMatchObject({ course: 'Backend 101', idea: 'todo-app', stage: 'beginner' });
    expect(summary.copies).toEqual([
      expect.objectContaining({
        kind: 'student',
        name: 'Ada Lovelace',
        folder: 'ada-lovelace',
        status: 'created',
      }),
      expect.objectContaining({ kind: 'student', name: 'Grace Hopper', folder: 'grace-hopper' }),
      expect.objectContaining({ kind: 'team', folder: 'team-blue', members: ['Alan', 'Barbara'] }),
      expect.objectContaining({ kind: 'solution', folder: 'solution' }),
    ]);
    const markdown = await readFile(join(out, 'class-summary.md'), 'utf8');
    expect(markdown).toContain('| `team-blue/` | team | Team Blue | Alan, Barbara |');
    expect(markdown).toContain('npm install');
    expect(result.stdout).toContain('Nothing was installed');
    expect(result.stdout).toContain('ada-lovelace/');
  });

  it('gives each student exactly what a render under their package name gives', async () => {
    await cli([await course('c.json', CLASS), '--out', 'out']);
    const expected = renderStarterSync({
      idea: 'todo-app',
      stage: 'beginner',
      projectName: 'grace-hopper',
      options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
    });
    for (const file of expected) {
      expect(await readFile(join(cwd, 'out', 'grace-hopper', file.path), 'utf8'), file.path).toBe(
        file.content,
      );
    }
  });

  // The 3-second target is measured by `npm run bench` (class part), side by side, not here: a
  // timed unit test fails on a busy machine without anything being wrong.
  it('generates a class of 30 in one run', async () => {
    const students = Array.from({ length: 30 }, (_, index) => `Student ${index + 1}`);
    const result = await cli([await course('big.json', { ...CLASS, students, teams: [] })]);
    expect(result.code).toBe(0);
    expect((await readdir(join(cwd, 'big'))).length).toBe(33);
    console.log(`class of 30 (31 starters, no install): ${Math.round(result.ms)} ms`);
  });

  it('leaves existing folders alone on a second run and adds new students', async () => {
    await cli([await course('c.json', CLASS)]);
    const mine = join(cwd, 'c', 'ada-lovelace', 'src', 'server.ts');
    await writeFile(mine, '// Ada was here\n');
    await rm(join(cwd, 'c', 'grace-hopper', 'README.md'));
    const result = await cli([
      await course('c.json', { ...CLASS, students: [...CLASS.students, 'Katherine Johnson'] }),
    ]);
    expect(result.code).toBe(0);
    expect(await readFile(mine, 'utf8')).toBe('// Ada was here\n');
    expect(existsSync(join(cwd, 'c', 'grace-hopper', 'README.md'))).toBe(false);
    expect(existsSync(join(cwd, 'c', 'katherine-johnson', 'package.json'))).toBe(true);
    expect(result.stdout).toMatch(/Created 1 folders/);
    expect(result.stdout).toMatch(/Left alone 4 folders that already exist:\n {2}ada-lovelace\//);
    const summary = await readJson(join(cwd, 'c', 'class-summary.json'));
    expect((summary.copies as { status: string }[]).map((copy) => copy.status)).toEqual([
      'existing',
      'existing',
      'created',
      'existing',
      'existing',
    ]);
  });

  it('--dry-run lists the folders and writes nothing', async () => {
    const result = await cli([await course('c.json', CLASS), '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Would create 4 folders');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(await readdir(cwd)).toEqual(['c.json']);
  });
});

describe('class: refusing a bad course file before writing anything', () => {
  const cases: [string, string, RegExp[]][] = [
    [
      'names that leave the folder, clean up to nothing or collide',
      JSON.stringify(
        {
          idea: 'todo-app',
          stage: 'beginner',
          students: ['Ada', '../x', '/x', '!!!', 'ADA', 'solution'],
        },
        null,
        2,
      ),
      [
        /c\.json:6: student "\.\.\/x": a name may not contain "\/"/,
        /c\.json:7: student "\/x": a name may not contain "\/"/,
        /c\.json:8: student "!!!": nothing is left of this name/,
        /c\.json:9: student "ADA": becomes the folder "ada", like student "Ada" on line 5/,
        /c\.json:10: student "solution": "solution" is used by the class itself/,
      ],
    ],
    [
      'unknown idea and stage, with suggestions',
      '{\n  "idea": "todo-ap",\n  "stage": "beginer",\n  "students": ["a"]\n}\n',
      [
        /c\.json:2: idea: unknown idea "todo-ap"\. Did you mean "todo-app"\?/,
        /c\.json:3: stage: unknown stage "beginer"\. Did you mean "beginner"\?/,
      ],
    ],
    [
      'unknown and missing fields',
      '{\n  "idea": "todo-app",\n  "studnets": ["a"]\n}\n',
      [
        /c\.json:1: stage: missing: one of beginner, intermediate, advanced/,
        /c\.json:3: studnets: unknown field\. Did you mean "students"\?/,
      ],
    ],
    [
      'a student object with a wrong field',
      '{\n  "idea": "todo-app",\n  "stage": "beginner",\n  "students": [\n    { "nme": "a" }\n  ]\n}\n',
      [/c\.json:5: students\[0\]\.nme: unknown field\. Did you mean "name"\?/],
    ],
    [
      'broken JSON',
      '{\n  "idea": "todo-app",\n  "stage": "beginner"\n  "students": ["a"]\n}\n',
      [/c\.json:4: column 3: not valid JSON: expected "," or "}"/],
    ],
    [
      'a mode that does not exist',
      '{\n  "idea": "todo-app",\n  "stage": "beginner",\n  "mode": "exam",\n  "students": ["a"]\n}\n',
      [/c\.json:4: mode: unknown mode "exam"/],
    ],
    // Whatever the catalog does not offer yet, so the case holds as starters land.
    ...(UNAVAILABLE === undefined
      ? []
      : ([
          [
            'a stage without templates yet',
            `{\n  "idea": "${UNAVAILABLE.idea}",\n  "stage": "${UNAVAILABLE.stage}",\n  "students": ["a"]\n}\n`,
            [
              new RegExp(
                `c\\.json:3: stage: the ${UNAVAILABLE.idea} starter is not available at stage ${UNAVAILABLE.stage} yet`,
              ),
            ],
          ],
        ] satisfies [string, string, RegExp[]][])),
  ];
  for (const [title, text, messages] of cases) {
    it(title, async () => {
      const result = await cli([await course('c.json', text)]);
      expect(result.code).toBe(2);
      for (const message of messages) expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('nothing was generated');
      expect(await readdir(cwd)).toEqual(['c.json']);
    });
  }

  it('refuses a missing course file, a missing argument and an --out that is a file', async () => {
    expect((await cli(['nope.json'])).stderr).toContain('Course file nope.json not found.');
    const missing = await cli([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing the course file.');
    await writeFile(join(cwd, 'taken'), '');
    const file = await cli([await course('c.json', CLASS), '--out', 'taken']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('taken exists and is not a folder.');
    const option = await cli([await course('c.json', CLASS), '--outt', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Did you mean "--out"?');
  });
});

/** The course, or a failed expectation listing the problems. */
function parsed(text: string): Course {
  const result = parseCourse(text);
  if (!('course' in result)) throw new Error(JSON.stringify(result.problems));
  return result.course;
}

function problems(text: string): CourseProblem[] {
  const result = parseCourse(text);
  return 'problems' in result ? result.problems : [];
}

describe('class: the course file reader', () => {
  it('accepts plain names, objects and teams with members', () => {
    const course = parsed(JSON.stringify(CLASS));
    expect(course).toMatchObject({ idea: 'todo-app', stage: 'beginner', mode: 'guided' });
    expect(course.seats.map(({ kind, folder, members }) => ({ kind, folder, members }))).toEqual([
      { kind: 'student', folder: 'ada-lovelace', members: [] },
      { kind: 'student', folder: 'grace-hopper', members: [] },
      { kind: 'team', folder: 'team-blue', members: ['Alan', 'Barbara'] },
    ]);
  });

  it('defaults the mode to guided and refuses an empty class', () => {
    expect(parsed('{"idea":"todo-app","stage":"beginner","students":["a"]}').mode).toBe('guided');
    const empty = problems('{"idea":"todo-app","stage":"beginner","students":[]}');
    expect(empty.map((problem) => problem.message)).toEqual([
      'the class is empty: list at least one student or team',
    ]);
  });

  it('reports duplicate keys, wrong types and trailing commas with their lines', () => {
    expect(problems('{\n"idea": "todo-app",\n"idea": "blog"\n}')).toContainEqual({
      line: 3,
      field: 'idea',
      message: 'given twice (first on line 2)',
    });
    const wrongType = problems('{"idea":"todo-app","stage":"beginner","students":[1]}');
    expect(wrongType.map((problem) => problem.field)).toEqual(['students[0]']);
    const comma = problems('{\n"students": ["a",]\n}');
    expect(comma).toHaveLength(1);
    expect(comma[0]?.line).toBe(2);
    expect(comma[0]?.message).toContain('trailing comma');
  });
});
