// What clients may send, checked before anything touches the database. A failed body check
// throws a ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list
// of problems, field by field. A bad query string is a 400: the URL itself is wrong.
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { postInput, searchTerm, tagList } from './post.fields.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';
const { title, content, category } = postInput;

// A post as clients write it. POST creates one from it; PUT replaces a post with it, whole:
// a field left out of a PUT is an error, not "keep the old value" (that would be PATCH).
// Fields that are not listed (`id`, `createdAt`, anything else) are dropped, not stored.
export const postBodySchema = z.object(
  { title, content, category, tags: tagList.default([]) },
  NOT_AN_OBJECT,
);

// `?term=tech`. Express parses `?term=a&term=b` into an array: only one is accepted, so the
// search never silently means something else than the client thinks.
const listPostsQuerySchema = z.object({ term: searchTerm.optional() });

export type PostBody = z.infer<typeof postBodySchema>;
export type ListPostsQuery = z.infer<typeof listPostsQuerySchema>;

/** Checks `req.query`; a bad query string is a 400 Bad Request with the parameter at fault. */
export function parseListQuery(query: unknown): ListPostsQuery {
  const result = listPostsQuerySchema.safeParse(query);
  if (result.success) return result.data;
  throw new HttpError(
    400,
    'invalid_query',
    'The query string is not valid for this endpoint.',
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
