// The catalogue behind Redis, without changing its router (src/shop/product.routes.ts): app.ts
// runs this in front of it, on /products.
//
//   GET /products?…       cached per query string; tagged with the catalogue and every product
//                         in the page
//   GET /products/:id     cached per product; tagged with the product
//   POST, PUT, PATCH, DELETE (admins)   invalidate the catalogue lists and the product they name
//
// The catalogue is the same for everyone, so entries are shared between users (unlike carts and
// orders, which are never cached). How stale can the stock be? Every change to it deletes the
// entries that show it: admin writes here, checkout and failed payments in stock-changes.ts. A
// reader may still get an answer computed a moment before a checkout finished; beyond that, an
// entry is never older than CACHE_TTL_SECONDS, even if an invalidation fails (Redis down). The
// stock a page shows is therefore a hint; checkout reads MongoDB and is the only judge.
import { Router, type Request } from 'express';
import { requireRole } from '../auth/require-auth.js';
import { cacheJsonResponses, invalidateOnWrite, type CacheEntry } from '../cache/index.js';
import { config } from '../config.js';

export const CATALOGUE_TAG = 'products:catalogue';
export const productTag = (productId: string) => `products:item:${productId.toLowerCase()}`;

/** `/` or `/<24 hex digits>`: the two cached reads. The image is not cached (bytes, not JSON). */
const CACHED_PATH = /^\/(?:([0-9a-f]{24})\/?)?$/i;

function entryFor(req: Request): CacheEntry | undefined {
  const match = CACHED_PATH.exec(req.path);
  if (!match) return undefined;
  const productId = match[1];
  return productId
    ? {
        key: `products:item:${productId.toLowerCase()}`,
        tags: [productTag(productId)],
        ttlSeconds: config.cacheTtlSeconds,
      }
    : {
        key: `products:list:${req.originalUrl.split('?')[1] ?? ''}`,
        tags: [CATALOGUE_TAG],
        ttlSeconds: config.cacheTtlSeconds,
      };
}

/** A list answer `{ data: [{ id }, …] }` depends on each product in it. */
function listTags(body: unknown): string[] {
  const { data } = body as { data?: { id?: unknown }[] };
  if (!Array.isArray(data)) return [];
  return data.flatMap((product) =>
    typeof product.id === 'string' ? [productTag(product.id)] : [],
  );
}

function writeTags(req: Request): string[] {
  const productId = /^\/([0-9a-f]{24})(?:\/|$)/i.exec(req.path)?.[1];
  return [CATALOGUE_TAG, ...(productId ? [productTag(productId)] : [])];
}

function isRead(req: Request): boolean {
  return req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
}

export function productCache(): Router {
  // Writes are for admins only, checked before the invalidation: an anonymous POST must not be
  // able to empty the cache (and send every following read to MongoDB).
  const writes = Router();
  writes.use(...requireRole('admin'));
  writes.use(invalidateOnWrite(writeTags));

  const router = Router();
  router.use(cacheJsonResponses(entryFor, listTags));
  router.use((req, res, next) => {
    if (isRead(req)) next();
    else writes(req, res, next);
  });
  return router;
}
