// The naming rule of `npm run generate resource <name>` (templates/base/generators/resource-names.js,
// plain JavaScript that runs inside every starter): spellings, plurals, and the names it refuses.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface ResourceNames {
  name: string;
  names: string;
  Name: string;
  Names: string;
  camelName: string;
  camelNames: string;
  words: string;
  pluralWords: string;
}

interface NamesModule {
  pluralize: (word: string) => string;
  resourceNames: (input: string) => ResourceNames;
  resourceNameProblem: (input: string) => string | undefined;
}

// A computed specifier: the module is a starter's file, not part of this TypeScript project.
const modulePath = fileURLToPath(
  new URL('../../templates/base/generators/resource-names.js', import.meta.url),
);
const { pluralize, resourceNames, resourceNameProblem } = (await import(modulePath)) as NamesModule;

describe('pluralize', () => {
  it.each([
    ['book', 'books'],
    ['day', 'days'],
    ['category', 'categories'],
    ['box', 'boxes'],
    ['address', 'addresses'],
    ['bus', 'buses'],
    ['match', 'matches'],
    ['wish', 'wishes'],
    ['person', 'people'],
    ['child', 'children'],
  ])('%s → %s', (word, plural) => {
    expect(pluralize(word)).toBe(plural);
  });
});

describe('resourceNames', () => {
  it('spells one word every way the templates need', () => {
    expect(resourceNames('book')).toEqual({
      name: 'book',
      names: 'books',
      Name: 'Book',
      Names: 'Books',
      camelName: 'book',
      camelNames: 'books',
      words: 'book',
      pluralWords: 'books',
    });
  });

  it('reads kebab, camel, Pascal, snake and spaced input the same, and pluralizes the last word', () => {
    for (const input of [
      'book-category',
      'bookCategory',
      'BookCategory',
      'book_category',
      ' book category ',
    ]) {
      expect(resourceNames(input), input).toMatchObject({
        name: 'book-category',
        names: 'book-categories',
        Name: 'BookCategory',
        Names: 'BookCategories',
        camelName: 'bookCategory',
        camelNames: 'bookCategories',
        pluralWords: 'book categories',
      });
    }
  });
});

describe('resourceNameProblem', () => {
  it.each(['book', 'book-review', 'BookReview', 'mp3-file', 'category', 'user'])(
    'accepts %s',
    (input) => {
      expect(resourceNameProblem(input)).toBeUndefined();
    },
  );

  it.each([
    ['', /Give the resource a name/],
    ['   ', /Give the resource a name/],
    ['3d-model', /not a resource name/],
    ['book!', /not a resource name/],
    ['book--review', /not a resource name/],
    ['../etc', /not a resource name/],
    ['café', /not a resource name/],
    ['x'.repeat(41), /too long/],
    ['router', /Router/],
    ['schema', /Schema/],
    ['date', /Date/],
  ])('refuses %j', (input, message) => {
    expect(resourceNameProblem(input)).toMatch(message);
  });
});
