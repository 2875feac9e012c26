// The roadmap.sh "Todo List API": every route needs a logged-in user, and each user sees and
// changes only their own todos. Errors are thrown, never answered here (src/http/errors.ts).
//
//   GET    /todos                          200 { data, page, limit, total }
//   POST   /todos                          201 the todo; Location: its URL
//   GET    /todos/:id                      200 the todo
//   PUT    /todos/:id                      200 the replaced todo
//   PATCH  /todos/:id                      200 the changed todo
//   DELETE /todos/:id                      204
//   POST   /todos/:id/attachments          201 the attachment (multipart, field "file")
//   GET    /todos/:id/attachments          200 the attachments
//   GET    /todos/:id/attachments/:fileId  200 the file itself
//
// Without a valid token: 401 { "message": "Unauthorized" }. Another user's todo: 403
// { "message": "Forbidden" }. An id that is malformed or unknown: 404.
import { Router, type Request, type RequestHandler } from 'express';
import type { Types } from 'mongoose';
import { assertCanAccess } from '../auth/ownership.js';
import { currentUser, requireAuth, type AuthUser } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { validate } from '../http/validate.js';
import { notifier } from '../services/notifier.js';
import { DOCUMENT_TYPES, safeFileName, uploadOne } from '../uploads/upload.js';
import { AttachmentModel, type AttachmentDocument } from './attachment.model.js';
import { TodoModel, type Todo, type TodoDocument } from './todo.model.js';
import {
  attachmentParams,
  createTodoSchema,
  idParams,
  listTodosQuery,
  replaceTodoSchema,
  updateTodoSchema,
} from './todo.schemas.js';

export const ATTACHMENT_MAX_BYTES = 1_000_000;

export const todoRouter = Router();

// Every route below needs a logged-in user: 401 before any handler runs.
todoRouter.use(requireAuth);

/** The fields clients see of a todo: the list reads only these (a projection). */
const TODO_FIELDS = 'title description completed createdAt updatedAt';

/** What clients see of a todo, from a full document or a lean list row alike. */
function toJson(todo: Omit<Todo, 'owner'> & { _id: Types.ObjectId }) {
  return {
    id: todo._id.toString(),
    title: todo.title,
    description: todo.description,
    completed: todo.completed,
    createdAt: todo.createdAt.toISOString(),
    updatedAt: todo.updatedAt.toISOString(),
  };
}

function attachmentJson(req: Request, todo: TodoDocument, attachment: AttachmentDocument) {
  return {
    id: attachment.id,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    url: `${resourceUrl(req, todo.id)}/attachments/${attachment.id}`,
  };
}

/** The todo with this id, if `user` may touch it: 404 when there is none, 403 when not theirs. */
async function findTodo(id: string, user: AuthUser): Promise<TodoDocument> {
  const todo = await TodoModel.findById(id);
  if (!todo) throw notFound('No todo with this id');
  // The contract asks for 403 here; assertCanAccess answers 404 by default, which does not even
  // confirm that the id exists.
  assertCanAccess(user, todo.owner, { otherwise: 'forbidden' });
  return todo;
}

/** Tells the notifier when a todo went from open to done. A failed notification is logged. */
async function notifyIfCompleted(req: Request, todo: TodoDocument, wasCompleted: boolean) {
  if (wasCompleted || !todo.completed) return;
  try {
    await notifier.notify({
      event: 'todo.completed',
      data: { id: todo.id, title: todo.title, owner: todo.owner.toString() },
    });
  } catch (error) {
    req.log.warn({ err: error }, 'Could not send the todo.completed notification');
  }
}

const list = validate({ query: listTodosQuery });
todoRouter.get('/', list, async (req, res) => {
  const { completed, ...page } = list.input(req).query;
  const filter = { owner: currentUser(req).id, ...(completed !== undefined && { completed }) };
  const result = await paginate(TodoModel, filter, page, TODO_FIELDS);
  res.status(200).json({ ...result, data: result.data.map(toJson) });
});

const create = validate({ body: createTodoSchema });
todoRouter.post('/', create, async (req, res) => {
  const todo = await TodoModel.create({ ...create.input(req).body, owner: currentUser(req).id });
  // TODO(mistake:skipping-http-basics): still tempting with auth in place: `res.json(todo)` (200)
  // here, `res.status(200).json({ error: 'not yours' })` for someone else's todo, and a 500 for
  // a missing token. Clients and tools then cannot tell created from failed, nor "log in again"
  // (401) from "not allowed" (403). Say it with the status: 201 + Location here, 204 for a
  // deletion, 401, 403, 404, 422 thrown. `npm test -- todos` asserts each status exactly.
  res.status(201).location(resourceUrl(req, todo.id)).json(toJson(todo));
});

const one = validate({ params: idParams });
todoRouter.get('/:id', one, async (req, res) => {
  const todo = await findTodo(one.input(req).params.id, currentUser(req));
  res.status(200).json(toJson(todo));
});

const replace = validate({ params: idParams, body: replaceTodoSchema });
todoRouter.put('/:id', replace, async (req, res) => {
  const { params, body } = replace.input(req);
  const todo = await findTodo(params.id, currentUser(req));
  const wasCompleted = todo.completed;
  todo.set({ ...body, completed: body.completed ?? todo.completed });
  await todo.save();
  await notifyIfCompleted(req, todo, wasCompleted);
  res.status(200).json(toJson(todo));
});

const update = validate({ params: idParams, body: updateTodoSchema });
todoRouter.patch('/:id', update, async (req, res) => {
  const { params, body } = update.input(req);
  const todo = await findTodo(params.id, currentUser(req));
  const wasCompleted = todo.completed;
  todo.set(body);
  await todo.save();
  await notifyIfCompleted(req, todo, wasCompleted);
  res.status(200).json(toJson(todo));
});

todoRouter.delete('/:id', one, async (req, res) => {
  const todo = await findTodo(one.input(req).params.id, currentUser(req));
  await AttachmentModel.deleteMany({ todo: todo._id });
  await todo.deleteOne();
  res.status(204).end();
});

// Checked in this order: the token (above), the id and the owner, then the file. An upload is
// read only for a todo the user may change.
const attachment = uploadOne({
  field: 'file',
  maxBytes: ATTACHMENT_MAX_BYTES,
  types: DOCUMENT_TYPES,
});
const mayChange: RequestHandler = async (req, _res, next) => {
  await findTodo(one.input(req).params.id, currentUser(req));
  next();
};
todoRouter.post('/:id/attachments', one, mayChange, attachment, async (req, res) => {
  const todo = await findTodo(one.input(req).params.id, currentUser(req));
  // uploadOne() answered 422 already when there is no file.
  const file = req.file as Express.Multer.File;
  const saved = await AttachmentModel.create({
    todo: todo._id,
    owner: todo.owner,
    filename: safeFileName(file.originalname),
    contentType: file.mimetype,
    size: file.size,
    data: file.buffer,
  });
  const body = attachmentJson(req, todo, saved);
  res.status(201).location(body.url).json(body);
});

todoRouter.get('/:id/attachments', one, async (req, res) => {
  const todo = await findTodo(one.input(req).params.id, currentUser(req));
  const attachments = await AttachmentModel.find({ todo: todo._id }).sort({ createdAt: 1 });
  res.status(200).json(attachments.map((saved) => attachmentJson(req, todo, saved)));
});

const download = validate({ params: attachmentParams });
todoRouter.get('/:id/attachments/:attachmentId', download, async (req, res) => {
  const { id, attachmentId } = download.input(req).params;
  const todo = await findTodo(id, currentUser(req));
  const saved = await AttachmentModel.findOne({ _id: attachmentId, todo: todo._id }).select(
    '+data',
  );
  if (!saved) throw notFound('No attachment with this id');
  // `attachment`: the browser downloads it instead of displaying it (a file some user uploaded
  // must never run as a page of this site), under its cleaned name.
  res
    .status(200)
    .type(saved.contentType)
    .attachment(saved.filename)
    .set('X-Content-Type-Options', 'nosniff')
    .send(saved.data);
});

const todoResponses = { 401: 'No valid token', 403: 'Another user’s todo', 404: 'No such todo' };

describeRoutes(todoRouter, {
  '/': {
    get: {
      summary: 'One page of your todos',
      auth: true,
      query: listTodosQuery,
      responses: {
        200: '{ data, page, limit, total }',
        400: 'Invalid query',
        401: 'No valid token',
      },
    },
    post: {
      summary: 'Create a todo',
      auth: true,
      body: createTodoSchema,
      responses: { 201: 'The todo; Location: its URL', 401: 'No valid token', 422: 'Invalid body' },
    },
  },
  '/:id': {
    get: { summary: 'One todo', auth: true, responses: { 200: 'The todo', ...todoResponses } },
    put: {
      summary: 'Replace a todo’s title and description',
      auth: true,
      body: replaceTodoSchema,
      responses: { 200: 'The todo', ...todoResponses, 422: 'Invalid body' },
    },
    patch: {
      summary: 'Change some fields of a todo',
      auth: true,
      body: updateTodoSchema,
      responses: { 200: 'The todo', ...todoResponses, 422: 'Invalid body' },
    },
    delete: {
      summary: 'Delete a todo',
      auth: true,
      responses: { 204: 'Deleted', ...todoResponses },
    },
  },
  '/:id/attachments': {
    post: {
      summary: 'Attach a file (PNG, JPEG, WebP, PDF or text, at most 1 MB)',
      auth: true,
      file: 'file',
      responses: {
        201: 'The attachment; Location: its URL',
        ...todoResponses,
        413: 'File too large',
        415: 'File type not allowed',
        422: 'No file',
      },
    },
    get: {
      summary: 'The attachments of a todo',
      auth: true,
      responses: { 200: 'The attachments', ...todoResponses },
    },
  },
  '/:id/attachments/:attachmentId': {
    get: {
      summary: 'Download an attachment',
      auth: true,
      responses: { 200: 'The file', ...todoResponses },
    },
  },
});
