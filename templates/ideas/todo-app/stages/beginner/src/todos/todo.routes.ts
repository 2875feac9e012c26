// The Todo-Backend API (https://todobackend.com): a collection at the router's root, one URL per
// todo. Each handler reads the request, does one thing with the database and answers with the
// status code that says what happened. Errors are thrown, never answered here: Express 5 sends
// whatever a handler throws (or rejects with) to the error handler in src/http/errors.ts.
//
//   GET    /todos       200  list, in `order`
//   POST   /todos       201  create; Location: the new todo's URL
//   DELETE /todos       204  delete all
//   GET    /todos/:id   200  one todo, or 404
//   PATCH  /todos/:id   200  change title, completed or order, or 404
//   DELETE /todos/:id   204  delete one, or 404
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { TodoModel, type TodoDocument } from './todo.model.js';
import { createTodoSchema, updateTodoSchema } from './todo.schemas.js';

export const todoRouter = Router();

/** What clients see of a todo: its fields and its own absolute URL. */
function toJson(req: Request, todo: TodoDocument) {
  return {
    id: todo.id,
    title: todo.title,
    completed: todo.completed,
    order: todo.order,
    url: resourceUrl(req, todo.id),
  };
}

/**
 * The id in the URL is client input like any other. One that cannot be an ObjectId names no
 * todo, so it is a 404, exactly like a well-formed id that does not exist; never a 500.
 */
async function findTodo(id: string): Promise<TodoDocument> {
  const todo = isObjectId(id) ? await TodoModel.findById(id) : null;
  if (!todo) throw notFound(`No todo with id ${id}`);
  return todo;
}

todoRouter.get('/', async (req, res) => {
  const todos = await TodoModel.find().sort({ order: 1, _id: 1 });
  res.status(200).json(todos.map((todo) => toJson(req, todo)));
});

todoRouter.post('/', async (req, res) => {
  const input = createTodoSchema.parse(req.body);
  // Without an explicit order, the new todo goes after the last one.
  const last = await TodoModel.findOne().sort({ order: -1 }).select('order');
  const todo = await TodoModel.create({ ...input, order: input.order ?? (last?.order ?? 0) + 1 });
  const body = toJson(req, todo);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(todo)` here and in
  // every handler: 200 for everything, errors as `{ success: false }` with 200 too. Clients
  // then cannot tell "created" from "failed" without parsing each body, caches and retries
  // treat failures as successes, and tools like the Todo-Backend spec runner reject the API.
  // Say what happened with the status: 201 + Location for a creation, 204 (no body) for a
  // deletion, 404 / 400 / 422 for the client's mistakes (thrown, see src/http/errors.ts).
  // `npm test -- todos` asserts every status and header exactly; try them in requests.http.
  res.status(201).location(body.url).json(body);
});

todoRouter.delete('/', async (_req, res) => {
  await TodoModel.deleteMany({});
  res.status(204).end();
});

todoRouter.get('/:id', async (req, res) => {
  const todo = await findTodo(req.params.id);
  res.status(200).json(toJson(req, todo));
});

todoRouter.patch('/:id', async (req, res) => {
  const todo = await findTodo(req.params.id);
  const changes = updateTodoSchema.parse(req.body);
  todo.set(changes);
  await todo.save();
  res.status(200).json(toJson(req, todo));
});

todoRouter.delete('/:id', async (req, res) => {
  const todo = await findTodo(req.params.id);
  await todo.deleteOne();
  res.status(204).end();
});
