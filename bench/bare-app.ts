// The baseline of part 4: a bare Express + Mongoose app that reads one CRUD idea's collection
// with the same two queries as its beginner starter (the list in the same order, get by id) and
// answers with the same JSON fields, without any middleware. It runs against a built beginner
// starter (BENCH_MODULES_DIR) and uses exactly that starter's Express, Mongoose and model, so the
// schema is the starter's own (bench/crud-ideas.ts says where it is). Modes:
//
//   node bench/bare-app.ts serve   BENCH_IDEA, PORT, HOST, MONGODB_URI; SIGTERM stops it
//   node bench/bare-app.ts drop    drops the database of MONGODB_URI
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crudBench } from './crud-ideas.ts';

interface Doc {
  id: string;
  [field: string]: unknown;
}
interface Query<T> extends PromiseLike<T> {
  sort(spec: Record<string, 1 | -1>): Query<T>;
}
interface ModelLike {
  find(): Query<Doc[]>;
  findById(id: string): PromiseLike<Doc | null>;
}
interface MongooseLike {
  connect(uri: string, options?: object): Promise<unknown>;
  disconnect(): Promise<void>;
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

await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
const [mode = 'serve'] = process.argv.slice(2);

if (mode === 'drop') {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
} else {
  const express = await load<() => App>('express');
  const app = express();
  app.disable('x-powered-by');
  const bench = crudBench(process.env.BENCH_IDEA ?? 'todo-app');
  // The starter's model module imports mongoose from the same folder: the same instance as ours.
  const modelModule = (await import(
    pathToFileURL(join(modulesDir, bench.model.module)).href
  )) as Record<string, ModelLike>;
  const Model = modelModule[bench.model.export];
  if (!Model) throw new Error(`${bench.model.module} has no export ${bench.model.export}`);
  const route = bench.route('beginner');
  const days = new Set(bench.dayFields);
  const toJson = (req: Req, doc: Doc) => {
    const body: Record<string, unknown> = { id: doc.id };
    for (const field of bench.fields) {
      const value = doc[field];
      body[field] =
        days.has(field) && value instanceof Date ? value.toISOString().slice(0, 10) : value;
    }
    body.url = `${req.protocol}://${req.host}${req.baseUrl}${route}/${encodeURIComponent(doc.id)}`;
    return body;
  };
  app.get(route, async (req, res) => {
    const docs = await Model.find().sort(bench.sort);
    res.status(200).json(docs.map((doc) => toJson(req, doc)));
  });
  app.get(`${route}/:id`, async (req, res) => {
    const id = req.params.id ?? '';
    const doc = /^[0-9a-f]{24}$/i.test(id) ? await Model.findById(id) : null;
    if (!doc) res.status(404).json({ error: 'not found' });
    else res.status(200).json(toJson(req, doc));
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
