// The Redis connection: the cache (src/cache/) and the rate limits (src/security/rate-limit.ts)
// keep their data here, outside the process, so any number of app instances share it and a
// restart loses nothing that matters. connections.ts opens it at startup, after MongoDB.
//
// Redis is an accelerator here, not the source of truth: when it goes away the app keeps
// answering from MongoDB (slower, without rate limits), logs it once, and GET /health/ready says
// so until it is back. That is why commands fail at once instead of queueing
// (`disableOfflineQueue`): a request must never wait for a Redis that is down.
import { createClient } from 'redis';
import { config } from './config.js';
import { logger } from './logger.js';

export type CloseRedis = () => Promise<void>;

export interface RedisOptions {
  /** Defaults to REDIS_URL; without it, an in-memory Redis outside production. */
  url?: string | undefined;
  /** Put before every key this app writes, so several apps (or test workers) share a server. */
  keyPrefix?: string;
  /** How long to wait for the first connection before starting without Redis. */
  connectTimeoutMs?: number;
}

/** A client that fails fast while disconnected and reconnects by itself. */
function newClient(url: string | undefined) {
  return createClient({
    url,
    // Fail commands at once while disconnected (see the top of this file).
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Keep trying to reconnect, at most every 2 s: Redis usually comes back by itself.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

let client: RedisClient | undefined;
let prefix = '';

/** The connected client, or undefined when Redis is not (or no longer) usable. */
export function redisClient(): RedisClient | undefined {
  return client?.isReady ? client : undefined;
}

/** True while commands can be sent: what readiness reports. */
export function isRedisReady(): boolean {
  return client?.isReady ?? false;
}

/** A key in this app's part of Redis: `redisKey('todos', 'item', id)` → `todos:item:<id>`. */
export function redisKey(...parts: string[]): string {
  return prefix + parts.join(':');
}

/** Where an in-memory Redis comes from when REDIS_URL is not set (development and tests). */
async function inMemoryRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  // In production every instance must share one Redis (one cache, one rate-limit count), and
  // the devDependency is not installed there: stop at startup with a clear message.
  if (config.isProduction) throw new Error('REDIS_URL is required in production');
  // Imported only here: the package is a devDependency, absent from a production install.
  const { RedisMemoryServer } = await import('redis-memory-server');
  logger.warn(
    'REDIS_URL is not set: starting an in-memory Redis for development. It uses the ' +
      'redis-server named by REDISMS_SYSTEM_BINARY (e.g. /usr/bin/redis-server), or builds one ' +
      'on first use. Set REDIS_URL in .env to use your own Redis.',
  );
  const server = await RedisMemoryServer.create().catch((error: unknown) => {
    throw new Error(
      'Could not start the in-memory Redis. Install Redis and set REDISMS_SYSTEM_BINARY to its ' +
        'redis-server, or set REDIS_URL in .env to a Redis server.',
      { cause: error },
    );
  });
  const url = `redis://${await server.getHost()}:${await server.getPort()}`;
  return {
    url,
    stop: async () => {
      await server.stop();
    },
  };
}

export async function connectRedis(options: RedisOptions = {}): Promise<CloseRedis> {
  const memory = (options.url ?? config.redisUrl) ? undefined : await inMemoryRedis();
  const url = options.url ?? config.redisUrl ?? memory?.url;
  prefix = options.keyPrefix ?? '';

  const redis = newClient(url);
  // Without an `error` listener, node-redis errors are unhandled and kill the process. Log the
  // first error of an outage only: while Redis is down, every reconnection attempt fails again.
  let healthy = true;
  redis.on('error', (error: unknown) => {
    if (!healthy) return;
    healthy = false;
    logger.error({ err: error }, 'Redis is unavailable: serving from MongoDB, without the cache');
  });
  redis.on('ready', () => {
    if (!healthy) logger.info('Redis is back');
    healthy = true;
  });
  client = redis;

  // Wait a little for the first connection, but start without Redis rather than not at all:
  // the client keeps reconnecting in the background, and readiness reports the outage.
  const connecting = redis.connect().then(
    () => true,
    () => false,
  );
  const timeout = new Promise<false>((resolve) => {
    setTimeout(() => resolve(false), options.connectTimeoutMs ?? 5_000).unref();
  });
  if (await Promise.race([connecting, timeout])) {
    logger.info({ inMemory: memory !== undefined }, 'Connected to Redis');
  }

  return async () => {
    if (client === redis) client = undefined;
    // `close` waits for commands in flight; a client that never connected has nothing to wait
    // for and is destroyed, which also stops its reconnection attempts.
    if (redis.isReady) await redis.close();
    else if (redis.isOpen) redis.destroy();
    await memory?.stop();
  };
}
