// The names of a resource, from the one word the learner types: `npm run generate resource book`
// gives `book` (files), `books` (folder and URL), `Book` (model and types), `bookRouter` and so on.
// Plain JavaScript without dependencies: plopfile.js runs it before anything is compiled.
//
// The rule, so the names are never a surprise:
// - Give the singular, in lowercase: `book`, or several words with dashes: `book-review`.
//   `BookReview`, `bookReview` and `book_review` are read as `book-review` too.
// - The plural is English's regular one, on the last word: `category` → `categories` (a consonant
//   before the y), `box` → `boxes` and `address` → `addresses` (after s, x, z, ch, sh), and
//   otherwise an `s`: `book` → `books`, `day` → `days`. A few common irregular words are known
//   (`person` → `people`). Anything else irregular: rename the folder and URL by hand after.

const IRREGULAR_PLURALS = new Map([
  ['person', 'people'],
  ['child', 'children'],
  ['man', 'men'],
  ['woman', 'women'],
  ['mouse', 'mice'],
]);

/**
 * Type names the generated files already use (imports, globals): a resource with one of these
 * names would not compile, e.g. `router` → `type Router` beside Express's `Router`.
 */
const TAKEN_TYPE_NAMES = new Set(
  (
    'Schema Model Router Request Response Types HydratedDocument InferSchemaType AuthUser ' +
    'PageQuery Page TestUser Object Array String Number Boolean Date Error Promise Map Set ' +
    'Function Symbol Record Partial Omit'
  ).split(' '),
);

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*$/;

/** `BookReview`, `bookReview`, `book_review`, ` Book-Review ` → `book-review`. */
export function toKebabCase(input) {
  return String(input)
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** `category` → `categories`, `box` → `boxes`, `book` → `books` (see the rule above). */
export function pluralize(word) {
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function camelCase(kebab) {
  return kebab.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase());
}

function pascalCase(kebab) {
  const camel = camelCase(kebab);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/**
 * Why `input` cannot name a resource, or undefined when it can. Only the spelling is checked
 * here; plopfile.js also refuses a resource this project already has.
 */
export function resourceNameProblem(input) {
  const kebab = toKebabCase(input ?? '');
  if (kebab === '')
    return 'Give the resource a name, in the singular: npm run generate resource book';
  if (!KEBAB.test(kebab)) {
    return `"${input}" is not a resource name: use letters and digits, starting with a letter, and dashes between words (book, book-review).`;
  }
  if (kebab.length > 40)
    return `"${input}" is too long for a resource name (40 characters at most).`;
  const { Name } = resourceNames(kebab);
  if (TAKEN_TYPE_NAMES.has(Name)) {
    return `"${input}" would name its type ${Name}, which the generated code already uses for something else: choose another name.`;
  }
  return undefined;
}

/** Every spelling the templates use. `input` must pass resourceNameProblem first. */
export function resourceNames(input) {
  const name = toKebabCase(input);
  const words = name.split('-');
  const last = words.pop() ?? name;
  const names = [...words, pluralize(last)].join('-');
  return {
    /** `book-review`: file names. */
    name,
    /** `book-reviews`: the folder under src/, the URL, the test file. */
    names,
    /** `BookReview`: the model and its types. */
    Name: pascalCase(name),
    /** `BookReviews`. */
    Names: pascalCase(names),
    /** `bookReview`: variables and functions. */
    camelName: camelCase(name),
    /** `bookReviews`. */
    camelNames: camelCase(names),
    /** `book review`: messages and comments. */
    words: name.replaceAll('-', ' '),
    /** `book reviews`. */
    pluralWords: names.replaceAll('-', ' '),
  };
}
