// The notes API behind Redis, without changing its router (src/notes/note.routes.ts): app.ts runs
// this in front of it, on /notes.
//
//   GET /notes?…      cached per user and query string; tagged with the user and every note in
//                     the page, so a change to any of them, or a new note, invalidates it
//   GET /notes/:id    cached per user and id; tagged with the note
//   POST, PATCH, DELETE    invalidate the writer's lists and the note they name
//
// The HTML rendering and the grammar check are not cached (see CACHED_PATH). The routes answer
// as before; a cached answer only adds `X-Cache: HIT`. The cache TTL is CACHE_TTL_SECONDS.
import { Router, type Request } from 'express';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { cacheJsonResponses, invalidateOnWrite, type CacheEntry } from '../cache/index.js';
import { config } from '../config.js';

const ownerTag = (userId: string) => `notes:owner:${userId}`;
const noteTag = (noteId: string) => `notes:item:${noteId}`;

/** `/` or `/<24 hex digits>`: the two cached reads. */
const CACHED_PATH = /^\/(?:([0-9a-f]{24})\/?)?$/i;

function entryFor(req: Request): CacheEntry | undefined {
  const match = CACHED_PATH.exec(req.path);
  if (!match) return undefined;
  const userId = currentUser(req).id;
  const noteId = match[1]?.toLowerCase();
  // TODO(mistake:ignoring-security): the tempting key is `notes:<id>` (or the URL alone), "the
  // same note is the same answer for everyone". It is not: the first reader's answer would then
  // be served from Redis to anyone who asks for that id, skipping the ownership check in
  // note.routes.ts (OWASP API1, broken object level authorization: Bob reads Ann's private
  // notes by guessing ids), and `?q=` searches of one user would be answered with another's.
  // Key every cached answer by the user it was computed for, and never cache before
  // authentication. The guard: `npm test -- note-cache` reads Ann's note as Ann (cached), then
  // as Bob, and expects 404; `npm test -- notes` checks 404 on every route.
  const key = noteId
    ? `notes:user:${userId}:item:${noteId}`
    : `notes:user:${userId}:list:${req.originalUrl.split('?')[1] ?? ''}`;
  return {
    key,
    tags: noteId ? [noteTag(noteId)] : [ownerTag(userId)],
    ttlSeconds: config.cacheTtlSeconds,
  };
}

/** A list answer `{ data: [{ id }, …] }` depends on each note in it. */
function listTags(body: unknown): string[] {
  const { data } = body as { data?: { id?: unknown }[] };
  if (!Array.isArray(data)) return [];
  return data.flatMap((note) => (typeof note.id === 'string' ? [noteTag(note.id)] : []));
}

function writeTags(req: Request): string[] {
  const noteId = /^\/([0-9a-f]{24})(?:\/|$)/i.exec(req.path)?.[1];
  return [ownerTag(currentUser(req).id), ...(noteId ? [noteTag(noteId.toLowerCase())] : [])];
}

export function noteCache(): Router {
  const router = Router();
  // Authentication first: a cached answer is still only for the user it was computed for.
  router.use(requireAuth);
  router.use(cacheJsonResponses(entryFor, listTags));
  router.use(invalidateOnWrite(writeTags));
  return router;
}
