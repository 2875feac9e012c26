// What clients may send. Strict objects: a field that is not listed (`owner`, `id`, `completedAt`)
// is refused with 422, never stored. The owner always comes from the token, never from the body.
import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { idParams, objectId } from '../http/validate.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from './todo.model.js';

const title = z.string().trim().min(1).max(TITLE_MAX_LENGTH);
const description = z.string().trim().max(DESCRIPTION_MAX_LENGTH);

export const createTodoSchema = z.strictObject({
  title,
  description: description.default(''),
});

/** PUT replaces the editable fields: title and description are required, completed optional. */
export const replaceTodoSchema = z.strictObject({
  title,
  description,
  completed: z.boolean().optional(),
});

/** PATCH changes some fields; at least one. */
export const updateTodoSchema = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    completed: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'Send at least one of: title, description, completed.',
  });

/** `GET /todos?page=1&limit=10&sort=-createdAt&completed=false` */
export const listTodosQuery = listQuery({
  sortable: ['createdAt', 'title'],
  defaultSort: '-createdAt',
  filters: { completed: z.stringbool().optional() },
});

export { idParams };

export const attachmentParams = z.strictObject({ id: objectId, attachmentId: objectId });
