// Rate limits (OWASP API4: unrestricted resource consumption): each client IP may send at most
// RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_SECONDS; the next one gets 429 Too Many
// Requests with a `Retry-After` header, and every answer carries the `RateLimit` and
// `RateLimit-Policy` headers so well-behaved clients can slow down before that.
//
// The counters live in Redis, not in the process: with two instances behind a load balancer an
// in-memory limit would be twice as high, and it would reset on every deploy. The client's IP
// is `req.ip`, which is only right behind a proxy when TRUST_PROXY says how many there are.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { config } from '../config.js';
import { HttpError } from '../http/errors.js';
import { logger } from '../logger.js';
import { redisClient, redisKey } from '../redis.js';

export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  limit: number;
  windowSeconds: number;
  /** Separates the counters of different limiters, e.g. `login`. */
  name: string;
}

export function rateLimiter(
  options: RateLimitOptions = {
    limit: config.rateLimitMax,
    windowSeconds: config.rateLimitWindowSeconds,
    name: 'api',
  },
): RequestHandler {
  // TODO(mistake:ignoring-security): the tempting version is no limit at all ("we are small"),
  // or `rateLimit()` with its default in-memory store. Without a limit one script can guess
  // passwords, scrape every record or run up your database bill (OWASP API4); with a memory
  // store each instance counts on its own and a restart resets everyone. Keep the counters in
  // Redis, give sensitive routes (login, password reset) a stricter limiter of their own, and
  // set TRUST_PROXY behind a load balancer or every client shares one IP. The guards:
  // `npm test -- security` (a burst gets 429, security headers, no stack traces) and the
  // ownership tests of each resource (another user's id → 403/404).
  return rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    // The IETF `RateLimit` and `RateLimit-Policy` headers; not the older X-RateLimit-* ones.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Health checks come from the load balancer, many times a minute: never limit them.
    skip: (req) => req.originalUrl.startsWith('/health'),
    // Redis down: let requests through rather than refuse everyone (logged by the store).
    passOnStoreError: true,
    store: new RedisStore({
      prefix: redisKey('rate-limit', options.name, ''),
      sendCommand: async (...command: string[]) => {
        const redis = redisClient();
        if (!redis) throw new Error('Redis is not connected');
        return redis.sendCommand<RedisReply>(command);
      },
    }),
    // Answer in the API's own error format, through the error handler.
    handler: (_req, _res, next) => {
      next(
        new HttpError(429, 'too_many_requests', 'Too many requests: slow down and retry later.'),
      );
    },
    // Store problems (Redis down) go to the app's logger instead of the console.
    logger: {
      error: (error, message) => logger.warn({ err: error }, message ?? 'Rate limit store error'),
      warn: (error, message) => logger.warn({ err: error }, message ?? 'Rate limit warning'),
    },
  });
}
