// The todo API behind Redis, without changing its router (src/todos/todo.routes.ts): app.ts runs
// this in front of it, on /todos.
//
//   GET /todos?…      cached per user and query string; tagged with the user and every todo in
//                     the page, so a change to any of them, or a new todo, invalidates it
//   GET /todos/:id    cached per user and id; tagged with the todo
//   POST, PUT, PATCH, DELETE    invalidate the writer's lists and the todo they name
//
// The routes answer as before; a cached answer only adds `X-Cache: HIT`. The cache TTL is
// CACHE_TTL_SECONDS.
import { Router, type Request } from 'express';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { cacheJsonResponses, invalidateOnWrite, type CacheEntry } from '../cache/index.js';
import { config } from '../config.js';

const ownerTag = (userId: string) => `todos:owner:${userId}`;
const todoTag = (todoId: string) => `todos:item:${todoId}`;

/** `/` or `/<24 hex digits>`: the two cached reads. Attachments and the rest are not cached. */
const CACHED_PATH = /^\/(?:([0-9a-f]{24})\/?)?$/i;

function entryFor(req: Request): CacheEntry | undefined {
  const match = CACHED_PATH.exec(req.path);
  if (!match) return undefined;
  const userId = currentUser(req).id;
  const todoId = match[1];
  // TODO(mistake:ignoring-security): the tempting key is `todos:<id>` (or the URL alone), "the
  // same todo is the same answer for everyone". It is not: the first reader's answer would then
  // be served to every other user from Redis, skipping the ownership check in todo.routes.ts
  // (OWASP API1, broken object level authorization: Bob reads Ann's todo by guessing its id).
  // Key every cached answer by the user it was computed for, and never cache before
  // authentication. The guard: `npm test -- todo-cache` reads Ann's todo as Ann (cached), then
  // as Bob, and expects 403; `npm test -- todos` checks 403 on every route.
  const key = todoId
    ? `todos:user:${userId}:item:${todoId.toLowerCase()}`
    : `todos:user:${userId}:list:${req.originalUrl.split('?')[1] ?? ''}`;
  return {
    key,
    tags: todoId ? [todoTag(todoId.toLowerCase())] : [ownerTag(userId)],
    ttlSeconds: config.cacheTtlSeconds,
  };
}

/** A list answer `{ data: [{ id }, …] }` depends on each todo in it. */
function listTags(body: unknown): string[] {
  const { data } = body as { data?: { id?: unknown }[] };
  if (!Array.isArray(data)) return [];
  return data.flatMap((todo) => (typeof todo.id === 'string' ? [todoTag(todo.id)] : []));
}

function writeTags(req: Request): string[] {
  const todoId = /^\/([0-9a-f]{24})(?:\/|$)/i.exec(req.path)?.[1];
  return [ownerTag(currentUser(req).id), ...(todoId ? [todoTag(todoId.toLowerCase())] : [])];
}

export function todoCache(): Router {
  const router = Router();
  // Authentication first: a cached answer is still only for the user it was computed for.
  router.use(requireAuth);
  router.use(cacheJsonResponses(entryFor, listTags));
  router.use(invalidateOnWrite(writeTags));
  return router;
}
