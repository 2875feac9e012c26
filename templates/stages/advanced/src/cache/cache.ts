// Cache-aside ("lazy loading"), the most common way to put Redis in front of a database:
//
//   read:  look in Redis → found: a HIT, answer from memory
//                        → not found: a MISS, read MongoDB, store the result for `ttlSeconds`
//   write: change MongoDB, then delete the cached entries that described the old data
//
// Entries carry tags (`todos:user:42`), and a write invalidates a tag: every entry stored under
// it is deleted, whatever its page or filter. The TTL is the safety net: an entry a bug forgot
// to invalidate is wrong for at most `ttlSeconds`, not forever.
//
// Redis is optional at run time: when it is down, reads go to MongoDB (status BYPASS) and writes
// skip the invalidation. What was cached before the outage may then be stale until its TTL runs
// out, which is why the TTL stays short.
import { logger } from '../logger.js';
import { redisClient, redisKey } from '../redis.js';

/** HIT: from Redis. MISS: from MongoDB, now cached. BYPASS: from MongoDB, Redis is down. */
export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS';

export interface CacheEntry {
  /** Unique per query: resource, scope and every parameter that changes the answer. */
  key: string;
  /** What a write invalidates, e.g. the resource and the owner. */
  tags: string[];
  ttlSeconds: number;
}

export interface Cached<T> {
  value: T;
  status: CacheStatus;
}

function tagKey(tag: string): string {
  return redisKey('cache-tag', tag);
}

/**
 * The cached JSON text for `key`, `null` when there is none, `undefined` when Redis is down. An
 * HTTP answer can send this text as it is: parsing it only to serialize it again costs a hit
 * about as much as the Redis round trip.
 */
export async function cacheGetJson(key: string): Promise<string | null | undefined> {
  const redis = redisClient();
  if (!redis) return undefined;
  try {
    return await redis.get(redisKey('cache', key));
  } catch (error) {
    logger.warn({ err: error, key }, 'Cache read failed; reading from the database');
    return undefined;
  }
}

/** The cached value for `key`, `null` when there is none, `undefined` when Redis is down. */
export async function cacheGet<T>(key: string): Promise<T | null | undefined> {
  const stored = await cacheGetJson(key);
  return typeof stored === 'string' ? (JSON.parse(stored) as T) : stored;
}

/** Stores `value` under `entry.key` for `entry.ttlSeconds`, listed under each of its tags. */
export async function cacheSet(entry: CacheEntry, value: unknown): Promise<void> {
  const redis = redisClient();
  if (!redis) return;
  const key = redisKey('cache', entry.key);
  try {
    // One round trip: the value with its TTL, and its key in each tag's set of keys.
    const multi = redis.multi().set(key, JSON.stringify(value), { EX: entry.ttlSeconds });
    for (const tag of entry.tags) {
      multi.sAdd(tagKey(tag), key).expire(tagKey(tag), entry.ttlSeconds);
    }
    await multi.exec();
  } catch (error) {
    logger.warn({ err: error, key }, 'Cache write failed; the answer is still right');
  }
}

/**
 * The value for `entry.key` from Redis, or from `load()` (then cached). Values go through JSON:
 * cache plain data (ids as strings, dates as ISO strings), never Mongoose documents.
 */
export async function readThrough<T>(
  entry: CacheEntry,
  load: () => Promise<T>,
): Promise<Cached<T>> {
  const cached = await cacheGet<T>(entry.key);
  if (cached !== undefined && cached !== null) return { value: cached, status: 'HIT' };
  const value = await load();
  if (cached === undefined) return { value, status: 'BYPASS' };
  await cacheSet(entry, value);
  return { value, status: 'MISS' };
}

/**
 * Deletes every cached entry stored under these tags. Call it after each write to MongoDB
 * (create, update, delete), with the tags of every entry the write made wrong.
 */
export async function invalidate(...tags: string[]): Promise<void> {
  // TODO(mistake:overengineering): the tempting version here is a message queue (Kafka,
  // RabbitMQ) and a separate "cache service" that listens for change events and invalidates
  // entries, "so it scales". For one codebase and one database that adds two systems to run,
  // a delay during which answers are stale, and events that get lost, to replace the two
  // Redis commands below. Keep invalidation in the same request as the write; split out a
  // service only for the reasons in docs/adr/0001-modular-monolith.md. The guards:
  // `npm test -- architecture` (modules talk through their index.ts only, so a later split
  // stays possible) and the ADR's checklist.
  const redis = redisClient();
  if (!redis) return; // the TTL will expire the entries
  try {
    for (const tag of tags) {
      const keys = await redis.sMembers(tagKey(tag));
      if (keys.length === 0) continue;
      // Only the keys read here leave the tag: a read that stores an entry between these two
      // round trips keeps it listed, so the next write still finds it. Deleting the whole tag
      // set would orphan that entry, and it would be served until its TTL ran out.
      await redis.multi().del(keys).sRem(tagKey(tag), keys).exec();
    }
  } catch (error) {
    logger.warn({ err: error, tags }, 'Cache invalidation failed; entries expire with their TTL');
  }
}
