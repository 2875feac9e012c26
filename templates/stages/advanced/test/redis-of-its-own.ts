// For a test file that stops Redis on purpose (the outage tests): a redis-server of the file's
// own, so stopping it harms no other test.
import { afterAll, beforeAll } from 'vitest';
import { connectRedis, isRedisReady, type CloseRedis } from '../src/redis.js';
import { startRedisServer } from './redis-server.js';

/**
 * Connects the app's client to a server of the file's own (it replaces the client of
 * redis-setup.ts); `stopRedis()` stops that server and waits until the app has noticed.
 */
export function useRedisOfItsOwn(keyPrefix: string): { stopRedis: () => Promise<void> } {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let closeRedis: CloseRedis | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    closeRedis = await connectRedis({ url: server.url, keyPrefix });
  });
  afterAll(async () => {
    await closeRedis?.();
    await server?.stop();
  });
  return {
    stopRedis: async () => {
      await server?.stop();
      const deadline = Date.now() + 10_000;
      while (isRedisReady()) {
        if (Date.now() > deadline) throw new Error('the app did not notice that Redis stopped');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
