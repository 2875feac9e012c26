// Taking back access tokens before they expire. A JWT is valid until its `exp` by design, which
// is why logging out at the intermediate stage left the last access token working for up to
// JWT_TTL_SECONDS. Here a deny-list in Redis closes that gap:
//
//   revoked:session:<sid>  an ended or stolen session: every access token issued for it
//   revoked:user:<id>      logout-all: every token of the user issued before this moment
//
// Each entry expires with the longest-lived token it can stop (JWT_TTL_SECONDS), so the list
// stays as small as the number of recent logouts. requireAuth asks for both in one round trip.
//
// Redis unreachable: FAIL CLOSED. Without the list the server cannot know whether a token was
// taken back, and answering "yes, valid" to a token stolen and revoked a minute ago is the one
// answer an auth system must not give. Authenticated requests get 503 with Retry-After until
// Redis is back (GET /health/ready says "redis: down" meanwhile); everything public keeps
// working. The cache and the general rate limit fail open instead: they only make things faster
// or fairer, not safer.
import type { Response } from 'express';
import { config } from '../config.js';
import { HttpError } from '../http/errors.js';
import { redisClient, redisKey } from '../redis.js';
import type { TokenClaims } from './tokens.js';

/** 503 while Redis is down; with `res`, also tells the client when to retry. */
export function securityStoreUnavailable(res?: Response): HttpError {
  res?.set('Retry-After', '5');
  return new HttpError(
    503,
    'security_store_unavailable',
    'Sign-in checks are unavailable for a moment. Retry shortly.',
  );
}

function redisOrFail() {
  const redis = redisClient();
  if (!redis) throw securityStoreUnavailable();
  return redis;
}

const sessionKey = (sid: string) => redisKey('revoked', 'session', sid);
const userKey = (userId: string) => redisKey('revoked', 'user', userId);

/** Every access token of this session stops working now. */
export async function revokeSession(sessionId: string): Promise<void> {
  await redisOrFail().set(sessionKey(sessionId), '1', { EX: config.jwtTtlSeconds });
}

/** Every access token of this user issued up to now stops working (logout-all, password reset). */
export async function revokeUserTokens(userId: string): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  await redisOrFail().set(userKey(userId), String(now), { EX: config.jwtTtlSeconds });
}

/**
 * True when the token was taken back. Throws 503 with Retry-After when Redis cannot be asked
 * (fail closed); that is not the client's fault, so the 503 carries no WWW-Authenticate.
 */
export async function isRevoked(claims: TokenClaims, res: Response): Promise<boolean> {
  const redis = redisClient();
  const fail = () => {
    res.removeHeader('WWW-Authenticate');
    return securityStoreUnavailable(res);
  };
  if (!redis) throw fail();
  const [session, revokedBefore] = await redis
    .mGet([sessionKey(claims.sid), userKey(claims.sub)])
    .catch(() => {
      throw fail();
    });
  // `<=`: a token issued in the same second as logout-all is refused too (iat has 1 s precision).
  return session !== null || (revokedBefore != null && claims.iat <= Number(revokedBefore));
}
