// Which exercises are fixed: runs the exercise tests (exercises/*.test.ts) once with Vitest's
// JSON reporter and maps each test file to its exercise (exercises/exercises.json). Shared by
// `npm run exercises` and `npm run todos`. Plain Node, no dependencies beyond Vitest itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const EXERCISES_FILE = 'exercises/exercises.json';
// Written with escapes so this file does not count as a marker itself.
const MARKER = /TODO\(mistake:([a-z0-9-]+)\):?\s*(.*)$/;

/** `{ stage, exercises: [{ id, title, why, files, tests }] }`, or undefined in guided mode. */
export function readExercises() {
  try {
    return JSON.parse(readFileSync(join(root, EXERCISES_FILE), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

function vitestBin() {
  const dir = join(root, 'node_modules', 'vitest');
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin.vitest);
}

/** Runs the exercise tests: test file (relative, posix) → Vitest's result for it. */
function runExerciseTests() {
  const outDir = mkdtempSync(join(tmpdir(), 'exercises-'));
  const outFile = join(outDir, 'results.json');
  try {
    const run = spawnSync(
      process.execPath,
      [
        vitestBin(),
        'run',
        '--config',
        'exercises/vitest.config.ts',
        '--reporter=json',
        `--outputFile=${outFile}`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    let report;
    try {
      report = JSON.parse(readFileSync(outFile, 'utf8'));
    } catch {
      throw new Error(`The exercise tests could not run:\n${run.stdout ?? ''}${run.stderr ?? ''}`);
    }
    return new Map(
      report.testResults.map((result) => [
        relative(root, result.name).split(sep).join('/'),
        result,
      ]),
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Where the exercise's TODO is now (the learner's edits move it): the first marker of its
 * mistake in its files, preferring the one that says "Exercise", with the comment lines after it.
 */
export function findExerciseTodo(exercise) {
  const found = [];
  for (const file of exercise.files) {
    let lines;
    try {
      lines = readFileSync(join(root, file), 'utf8').split('\n');
    } catch {
      continue;
    }
    lines.forEach((text, index) => {
      const match = MARKER.exec(text);
      if (!match || match[1] !== exercise.id) return;
      const prefix = /^\s*(\/\/|#)/.exec(text)?.[1];
      const more = [];
      for (const next of lines.slice(index + 1)) {
        const comment = prefix && new RegExp(`^\\s*${prefix}\\s?(.*)$`).exec(next);
        if (!comment || MARKER.test(next)) break;
        more.push(comment[1]);
      }
      found.push({ file, line: index + 1, text: [match[2], ...more].join(' ').trim() });
    });
  }
  return found.find((todo) => todo.text.startsWith('Exercise')) ?? found[0];
}

/** Every exercise with `fixed` (all its tests pass), what still fails, and where its TODO is. */
export function checkExercises() {
  const list = readExercises();
  if (!list) return undefined;
  const results = runExerciseTests();
  const exercises = list.exercises.map((exercise) => {
    const failing = exercise.tests.flatMap((test) => {
      const result = results.get(test);
      if (!result) return [`${test} did not run`];
      const failed = result.assertionResults
        .filter((assertion) => assertion.status === 'failed')
        .map((assertion) => `${test}: ${assertion.fullName}`);
      if (failed.length > 0 || result.status === 'passed') return failed;
      return [`${test}: ${(result.message || 'failed').split('\n')[0]}`];
    });
    return { ...exercise, fixed: failing.length === 0, failing, todo: findExerciseTodo(exercise) };
  });
  return { stage: list.stage, exercises };
}
