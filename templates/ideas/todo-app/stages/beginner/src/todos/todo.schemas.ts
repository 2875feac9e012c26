// What clients may send, checked before anything touches the database. A failed check throws a
// ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list of
// problems, field by field.
import { z } from 'zod';
import { TITLE_MAX_LENGTH } from './todo.model.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';

const title = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`);
const completed = z.boolean();
const order = z.int();

// Fields that are not listed (`id`, `url`, anything else) are dropped, not stored: Todo-Backend
// clients often send a whole todo back. New todos always start with `completed: false`.
export const createTodoSchema = z.object({ title, order: order.optional() }, NOT_AN_OBJECT);

export const updateTodoSchema = z
  .object(
    { title: title.optional(), completed: completed.optional(), order: order.optional() },
    NOT_AN_OBJECT,
  )
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Send at least one of: title, completed, order.',
  );

export type CreateTodoInput = z.infer<typeof createTodoSchema>;
export type UpdateTodoInput = z.infer<typeof updateTodoSchema>;
