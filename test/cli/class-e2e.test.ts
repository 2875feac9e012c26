// Class generation end to end, on real starters: the built CLI generates an exercise-mode class
// from a course file, then one student's copy is installed and its own checks run, and the
// teacher's solution copy, on the same installed dependencies, passes every exercise. The class
// itself installs nothing (test/cli/class.test.ts checks that and the folders); this proves what
// it wrote works. Slow (one install), so it needs MONGODB_URI (scripts/test.sh and CI export it);
// otherwise it skips and says why.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStage } from '../../generators/catalog.ts';
import { assertBuilt, runBin } from './run-bin.ts';
import { runNpm } from './run-npm.ts';

const STAGE = 'beginner';
const mistakes = getStage(STAGE).mistakes;
const skip = process.env.MONGODB_URI
  ? undefined
  : 'MONGODB_URI is not set (run through scripts/test.sh, or export it)';

let root: string | undefined;
beforeAll(() => assertBuilt());
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
}, 120_000);

const npm = runNpm;

describe.skipIf(skip !== undefined)(`class e2e${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('a student copy installs and passes its checks; the solution copy fixes every exercise', async () => {
    root = await mkdtemp(join(tmpdir(), 'backend-roadmap-class-e2e-'));
    await writeFile(
      join(root, 'course.json'),
      JSON.stringify({
        course: 'Backend 101',
        idea: 'todo-app',
        stage: STAGE,
        mode: 'exercise',
        students: ['Ada Lovelace'],
      }),
    );
    const generated = await runBin(['class', 'course.json', '--out', 'class'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
    });
    expect(generated.code, generated.stderr).toBe(0);
    const student = join(root, 'class', 'ada-lovelace');
    const solution = join(root, 'class', 'solution');

    const install = npm(['install', '--no-audit', '--no-fund'], student, 900_000);
    expect(install.code, install.output).toBe(0);
    for (const script of ['typecheck', 'lint', 'format:check', 'test']) {
      const run = npm(['run', script], student);
      expect(run.code, `student: npm run ${script}\n${run.output}`).toBe(0);
    }
    const open = npm(['run', 'exercises'], student);
    expect(open.code, open.output).toBe(1);
    expect(open.output).toContain(`0 of ${mistakes.length} fixed.`);

    // Same dependencies as the student's copy: only the package name differs.
    await symlink(join(student, 'node_modules'), join(solution, 'node_modules'), 'dir');
    for (const script of ['typecheck', 'test']) {
      const run = npm(['run', script], solution);
      expect(run.code, `solution: npm run ${script}\n${run.output}`).toBe(0);
    }
    const solved = npm(['run', 'exercises'], solution);
    expect(solved.code, solved.output).toBe(0);
    expect(solved.output).toContain(`${mistakes.length} of ${mistakes.length} fixed.`);
  }, 1_500_000);
});
