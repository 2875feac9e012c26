// `npm run todos` in a rendered starter: scripts/list-todos.js from the base layer.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableStarters, stagesUpTo } from '../../generators/catalog.ts';
import { renderStarterSync } from '../../generators/render.ts';
import { writeRenderedFiles } from '../../generators/write-files.ts';

interface Listed {
  mistakes: {
    id: string;
    title: string | null;
    status: string;
    locations: { file: string; line: number; text: string }[];
  }[];
}

const { idea, stage } = availableStarters()[0]!;
let dir: string;

function todos(): Listed {
  const output = execFileSync(process.execPath, ['scripts/list-todos.js', '--json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return JSON.parse(output) as Listed;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backend-roadmap-todos-'));
  const files = renderStarterSync({
    idea,
    stage,
    projectName: 'todos-check',
    options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
  });
  await writeRenderedFiles(dir, files);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run todos', () => {
  it('is a script of every starter', async () => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.todos).toBe('node scripts/list-todos.js');
  });

  it("lists every mistake of the starter's stages, with title, file and line", async () => {
    const listed = todos();
    const expected = stagesUpTo(stage).flatMap((owner) => owner.mistakes);
    expect(listed.mistakes.map((mistake) => [mistake.id, mistake.title, mistake.status])).toEqual(
      expected.map((mistake) => [mistake.id, mistake.title, 'marked']),
    );
    for (const mistake of listed.mistakes) {
      for (const location of mistake.locations) {
        const line = (await readFile(join(dir, location.file), 'utf8')).split('\n')[
          location.line - 1
        ];
        expect(line).toContain(`TODO(mistake:${mistake.id})`);
      }
    }
  });

  it('shows a mistake whose markers are gone as unmarked, and works without the README', async () => {
    const first = todos().mistakes[0]!;
    for (const { file } of first.locations) {
      const path = join(dir, file);
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replaceAll(`TODO(mistake:${first.id})`, 'Fixed'));
    }
    expect(todos().mistakes[0]).toMatchObject({ id: first.id, status: 'unmarked', locations: [] });
    await rm(join(dir, 'README.md'));
    const untitled = todos().mistakes;
    expect(untitled.length).toBeGreaterThan(0);
    expect(untitled.every((mistake) => mistake.title === null)).toBe(true);
    const text = execFileSync(process.execPath, ['scripts/list-todos.js'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(text).toMatch(/^\d+ mistake markers in \d+ files/);
    expect(text).toMatch(/\n {2}src\/[^\s]+:\d+ {2}/);
  });
});
