// Exercise mode: the common mistakes of the chosen stage are left in the code for the learner to
// fix, each with its TODO, and each mistake's guard tests become its exercise.
//
// A layer declares an exercise in two places (docs/templates.md, "Exercises"):
// - in a source file, a region holding both versions of the same few lines: the guided code,
//   then the mistake, commented out so the template still lints and typechecks as it is:
//
//       // exercise:start unhandled-async
//       const closeConnections = await openConnections();
//       // exercise:else
//       // let closeConnections = () => Promise.resolve();
//       // exercise:end
//
//   (`#` instead of `//` in YAML and ignore files). The marker lines never reach a starter: a
//   guided starter gets the first part, an exercise starter the second, uncommented. The id `*`
//   marks what every exercise starter needs whatever its stage (the exercises/ folder in
//   tsconfig.json, for example);
// - in `layer.json`, `"exercises": { "<mistake id>": { "files": [...], "tests": [...] } }`: the
//   files holding its regions, and the guard test files that fail while the mistake is in the
//   code. Those move from test/ to exercises/, out of `npm test` and into `npm run exercises`.
// The reference fix of an exercise is its guided code, so an exercise starter "solved" is the
// same starter with the guided side of each region (`solution`, used by `class` and the tests).
import { getStage, type StageId } from './catalog.ts';

/** Top-level folder of a layer whose files are written only into exercise starters. */
export const EXERCISE_MODE_FOLDER = 'exercise-mode';
/** Where an exercise starter keeps its exercise tests and the list of exercises. */
export const EXERCISES_DIR = 'exercises';
export const EXERCISES_FILE = `${EXERCISES_DIR}/exercises.json`;
/** A region for every exercise starter, whatever its exercises. */
export const ANY_EXERCISE = '*';

export interface ExerciseEntry {
  /** Files holding the exercise's regions (output paths). */
  files: string[];
  /** Guard test files (output paths under test/) that fail while the mistake is in the code. */
  tests: string[];
}

export interface Exercise {
  id: string;
  title: string;
  why: string;
  files: string[];
  /** Where the guard tests are in the exercise starter (under exercises/). */
  tests: string[];
}

export type Side = 'guided' | 'exercise';

const MARKER = /^(\s*)(\/\/|#) exercise:(start|else|end)(?: ([a-z0-9-]+|\*))?\s*$/;

/** The exercises of one stage, from the merged `exercises` of a starter's layers. */
export function stageExercises(
  stage: StageId,
  declared: Record<string, ExerciseEntry>,
): Exercise[] {
  return getStage(stage).mistakes.map((mistake) => {
    const entry = declared[mistake.id];
    if (!entry) {
      throw new Error(
        `No exercise for mistake "${mistake.id}": declare it in a layer.json ("exercises")`,
      );
    }
    return {
      id: mistake.id,
      title: mistake.title,
      why: mistake.why,
      files: entry.files,
      tests: entry.tests.map(exerciseTestPath),
    };
  });
}

/** `test/server.test.ts` → `exercises/server.test.ts`. */
export function exerciseTestPath(guard: string): string {
  if (!guard.startsWith('test/')) throw new Error(`An exercise test must be in test/: ${guard}`);
  return `${EXERCISES_DIR}/${guard.slice('test/'.length)}`;
}

/**
 * A guard test moved from test/ to exercises/: both folders sit at the project root, so only
 * imports of test helpers (`./api.js`) change; `../src/…` and `new URL('..', …)` stay right.
 */
export function moveTestContent(content: string): string {
  return content.replace(/(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])\.\//g, '$1$2../test/');
}

/**
 * Keeps one side of every exercise region of `content` and drops the marker lines. `side(id)`
 * picks the side per region. Returns the ids of the regions found, so a caller can check that a
 * declared region is really there (a later layer may have replaced the file).
 */
export function resolveRegions(
  content: string,
  path: string,
  side: (id: string) => Side,
): { content: string; ids: string[] } {
  if (!content.includes('exercise:')) return { content, ids: [] };
  const out: string[] = [];
  const ids: string[] = [];
  let region: { id: string; indent: string; prefix: string; line: number; part: Side } | undefined;
  content.split('\n').forEach((line, index) => {
    const at = `${path}:${index + 1}`;
    const marker = MARKER.exec(line);
    if (marker) {
      const [, indent = '', prefix = '', kind, id] = marker;
      if (kind === 'start') {
        if (region) throw new Error(`${at}: exercise region inside another (${region.id})`);
        if (!id) throw new Error(`${at}: exercise:start needs a mistake id`);
        region = { id, indent, prefix, line: index + 1, part: 'guided' };
        ids.push(id);
      } else if (!region) {
        throw new Error(`${at}: exercise:${kind} outside a region`);
      } else if (kind === 'else') {
        if (region.part === 'exercise') throw new Error(`${at}: a second exercise:else`);
        region.part = 'exercise';
      } else {
        if (region.part === 'guided') throw new Error(`${at}: region without exercise:else`);
        region = undefined;
      }
      return;
    }
    if (!region) {
      out.push(line);
      return;
    }
    const keep = side(region.id);
    if (region.part === 'guided') {
      if (keep === 'guided') out.push(line);
      return;
    }
    // The exercise side is commented out in the template: uncomment it at the marker's indent.
    const commented = `${region.indent}${region.prefix}`;
    if (line !== commented && !line.startsWith(`${commented} `)) {
      throw new Error(
        `${at}: the exercise side of a region must be commented with "${commented} "`,
      );
    }
    if (keep !== 'exercise') return;
    out.push(line === commented ? '' : `${region.indent}${line.slice(commented.length + 1)}`);
  });
  if (region) throw new Error(`${path}:${region.line}: exercise region ${region.id} has no end`);
  return { content: out.join('\n'), ids };
}

/**
 * `exercises/exercises.json`, laid out the way Prettier would (objects one key per line, short
 * lists on one line), so `format:check` passes in the starter.
 */
export function exercisesJson(stage: StageId, exercises: readonly Exercise[]): string {
  const list = (values: readonly string[], indent: number, key: string): string => {
    const inline = `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
    if (indent + key.length + 4 + inline.length <= 100) return inline;
    const pad = ' '.repeat(indent + 2);
    return `[\n${values.map((value) => `${pad}${JSON.stringify(value)}`).join(',\n')}\n${' '.repeat(indent)}]`;
  };
  const entries = exercises.map((exercise) => {
    const fields = [
      `"id": ${JSON.stringify(exercise.id)}`,
      `"title": ${JSON.stringify(exercise.title)}`,
      `"why": ${JSON.stringify(exercise.why)}`,
      `"files": ${list(exercise.files, 6, 'files')}`,
      `"tests": ${list(exercise.tests, 6, 'tests')}`,
    ];
    return `    {\n${fields.map((field) => `      ${field}`).join(',\n')}\n    }`;
  });
  return `{\n  "stage": ${JSON.stringify(stage)},\n  "exercises": [\n${entries.join(',\n')}\n  ]\n}\n`;
}
