// Runs in each test file after test/setup.ts: connects the app's Redis client to the run's Redis
// under a key prefix of this worker's own, and deletes this worker's keys after every test, just
// as test/setup.ts empties the collections (a cached answer must not outlive its data).
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { connectRedis, redisClient, redisKey, type CloseRedis } from '../src/redis.js';

let closeRedis: CloseRedis | undefined;

/** Deletes every key under this worker's prefix. */
export async function deleteTestKeys(): Promise<void> {
  const redis = redisClient();
  if (!redis) return;
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${redisKey('')}*`, COUNT: 500 })) {
    keys.push(...batch);
  }
  if (keys.length > 0) await redis.del(keys);
}

beforeAll(async () => {
  closeRedis = await connectRedis({
    url: inject('redisUrl'),
    // eslint-disable-next-line no-restricted-properties -- the worker's id, not a setting
    keyPrefix: `test_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}:`,
  });
});

afterEach(async () => {
  await deleteTestKeys();
});

afterAll(async () => {
  await deleteTestKeys();
  await closeRedis?.();
});
