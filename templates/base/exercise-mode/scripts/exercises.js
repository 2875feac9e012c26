// `npm run exercises`: runs the exercise tests and shows which of this stage's common mistakes
// you have fixed, "k of N fixed", and the TODO to work on next. Exits with 0 once every
// exercise is fixed, 1 before. `npm run exercises -- --json` prints the same for tools.
import process from 'node:process';
import { checkExercises } from './exercise-check.js';

const status = checkExercises();
if (!status) {
  process.stderr.write('No exercises/exercises.json here: this starter is not in exercise mode.\n');
  process.exit(2);
}
const { stage, exercises } = status;

/** `text` in lines of at most `width` characters, each starting with `indent`. */
function wrap(text, indent, width = 100) {
  const lines = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim() !== '') {
      lines.push(line);
      line = indent;
    }
    line += line.trim() === '' ? word : ` ${word}`;
  }
  return [...lines, line];
}
const fixed = exercises.filter((exercise) => exercise.fixed).length;
const next = exercises.find((exercise) => !exercise.fixed);

if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ stage, fixed, total: exercises.length, exercises }, null, 2)}\n`,
  );
} else {
  const idWidth = Math.max(...exercises.map((exercise) => exercise.id.length));
  const titleWidth = Math.max(...exercises.map((exercise) => exercise.title.length));
  const out = [
    `Exercises: the common mistakes of the ${stage} stage, left in the code for you to fix.`,
    '',
  ];
  for (const exercise of exercises) {
    const mark = exercise.fixed ? '✓' : '✗';
    out.push(
      `  ${mark} ${exercise.id.padEnd(idWidth)}  ${exercise.title.padEnd(titleWidth)}  ${exercise.tests.join(', ')}`,
    );
  }
  out.push('', `${fixed} of ${exercises.length} fixed.`);
  if (next) {
    out.push('', `Next: ${next.title} (${next.id})`);
    if (next.todo)
      out.push(`  ${next.todo.file}:${next.todo.line}`, ...wrap(next.todo.text, '    '));
    out.push('  Still failing:', ...next.failing.map((failure) => `    ${failure}`));
    out.push(
      '',
      'Fix the code, then run `npm run exercises` again (`npm test` must stay green too).',
    );
  } else {
    out.push(
      '',
      'Every exercise is fixed. Run `npm test` once more: the fixes must not break anything else.',
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exitCode = next ? 1 : 0;
