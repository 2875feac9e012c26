// Exercise mode end to end, on real starters: generate with the built CLI (`--mode exercise`),
// install, and then prove the promise of the mode. Before any fix: typecheck, lint, format and
// `npm test` pass, `npm run exercises` reports "0 of 3 fixed" with the next TODO and exits 1,
// `npm run todos` says "to-fix". Fixing one exercise with its reference fix (the guided code of
// its regions) turns exactly that one green; fixing all gives "3 of 3 fixed", exit 0, and every
// check still passes. One todo-app starter per stage (EXERCISE_E2E_STARTERS="blog/advanced
// ecommerce/advanced" runs others instead). Slow (installs), so it needs MONGODB_URI, and REDIS_URL
// for advanced (scripts/test.sh and CI export both); otherwise it skips and says why.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  STAGE_IDS,
  getStage,
  isIdeaId,
  isStageId,
  type IdeaId,
  type StageId,
} from '../../generators/catalog.ts';
import { EXERCISES_FILE } from '../../generators/exercises.ts';
import { RECORD_FILE, type GenerationRecord } from '../../generators/record.ts';
import { renderStarterSync } from '../../generators/render.ts';
import { assertBuilt, runBin } from './run-bin.ts';
import { runNpm } from './run-npm.ts';

const mongodbUri = process.env.MONGODB_URI;

/** todo-app at every stage, or the `idea/stage` list of EXERCISE_E2E_STARTERS. */
function startersToRun(): { idea: IdeaId; stage: StageId }[] {
  const list = process.env.EXERCISE_E2E_STARTERS?.trim();
  if (!list) return STAGE_IDS.map((stage) => ({ idea: 'todo-app', stage }));
  return list.split(/[\s,]+/).map((entry) => {
    const [idea = '', stage = ''] = entry.split('/');
    if (!isIdeaId(idea) || !isStageId(stage)) {
      throw new Error(`EXERCISE_E2E_STARTERS: "${entry}" is not <idea>/<stage>`);
    }
    return { idea, stage };
  });
}

function skipReason(idea: IdeaId, stage: StageId): string | undefined {
  if (!mongodbUri) return 'MONGODB_URI is not set (run through scripts/test.sh, or export it)';
  if (stage === 'advanced' && !process.env.REDIS_URL) return 'REDIS_URL is not set';
  return undefined;
}

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
}, 120_000);

const npm = runNpm;

function expectChecksPass(dir: string) {
  for (const script of ['typecheck', 'lint', 'format:check', 'test']) {
    const run = npm(['run', script], dir);
    expect(run.code, `npm run ${script}\n${run.output}`).toBe(0);
  }
}

interface ListedExercise {
  id: string;
  title: string;
  files: string[];
  tests: string[];
}

interface Todos {
  mistakes: { id: string; status: string }[];
}

function todos(dir: string): Todos {
  const run = npm(['run', '--silent', 'todos', '--', '--json'], dir);
  expect(run.code, run.output).toBe(0);
  return JSON.parse(run.stdout) as Todos;
}

describe.each(
  startersToRun().map((starter) => ({ ...starter, skip: skipReason(starter.idea, starter.stage) })),
)('exercise mode end to end: $idea $stage', ({ idea, stage, skip }) => {
  if (skip) console.log(`exercise-e2e ${idea} ${stage} skipped: ${skip}.`);

  it.skipIf(skip !== undefined)(
    'is green with the mistakes in, counts each reference fix, and is green when all are fixed',
    async () => {
      assertBuilt();
      root ??= await mkdtemp(join(tmpdir(), 'backend-roadmap-exercise-e2e-'));
      const name = `exercise-${idea}-${stage}`;
      const created = await runBin(
        [idea, name, '--stage', stage, '--mode', 'exercise', '--no-install', '--no-git'],
        { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } },
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain(`(${stage}, exercise mode)`);
      expect(created.stdout).toContain('npm run exercises');
      const dir = join(root, name);
      const record = JSON.parse(await readFile(join(dir, RECORD_FILE), 'utf8')) as GenerationRecord;
      expect(record.mode).toBe('exercise');
      const { exercises } = JSON.parse(await readFile(join(dir, EXERCISES_FILE), 'utf8')) as {
        exercises: ListedExercise[];
      };
      const mistakes = getStage(stage).mistakes;
      expect(exercises.map((exercise) => exercise.id)).toEqual(mistakes.map((m) => m.id));

      const install = npm(['install', '--no-audit', '--no-fund'], dir, 900_000);
      expect(install.code, install.output).toBe(0);
      expectChecksPass(dir);

      const before = npm(['run', 'exercises'], dir);
      expect(before.code, before.output).toBe(1);
      expect(before.output).toContain(`0 of ${exercises.length} fixed.`);
      expect(before.output).toContain(`Next: ${mistakes[0]?.title} (${mistakes[0]?.id})`);
      expect(before.output).toMatch(new RegExp(`${exercises[0]?.files[0]}:\\d+\\n +Exercise:`));
      const toFix = todos(dir).mistakes.filter((mistake) => mistake.status === 'to-fix');
      expect(toFix.map((mistake) => mistake.id)).toEqual(mistakes.map((m) => m.id));

      // The reference fix: the guided side of every region, from the same generator.
      const solved = new Map(
        renderStarterSync({
          idea,
          stage,
          projectName: record.projectName,
          options: { ...record.options, mode: 'exercise' },
          solution: true,
        }).map((file) => [file.path, file.content]),
      );
      const fix = async (exercise: ListedExercise) => {
        for (const path of exercise.files) {
          const content = solved.get(path);
          expect(content, path).toBeDefined();
          await writeFile(join(dir, path), content ?? '');
        }
      };

      const [first, ...rest] = exercises;
      await fix(first!);
      const one = npm(['run', 'exercises'], dir);
      expect(one.code, one.output).toBe(1);
      expect(one.output).toContain(`1 of ${exercises.length} fixed.`);
      expect(one.output).toContain(`✓ ${first!.id}`);
      expect(one.output).toContain(`Next: ${mistakes[1]?.title}`);

      for (const exercise of rest) await fix(exercise);
      const all = npm(['run', 'exercises'], dir);
      expect(all.code, all.output).toBe(0);
      expect(all.output).toContain(`${exercises.length} of ${exercises.length} fixed.`);
      expect(
        todos(dir)
          .mistakes.filter((m) => m.status === 'fixed')
          .map((m) => m.id),
      ).toEqual(mistakes.map((m) => m.id));
      expectChecksPass(dir);
    },
    2_400_000,
  );
});
