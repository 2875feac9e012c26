// The baseline of part 4: a bare Express + Mongoose app with the todo-app's schema and the same
// two queries (list in `order`, get by id) and the same JSON shape, without any middleware.
// It runs inside a generated starter's folder (BENCH_MODULES_DIR), so it uses exactly the
// starter's Express and Mongoose. Modes:
//
//   node bench/bare-app.ts serve        PORT, HOST, MONGODB_URI; SIGTERM stops it
//   node bench/bare-app.ts seed <n>     replaces the todos with n todos, prints their ids (JSON)
//   node bench/bare-app.ts drop         drops the database of MONGODB_URI
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface TodoDoc {
  id: string;
  title: string;
  completed: boolean;
  order: number;
}
interface Query<T> extends PromiseLike<T> {
  sort(spec: Record<string, 1 | -1>): Query<T>;
}
interface SchemaLike {
  index(spec: Record<string, 1 | -1>): void;
}
interface ModelLike {
  find(): Query<TodoDoc[]>;
  findById(id: string): PromiseLike<TodoDoc | null>;
  insertMany(docs: object[]): Promise<TodoDoc[]>;
  deleteMany(filter: object): PromiseLike<unknown>;
}
interface MongooseLike {
  connect(uri: string, options?: object): Promise<unknown>;
  disconnect(): Promise<void>;
  Schema: new (definition: object, options?: object) => SchemaLike;
  model(name: string, schema: SchemaLike): ModelLike;
  connection: { dropDatabase(): Promise<unknown> };
}
interface Req {
  params: Record<string, string>;
  protocol: string;
  host: string;
  baseUrl: string;
}
interface Res {
  status(code: number): Res;
  json(body: unknown): void;
}
interface Server {
  close(callback: () => void): void;
  closeIdleConnections(): void;
}
interface App {
  disable(setting: string): void;
  get(path: string, handler: (req: Req, res: Res) => Promise<void>): void;
  listen(port: number, host: string, callback: () => void): Server;
}

const modulesDir = process.env.BENCH_MODULES_DIR ?? process.cwd();
const requireFrom = createRequire(join(modulesDir, 'package.json'));

async function load<T>(name: string): Promise<T> {
  const url = pathToFileURL(requireFrom.resolve(name)).href;
  const module = (await import(url)) as { default: T };
  return module.default;
}

const mongoose = await load<MongooseLike>('mongoose');
const uri = process.env.MONGODB_URI;
if (!uri) throw new Error('MONGODB_URI is required');

// The starter's schema (templates/ideas/todo-app/src/todos/todo.model.ts), same collection.
const schema = new mongoose.Schema(
  {
    title: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
    completed: { type: Boolean, required: true, default: false },
    order: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
schema.index({ order: 1, _id: 1 });
const Todo = mongoose.model('Todo', schema);

await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
const [mode = 'serve', arg] = process.argv.slice(2);

if (mode === 'seed') {
  await Todo.deleteMany({});
  const count = Number(arg ?? '100');
  const docs = await Todo.insertMany(
    Array.from({ length: count }, (_, i) => ({
      title: `Seeded todo ${i + 1}`,
      completed: i % 3 === 0,
      order: i + 1,
    })),
  );
  process.stdout.write(`${JSON.stringify(docs.map((doc) => doc.id))}\n`);
  await mongoose.disconnect();
} else if (mode === 'drop') {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
} else {
  const express = await load<() => App>('express');
  const app = express();
  app.disable('x-powered-by');
  const toJson = (req: Req, todo: TodoDoc) => ({
    id: todo.id,
    title: todo.title,
    completed: todo.completed,
    order: todo.order,
    url: `${req.protocol}://${req.host}${req.baseUrl}/todos/${encodeURIComponent(todo.id)}`,
  });
  app.get('/todos', async (req, res) => {
    const todos = await Todo.find().sort({ order: 1, _id: 1 });
    res.status(200).json(todos.map((todo) => toJson(req, todo)));
  });
  app.get('/todos/:id', async (req, res) => {
    const id = req.params.id ?? '';
    const todo = /^[0-9a-f]{24}$/i.test(id) ? await Todo.findById(id) : null;
    if (!todo) res.status(404).json({ error: 'not found' });
    else res.status(200).json(toJson(req, todo));
  });
  const server = app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () =>
    console.log('listening'),
  );
  process.on('SIGTERM', () => {
    server.close(() => {
      mongoose.disconnect().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  });
}
