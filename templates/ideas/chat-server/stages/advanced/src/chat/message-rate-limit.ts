// A rate limit per user on chat messages: at most CHAT_RATE_LIMIT_MAX messages per
// CHAT_RATE_LIMIT_WINDOW_SECONDS, counted in Redis so the limit holds across every socket the
// user opens and every instance they reach. Over the limit the message is refused with a
// `rate_limited` error and the socket stays connected: a client that slows down can go on.
// (The HTTP rate limit, src/security/rate-limit.ts, never sees socket events: one WebSocket is
// one HTTP request, however many messages travel over it.)
import { config } from '../config.js';
import { logger } from '../logger.js';
import { redisClient, redisKey } from '../redis.js';
import type { ChatUser } from './socket-auth.js';

export interface MessageRateLimitOptions {
  limit: number;
  windowSeconds: number;
}

// TODO(mistake:ignoring-security): the tempting version is no limit on socket events ("the
// HTTP rate limit covers us"), or a counter in a variable of this process. One connected script
// then floods every room and the database with thousands of messages a second (OWASP API4),
// and with a per-process counter each instance, and each reconnection, starts the count again.
// Count per user in Redis, refuse with an error event and keep the socket, and check room
// membership on every event (chat/room-access.ts). The guards: `npm test -- chat-rate-limit`
// (the message over the limit is refused, the socket stays connected, the limit holds across
// two sockets) and `npm test -- chat` (non-members get 403).
export function messageRateLimit(
  { limit, windowSeconds }: MessageRateLimitOptions = {
    limit: config.chatRateLimitMax,
    windowSeconds: config.chatRateLimitWindowSeconds,
  },
): (user: ChatUser) => Promise<boolean> {
  return async (user) => {
    const redis = redisClient();
    // Redis down: let messages through rather than silence everyone (as the HTTP limiter does).
    if (!redis) return true;
    // A fixed window: one counter per user and window, which expires with its window.
    const window = Math.floor(Date.now() / (windowSeconds * 1000));
    const key = redisKey('chat-rate', user.id, String(window));
    try {
      const [count] = await redis.multi().incr(key).expire(key, windowSeconds).exec();
      return Number(count) <= limit;
    } catch (error) {
      logger.warn(
        { err: error },
        'Chat rate limit: Redis call failed, letting the message through',
      );
      return true;
    }
  };
}
