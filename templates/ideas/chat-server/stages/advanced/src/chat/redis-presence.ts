// Who is online in a room, across every instance: one Redis sorted set per room
// (`presence:<room>`), one entry per connected socket, scored with the time its instance last
// vouched for it. Each instance refreshes its own sockets' entries every third of
// PRESENCE_TTL_SECONDS (the heartbeat); readers ignore and delete entries older than the TTL.
// So when an instance crashes, with no chance to say goodbye, its users vanish from the lists
// within PRESENCE_TTL_SECONDS instead of haunting them forever. The key itself expires too,
// so a room nobody is in leaves nothing behind.
//
// Redis down: the lists fall back to this instance's own clients (localPresence), and are
// whole again at the next heartbeat once Redis is back.
import { logger } from '../logger.js';
import { redisClient, redisKey } from '../redis.js';
import { localPresence, uniqueUsers, type Presence } from './presence.js';
import type { ChatUser } from './socket-auth.js';

export interface RedisPresenceOptions {
  ttlSeconds: number;
}

const keyOf = (room: string) => redisKey('presence', room);

export function redisPresence({ ttlSeconds }: RedisPresenceOptions): Presence {
  const local = localPresence();
  // This instance's entries, to refresh and to remove: room → socket id → entry.
  const own = new Map<string, Map<string, string>>();
  const ttlMs = ttlSeconds * 1000;

  /** Runs a Redis call; when Redis is away or fails, says so once per call and returns undefined. */
  async function withRedis<T>(
    run: (redis: NonNullable<ReturnType<typeof redisClient>>) => Promise<T>,
  ) {
    const redis = redisClient();
    if (!redis) return undefined;
    try {
      return await run(redis);
    } catch (error) {
      logger.warn({ err: error }, 'Presence: Redis call failed, using this instance only');
      return undefined;
    }
  }

  async function refresh(room: string, entries: string[]): Promise<void> {
    if (entries.length === 0) return;
    const score = Date.now();
    await withRedis((redis) =>
      redis
        .multi()
        .zAdd(
          keyOf(room),
          entries.map((value) => ({ score, value })),
        )
        .expire(keyOf(room), ttlSeconds * 2)
        .exec(),
    );
  }

  const heartbeat = setInterval(
    () => {
      Promise.all([...own].map(([room, sockets]) => refresh(room, [...sockets.values()]))).catch(
        (error: unknown) => logger.warn({ err: error }, 'Presence heartbeat failed'),
      );
    },
    Math.max(ttlMs / 3, 500),
  );
  // The heartbeat must not be what keeps a stopping process alive.
  heartbeat.unref();

  return {
    async join(room: string, user: ChatUser, socketId: string) {
      await local.join(room, user, socketId);
      const entry = JSON.stringify({ socket: socketId, id: user.id, name: user.name });
      own.set(room, (own.get(room) ?? new Map<string, string>()).set(socketId, entry));
      await refresh(room, [entry]);
    },

    async leave(room: string, socketId: string) {
      await local.leave(room, socketId);
      const entry = own.get(room)?.get(socketId);
      own.get(room)?.delete(socketId);
      if (own.get(room)?.size === 0) own.delete(room);
      if (entry) await withRedis((redis) => redis.zRem(keyOf(room), entry));
    },

    async online(room: string) {
      const entries = await withRedis(async (redis) => {
        // Entries nobody vouched for within the TTL belong to a crashed instance.
        await redis.zRemRangeByScore(keyOf(room), 0, Date.now() - ttlMs);
        return redis.zRange(keyOf(room), 0, -1);
      });
      if (!entries) return local.online(room);
      return uniqueUsers(
        entries.map((entry) => {
          const { id, name } = JSON.parse(entry) as ChatUser;
          return { id, name };
        }),
      );
    },

    async close() {
      clearInterval(heartbeat);
      await Promise.all(
        [...own].map(([room, sockets]) =>
          withRedis((redis) => redis.zRem(keyOf(room), [...sockets.values()])),
        ),
      );
      own.clear();
      await local.close();
    },
  };
}
