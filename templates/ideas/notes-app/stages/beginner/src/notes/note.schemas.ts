// What clients may send, checked before anything touches the database. A failed body check
// throws a ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list
// of problems, field by field. A bad query string is a 400: the URL itself is wrong.
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { noteInput, searchText, tagList } from './note.fields.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';
const { title, content, pinned } = noteInput;

// Fields that are not listed (`id`, `url`, anything else) are dropped, not stored.
export const createNoteSchema = z.object(
  { title, content: content.optional(), tags: tagList.optional(), pinned: pinned.optional() },
  NOT_AN_OBJECT,
);

export const updateNoteSchema = z
  .object(
    {
      title: title.optional(),
      content: content.optional(),
      tags: tagList.optional(),
      pinned: pinned.optional(),
    },
    NOT_AN_OBJECT,
  )
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Send at least one of: title, content, tags, pinned.',
  );

// `?tag=work&q=meeting`. Express parses `?tag=a&tag=b` into an array: only one of each is
// accepted, so a filter never silently means something else than the client thinks.
const listNotesQuerySchema = z.object({
  tag: noteInput.tag.optional(),
  q: searchText.optional(),
});

export type CreateNoteInput = z.infer<typeof createNoteSchema>;
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;
export type ListNotesQuery = z.infer<typeof listNotesQuerySchema>;

/** Checks `req.query`; a bad query string is a 400 Bad Request with the parameter at fault. */
export function parseListQuery(query: unknown): ListNotesQuery {
  const result = listNotesQuerySchema.safeParse(query);
  if (result.success) return result.data;
  throw new HttpError(
    400,
    'invalid_query',
    'The query string is not valid for this endpoint.',
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
