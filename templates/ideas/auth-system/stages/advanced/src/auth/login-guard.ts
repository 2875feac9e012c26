// Brute-force protection for POST /auth/login, per account and per client IP, with counters in
// Redis (shared by every instance, surviving restarts):
//
//   login-failures:account:<sha256(email)>  at most LOGIN_MAX_FAILURES failed logins per account
//   login-failures:ip:<ip>                  at most LOGIN_MAX_FAILURES_PER_IP per client IP
//
// Past either limit the answer is 429 with Retry-After, before the password is even checked,
// until the counter's window (LOGIN_LOCKOUT_SECONDS) runs out. A successful login clears the
// account's counter, not the IP's: otherwise an attacker with one account of their own could
// log into it between guesses and never be slowed down.
//
// The account limit stops one account being guessed from many IPs (a botnet); the IP limit
// stops one client guessing across many accounts ("password spraying"). Neither tells an
// attacker whether an email has an account: unknown emails count exactly like known ones.
//
// Redis unreachable: FAIL CLOSED, like the deny-list (src/auth/revocation.ts): logins get 503
// with Retry-After. An unguarded login endpoint is exactly what attackers wait for; other
// routes, and users already logged in, are not affected.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { config } from '../config.js';
import { HttpError } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { redisClient, redisKey } from '../redis.js';
import { authRouter } from './auth.routes.js';
import { loginSchema } from './auth.schemas.js';
import { securityStoreUnavailable } from './revocation.js';

function accountKey(email: string): string {
  // Hashed: the keys name no email address, for anyone who lists them.
  const digest = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return redisKey('login-failures', 'account', digest);
}

function ipKey(ip: string): string {
  return redisKey('login-failures', 'ip', ip);
}

export function loginGuard(): RequestHandler {
  return async (req, res, next) => {
    const body: unknown = req.body;
    const email =
      typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
        ? body.email
        : '';
    const [account, ip] = [accountKey(email), ipKey(req.ip ?? 'unknown')];
    const redis = redisClient();
    if (!redis) throw securityStoreUnavailable(res);

    // TODO(mistake:ignoring-security): the tempting version is only the general rate limit
    // (100 requests a minute per IP is 144,000 password guesses a day), or a `failedLogins`
    // counter on the user document (unknown emails are then never limited, which tells an
    // attacker which ones exist, and one IP can still spray every account). Count attempts per
    // account and per IP in Redis, refuse past the limit before the password is checked, answer
    // 429 + Retry-After, and clear only the account's counter on success.
    // `npm test -- brute-force` fails without it.
    //
    // Every attempt counts as a failure until it has proven otherwise: the counters are raised
    // BEFORE the password is checked, in one round trip, so a burst of parallel guesses cannot
    // all slip in before the first failure is written. EXPIRE NX starts the window at the first
    // attempt and is not pushed back by later ones.
    const replies = await redis
      .multi()
      .incr(account)
      .expire(account, config.loginLockoutSeconds, 'NX')
      .incr(ip)
      .expire(ip, config.loginLockoutSeconds, 'NX')
      .exec()
      .catch(() => {
        throw securityStoreUnavailable(res);
      });
    const [accountAttempts, , ipAttempts] = replies.map(Number);
    const blocked =
      (accountAttempts ?? 0) > config.loginMaxFailures
        ? account
        : (ipAttempts ?? 0) > config.loginMaxFailuresPerIp
          ? ip
          : undefined;
    if (blocked) {
      const ttl = await redis.ttl(blocked);
      res.set('Retry-After', String(ttl > 0 ? ttl : config.loginLockoutSeconds));
      throw new HttpError(429, 'too_many_failed_logins', 'Too many failed logins: retry later.');
    }

    // Once the login has answered: a 401 stays counted. A 200 clears the account's counter and
    // takes its attempt back from the IP's; anything else (a 422 body) was no guess at all.
    res.on('finish', () => {
      if (res.statusCode === 401) return;
      const undo =
        res.statusCode === 200
          ? redis.multi().del(account).decr(ip).exec()
          : redis.multi().decr(account).decr(ip).exec();
      undo.catch((error: unknown) => {
        req.log.warn({ err: error }, 'Could not update the login attempt counters');
      });
    });
    next();
  };
}

// The login route answers two more statuses from here on: say so in the OpenAPI document.
describeRoutes(authRouter, {
  '/login': {
    post: {
      summary: 'Exchange email and password for an access and a refresh token',
      body: loginSchema,
      responses: {
        200: '{ token, refreshToken, expiresIn, user }',
        401: 'Invalid email or password',
        422: 'Invalid body',
        429: 'Too many failed logins for this account or from this IP (Retry-After)',
        503: 'The brute-force counters are unreachable (Retry-After)',
      },
    },
  },
});
