// `npm run generate <generator> [answers…]`, e.g. `npm run generate resource book`: runs a
// generator of plopfile.js. node-plop is plop's engine; this file is the little of plop's
// command line a starter needs, without the rest (plop itself would add about 50 packages to
// every install for a spinner, a prompt menu and plopfile discovery). Answers given after the
// generator's name skip its prompts in order, as with `plop`, and go through the same checks.
import { URL, fileURLToPath } from 'node:url';
import process from 'node:process';
import nodePlop from 'node-plop';

const PLOPFILE = fileURLToPath(new URL('../plopfile.js', import.meta.url));
const USAGE = 'Usage: npm run generate <generator> [answers…], e.g. npm run generate resource book';

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `add` → `++`, as plop prints it, so a line says what happened to the file. */
const SYMBOLS = { add: '++', modify: '+-', append: '_+' };

/** One line per change or failure: `✔ ++ src/books/book.model.ts`. */
function describe({ type, path, error, message }) {
  const words = [SYMBOLS[type] ?? type, path?.replace(/^\//, ''), error ?? message];
  return words.filter(Boolean).join(' ');
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknownOption = args.find((arg) => arg.startsWith('-'));
if (unknownOption) fail(`Unknown option ${unknownOption}. ${USAGE}`);

const plop = await nodePlop(PLOPFILE);
const names = plop.getGeneratorList().map((generator) => generator.name);
const [name = names.length === 1 ? names[0] : undefined, ...answers] = args;
if (!name || !names.includes(name)) {
  const problem = name ? `There is no generator "${name}".` : 'Name a generator.';
  fail(`${problem} Generators: ${names.join(', ')}. ${USAGE}`);
}

const generator = plop.getGenerator(name);
// A refused answer (a name that is not valid, a resource that exists) throws here, before any
// action has run: nothing is written.
const data = await generator.runPrompts(answers).catch((error) => fail(error.message));
let failed = false;
await generator.runActions(data, {
  onSuccess: (change) => process.stdout.write(`✔ ${describe(change)}\n`),
  onFailure: (failure) => {
    failed = true;
    process.stderr.write(`✖ ${describe(failure)}\n`);
  },
  onComment: (comment) => process.stdout.write(`${comment}\n`),
});
if (failed) process.exit(1);
