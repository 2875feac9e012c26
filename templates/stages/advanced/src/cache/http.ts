// The cache at the HTTP level. Every cached answer says what happened in an
// `X-Cache: HIT | MISS | BYPASS` header, which also appears in the request's log line (pino-http
// logs response headers), so you can watch the hit rate with `npm run dev` and curl, and measure
// it with `npm run load`.
import type { RequestHandler, Response } from 'express';
import { cacheGetJson, cacheSet, invalidate, readThrough, type CacheEntry } from './cache.js';

/** Cache-aside inside a handler: `const todos = await cachedRead(res, entry, () => query)`. */
export async function cachedRead<T>(
  res: Response,
  entry: CacheEntry,
  load: () => Promise<T>,
): Promise<T> {
  const { value, status } = await readThrough(entry, load);
  res.setHeader('X-Cache', status);
  return value;
}

/**
 * Cache-aside in front of a router's GET routes, without touching its handlers: a HIT answers
 * from Redis; otherwise the router answers as usual and its 200 JSON body is stored.
 * `entryFor` names the cache entry of a request (undefined: not cached); `tagsFor` adds tags that
 * depend on the body (e.g. one per item in a list, so changing any of them invalidates it).
 */
export function cacheJsonResponses(
  entryFor: (req: Parameters<RequestHandler>[0]) => CacheEntry | undefined,
  tagsFor: (body: unknown) => string[] = () => [],
): RequestHandler {
  return async (req, res, next) => {
    const entry = req.method === 'GET' ? entryFor(req) : undefined;
    if (!entry) {
      next();
      return;
    }
    const cached = await cacheGetJson(entry.key);
    if (cached !== undefined && cached !== null) {
      // The stored text is what res.json wrote on the MISS: sent as it is, not parsed again.
      res.setHeader('X-Cache', 'HIT').status(200).type('json').send(cached);
      return;
    }
    res.setHeader('X-Cache', cached === undefined ? 'BYPASS' : 'MISS');
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode !== 200 || cached !== null) return send(body);
      // Store first, answer second. Once the client has this answer it may write at once, and
      // that write deletes the entry; a store still in flight would land after the delete and
      // serve stale data until the TTL ends. cacheSet never rejects (Redis down: a no-op).
      void cacheSet({ ...entry, tags: [...entry.tags, ...tagsFor(body)] }, body).finally(() =>
        send(body),
      );
      return res;
    };
    next();
  };
}

/**
 * Invalidation around the writes of a router (POST, PUT, PATCH, DELETE): the tags `tagsFor`
 * names are deleted before the handler runs, so the writer's next read is fresh, and again once
 * the answer is sent, in case a concurrent read cached the old data in between ("delete twice").
 */
export function invalidateOnWrite(
  tagsFor: (req: Parameters<RequestHandler>[0]) => string[],
): RequestHandler {
  return async (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const tags = tagsFor(req);
    await invalidate(...tags);
    res.once('finish', () => {
      void invalidate(...tags);
    });
    next();
  };
}
