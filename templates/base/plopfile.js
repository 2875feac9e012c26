// `npm run generate resource <name>` (a plop generator, https://plopjs.com, that
// scripts/generate.js runs): adds a resource to this project in the shape of its stage, and
// wires it into the app. For `book`:
//
//   src/books/book.model.ts      what a book is in MongoDB
//   src/books/book.schemas.ts    what clients may send (zod)
//   src/books/book.service.ts    the database operations, without HTTP
//   src/books/book.routes.ts     the HTTP API on /books, with exact status codes
//   test/books.test.ts           its tests, against the real database
//
// and, from the intermediate stage on, owners, login and the OpenAPI document; at the advanced
// stage, a Redis cache in front of the router (src/books/book.cache.ts) and its tests.
//
// The templates are the files in generators/resource/ (`__name__` becomes `book`, `__names__`
// `books` in their paths); edit them to change what every later resource looks like. The wiring
// goes above the `generate:…` marker comments in src/app.ts (and src/openapi.ts): keep those
// lines where they are. Names and their plurals: generators/resource-names.js.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import * as prettier from 'prettier';
import { resourceNameProblem, resourceNames } from './generators/resource-names.js';

const TEMPLATES = 'generators/resource';
const TEMPLATE_SUFFIX = '.tmpl';

/**
 * Where the new resource is connected to the rest of the app: each line goes above its marker,
 * in files that have the marker (src/openapi.ts exists from the intermediate stage on). A line
 * with `with` is only added together with the template of that name.
 */
const WIRING = [
  {
    file: 'src/app.ts',
    marker: 'generate:imports',
    line: (n) => `import { ${n.camelName}Router } from './${n.names}/${n.name}.routes.js';`,
  },
  {
    file: 'src/app.ts',
    marker: 'generate:imports',
    line: (n) => `import { ${n.camelName}Cache } from './${n.names}/${n.name}.cache.js';`,
    with: 'src/__names__/__name__.cache.ts',
  },
  {
    file: 'src/app.ts',
    marker: 'generate:caches',
    line: (n) => `app.use('/${n.names}', ${n.camelName}Cache());`,
    with: 'src/__names__/__name__.cache.ts',
  },
  {
    file: 'src/app.ts',
    marker: 'generate:routes',
    line: (n) => `app.use('/${n.names}', ${n.camelName}Router);`,
  },
  {
    file: 'src/openapi.ts',
    marker: 'generate:imports',
    line: (n) => `import { ${n.camelName}Router } from './${n.names}/${n.name}.routes.js';`,
  },
  {
    file: 'src/openapi.ts',
    marker: 'generate:mounts',
    line: (n) => `{ path: '/${n.names}', router: ${n.camelName}Router },`,
  },
];

/** Every template, relative to generators/resource/, without `.tmpl`: `src/__names__/__name__.model.ts`. */
function templates(root) {
  return readdirSync(join(root, TEMPLATES), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(TEMPLATE_SUFFIX))
    .map((entry) => relative(join(root, TEMPLATES), join(entry.parentPath, entry.name)))
    .map((path) => path.split(sep).join('/').slice(0, -TEMPLATE_SUFFIX.length))
    .sort();
}

/** `src/__names__/__name__.model.ts` → `src/books/book.model.ts`. */
function outputPath(template, names) {
  return template.replaceAll('__names__', names.names).replaceAll('__name__', names.name);
}

function read(root, path) {
  return existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';
}

/** Why this project cannot take the resource, or undefined. Checked before anything is written. */
function takenProblem(root, names) {
  for (const template of templates(root)) {
    const path = outputPath(template, names);
    if (existsSync(join(root, path))) {
      return `${path} already exists: this project has a ${names.words} resource. Nothing was changed.`;
    }
  }
  if (existsSync(join(root, 'src', names.names))) {
    return `src/${names.names}/ already exists. Nothing was changed.`;
  }
  if (read(root, 'src/app.ts').includes(`'/${names.names}'`)) {
    return `src/app.ts already uses the path /${names.names}. Nothing was changed.`;
  }
  const models = readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.model.ts'));
  for (const path of models) {
    if (read(root, join('src', path)).includes(`model('${names.Name}'`)) {
      return `src/${path.split(sep).join('/')} already defines the model ${names.Name}. Nothing was changed.`;
    }
  }
  for (const { file, marker } of WIRING.filter((wiring) => wiring.marker === 'generate:routes')) {
    if (!read(root, file).includes(`// ${marker}`)) {
      return `${file} has no "// ${marker}" line, so the router cannot be mounted: put it back above the 404 handler.`;
    }
  }
  return undefined;
}

/** Formats the files it wrote with this project's Prettier settings, as `npm run format` would. */
async function formatFiles(root, paths) {
  for (const path of paths) {
    const file = join(root, path);
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
  }
  return `formatted ${paths.length} files with Prettier`;
}

export default function plopfile(plop) {
  // Without a terminal (CI, a script) nobody can answer the prompt: ask for the argument instead
  // of failing inside the prompt library. `plop resource book` has two words after `plop`.
  const words = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  if (!process.stdin.isTTY && words.length < 2) {
    process.stderr.write(
      'Name the resource: npm run generate resource <name>, e.g. npm run generate resource book\n',
    );
    process.exit(1);
  }
  // The folder of this file: the project, wherever `npm run generate` was started.
  const root = plop.getPlopfilePath();

  plop.setActionType('format', (_answers, config) => formatFiles(root, config.paths));

  plop.setGenerator('resource', {
    description: 'A new resource: model, validation, service, routes and tests, wired into the app',
    prompts: [
      {
        type: 'input',
        // Not `name`: the answers win over `data` in plop, and `name` is the cleaned-up spelling.
        name: 'resource',
        message: 'Resource name, in the singular (book, book-review)',
        validate: (value) => {
          const problem = resourceNameProblem(value);
          return problem ?? takenProblem(root, resourceNames(value)) ?? true;
        },
      },
    ],
    actions: ({ resource }) => {
      const names = resourceNames(resource);
      const files = templates(root);
      const written = files.map((template) => outputPath(template, names));
      const wiring = WIRING.filter(
        (entry) =>
          read(root, entry.file).includes(`// ${entry.marker}`) &&
          (!entry.with || files.includes(entry.with)),
      );
      return [
        ...files.map((template) => ({
          type: 'add',
          path: outputPath(template, names),
          templateFile: `${TEMPLATES}/${template}${TEMPLATE_SUFFIX}`,
          data: names,
          abortOnFail: true,
        })),
        ...wiring.map(({ file, marker, line }) => ({
          type: 'modify',
          path: file,
          // The line goes above the marker, with the marker's indentation.
          pattern: new RegExp(`^([ \\t]*)(// ${marker}\\b)`, 'm'),
          template: `$1${line(names)}\n$1$2`,
        })),
        {
          type: 'format',
          paths: [...written, ...new Set(wiring.map((entry) => entry.file))],
        },
        `Added the ${names.words} resource on /${names.names}. Next: npm run typecheck && npm test -- ${names.names}`,
      ];
    },
  });
}
