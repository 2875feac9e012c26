// What clients may send, checked by the `validate()` middleware (src/http/validate.ts) before a
// handler runs: a bad id in the URL is a 404, a bad query string a 400, a bad body a 422, each
// with one detail per field. Strict objects: a field the API does not know (`owner`, `id`…) is
// an error, never quietly stored or quietly dropped.
import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { noteInput, searchText, tagList } from './note.fields.js';

const { title, content, pinned } = noteInput;

export const createNoteSchema = z.strictObject({
  title,
  content: content.optional(),
  tags: tagList.optional(),
  pinned: pinned.optional(),
});

export const updateNoteSchema = z
  .strictObject({
    title: title.optional(),
    content: content.optional(),
    tags: tagList.optional(),
    pinned: pinned.optional(),
  })
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Send at least one of: title, content, tags, pinned.',
  );

// `GET /notes?page=2&limit=20&sort=-updatedAt&tag=work&q=meeting&pinned=true`: the page, a
// whitelisted sort and this endpoint's filters. Anything else in the query string is a 400.
export const listNotesQuery = listQuery({
  sortable: ['updatedAt', 'createdAt', 'title'],
  defaultSort: '-updatedAt',
  filters: {
    tag: noteInput.tag.optional(),
    q: searchText.optional(),
    // Query strings are text: only the words `true` and `false` are accepted.
    pinned: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
  },
});

// The form fields that may come with an uploaded Markdown file (multipart/form-data).
export const importNoteFields = z.strictObject({ title: title.optional() });

// `POST /notes/:id/grammar`: the language of the text, as a language tag (`en-US`), or `auto`
// to let the service guess. The body is optional: no body means `{ "language": "auto" }`.
export const grammarCheckSchema = z
  .strictObject({
    language: z
      .string()
      .regex(/^(auto|[a-z]{2,3}(-[A-Za-z]{2,4})?)$/, 'is not a language tag like en-US, or auto')
      .default('auto'),
  })
  .default({ language: 'auto' });
