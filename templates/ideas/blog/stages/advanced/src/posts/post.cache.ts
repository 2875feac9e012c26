// The public reads of the Conduit API behind Redis, without changing its routers: app.ts runs
// this in front of them, on /api.
//
//   GET /api/articles?…       cached per reader and query string
//   GET /api/articles/:slug   cached per reader and slug
//   GET /api/tags             cached once for everyone (the answer does not depend on the reader)
//   POST, PUT, DELETE on /api/articles…, /api/profiles… and /api/user invalidate all of them
//
// Invalidation is deliberately coarse: an article's answer also shows its author's profile
// (renamed in PUT /api/user), whether the reader follows them (POST …/follow) and its favorites
// count (any reader's favorite), so nearly every write changes some cached article. Dropping
// them all is always right, and reads still hit the cache between writes, which is most of the
// time on a blog. The feed and the comments are not cached. A cached answer only adds
// `X-Cache: HIT`; the TTL is CACHE_TTL_SECONDS.
import { Router, type Request } from 'express';
import { optionalAuth, viewerOf } from '../auth/optional-auth.js';
import { cacheJsonResponses, invalidateOnWrite, type CacheEntry } from '../cache/index.js';
import { config } from '../config.js';

const ARTICLES_TAG = 'conduit:articles';

/** `/articles` and `/articles/<slug>` (not the feed): the cached reads that depend on the reader. */
const ARTICLE_PATH = /^\/articles(?:\/(?!feed\/?$)[^/]+)?\/?$/;

/** Writes that can change a cached answer. Registering and logging in change none. */
const WRITE_PATH = /^\/(?:articles|profiles|user)(?:\/|$)/;

function articleEntry(req: Request): CacheEntry {
  // TODO(mistake:ignoring-security): the tempting key is the URL alone ("an article is the same
  // answer for everyone"). It is not: `favorited` and `author.following` belong to the reader,
  // so the first reader's answer would be served from Redis to everyone after them (Bob sees
  // "you favorited this" for Ann's favorite, anonymous readers see Ann's follows), and a
  // request with a forged or expired token would get a cached 200 instead of its 401. Key every
  // cached answer by the reader it was computed for, and authenticate before reading the cache
  // (optionalAuth runs first, below). The guard: `npm test -- post-cache` reads an article as
  // Ann (cached), then as Bob and anonymously, and expects `favorited: false`, and a bad token
  // on a cached URL to be a 401.
  const reader = viewerOf(req)?.id ?? 'anonymous';
  return {
    key: `conduit:reader:${reader}:${req.originalUrl.replace(/^\/api/, '')}`,
    tags: [ARTICLES_TAG],
    ttlSeconds: config.cacheTtlSeconds,
  };
}

function tagsEntry(): CacheEntry {
  return { key: 'conduit:tags', tags: [ARTICLES_TAG], ttlSeconds: config.cacheTtlSeconds };
}

function writeTags(req: Request): string[] {
  return WRITE_PATH.test(req.path) ? [ARTICLES_TAG] : [];
}

export function conduitCache(): Router {
  const router = Router();
  // Authentication first, and only where an answer may be cached: a login with an old token in
  // its header must still reach the login route.
  router.get(ARTICLE_PATH, optionalAuth, cacheJsonResponses(articleEntry));
  router.get('/tags', cacheJsonResponses(tagsEntry));
  router.use(invalidateOnWrite(writeTags));
  return router;
}
