// The cache module's public face: other modules import from here, never from its files (see
// docs/architecture.md and test/architecture.test.ts).
export {
  cacheGet,
  cacheSet,
  invalidate,
  readThrough,
  type CacheEntry,
  type CacheStatus,
  type Cached,
} from './cache.js';
export { cachedRead, cacheJsonResponses, invalidateOnWrite } from './http.js';
