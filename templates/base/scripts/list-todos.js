// `npm run todos`: every common-mistake marker in this project, grouped by mistake, with file,
// line and the mistake's title (read from the table in README.md). In an exercise starter
// (exercises/exercises.json exists) it also runs the exercise tests and says which mistakes of
// the stage are fixed. `npm run todos -- --json` prints the same as JSON for tools. Plain Node,
// no dependencies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.git']);
const CODE = new Set([
  '.ts',
  '.js',
  '.mjs',
  '.cjs',
  '.tsx',
  '.jsx',
  '.json',
  '.http',
  '.html',
  '.yaml',
  '.yml',
]);
// Written with escapes so this file does not count as a marker itself.
const MARKER = /TODO\(mistake:([a-z0-9-]+)\):?\s*(.*)$/;
const README_ROW = /^\|\s*([^|]+?)\s*\|.*`TODO\(mistake:([a-z0-9-]+)\)`/;

function codeFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : codeFiles(path);
    return entry.isFile() && CODE.has(extname(entry.name)) && path !== self ? [path] : [];
  });
}

/** id → title, from the "Common mistakes" table of README.md (empty if it is gone). */
function titlesFromReadme() {
  const titles = new Map();
  let readme;
  try {
    readme = readFileSync(join(root, 'README.md'), 'utf8');
  } catch {
    return titles;
  }
  for (const line of readme.split('\n')) {
    const match = README_ROW.exec(line);
    if (match) titles.set(match[2], match[1]);
  }
  return titles;
}

function findMarkers() {
  const markers = [];
  for (const path of codeFiles(root).sort()) {
    const file = relative(root, path).split(sep).join('/');
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const match = MARKER.exec(text);
        if (match) markers.push({ id: match[1], file, line: index + 1, text: match[2].trim() });
      });
  }
  return markers;
}

/** Exercise mode: mistake id → { fixed, tests }, from running the exercise tests. */
async function exerciseStatus() {
  if (!existsSync(join(root, 'exercises', 'exercises.json'))) return new Map();
  process.stderr.write('Running the exercise tests to see which mistakes are fixed…\n');
  const { checkExercises } = await import('./exercise-check.js');
  const { exercises } = checkExercises();
  return new Map(exercises.map((exercise) => [exercise.id, exercise]));
}

const titles = titlesFromReadme();
const markers = findMarkers();
const exercises = await exerciseStatus();
const ids = [...new Set([...titles.keys(), ...markers.map((marker) => marker.id)])];
// `status` is 'marked' while a marker is in the code and 'unmarked' once none is left. In exercise
// mode a mistake of the stage is 'to-fix' until its exercise tests pass, then 'fixed'.
const mistakes = ids.map((id) => {
  const locations = markers
    .filter((marker) => marker.id === id)
    .map(({ file, line, text }) => ({ file, line, text }));
  const exercise = exercises.get(id);
  const marked = locations.length > 0 ? 'marked' : 'unmarked';
  return {
    id,
    title: titles.get(id) ?? null,
    status: exercise ? (exercise.fixed ? 'fixed' : 'to-fix') : marked,
    ...(exercise ? { exercise: { tests: exercise.tests, failing: exercise.failing } } : {}),
    locations,
  };
});

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ mistakes }, null, 2)}\n`);
} else {
  const files = new Set(markers.map((marker) => marker.file)).size;
  const details = titles.size > 0 ? ' (what each one means: README.md)' : '';
  const out = [`${markers.length} mistake markers in ${files} files${details}`];
  if (exercises.size > 0) {
    const fixed = [...exercises.values()].filter((exercise) => exercise.fixed).length;
    out.push(`Exercise mode: ${fixed} of ${exercises.size} exercises fixed (npm run exercises)`);
  }
  for (const mistake of mistakes) {
    const title = mistake.title ? `  ${mistake.title}` : '';
    out.push('', `[${mistake.status}] ${mistake.id}${title}`);
    if (mistake.exercise) out.push(`  exercise: ${mistake.exercise.tests.join(', ')}`);
    if (mistake.locations.length === 0) out.push('  no marker left in the code');
    for (const { file, line, text } of mistake.locations) {
      const short = text.length > 70 ? `${text.slice(0, 69)}…` : text;
      out.push(`  ${file}:${line}  ${short}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
