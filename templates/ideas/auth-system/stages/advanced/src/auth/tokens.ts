// Access tokens: JSON Web Tokens signed with HMAC-SHA256 and the server's secret. A token says
// "user <id> with role <role>, logged in through session <sid>, until <expiry>"; nobody without
// JWT_SECRET can forge or change one. The session id is what makes a JWT revocable here: logging
// out, or a stolen refresh token, puts the session on the deny-list in Redis, and requireAuth
// refuses every access token that carries it (src/auth/revocation.ts).
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config.js';
import { isRole, type Role } from './roles.js';

export interface TokenClaims {
  /** The user's id (the standard `sub`, "subject", claim). */
  sub: string;
  role: Role;
  /** The session (refresh-token family) the token was issued for. */
  sid: string;
  /** This token's own id (`jti`): in the logs, it names one token without showing it. */
  jti: string;
  /** Issued at, in seconds since 1970: logout-all refuses every token issued before it. */
  iat: number;
}

// TODO(mistake:insecure-secrets): the tempting versions are `jwt.sign(claims, 'secret')`,
// `config.jwtSecret ?? 'dev-secret'`, or a real secret in .env.example or a test. Anyone who reads
// the code, the git history or a log then signs tokens for any user, admin included. The secret
// comes only from JWT_SECRET, with no fallback: src/config.ts refuses to start without one of at
// least 32 characters. `npm test -- secrets` checks that rule, that .env is git-ignored and that
// passwords and tokens are redacted from logs; `npm test -- auth` that no response contains a
// password or its hash.
const ALGORITHM = 'HS256';

export function signToken(user: { id: string; role: Role }, sessionId: string): string {
  return jwt.sign({ role: user.role, sid: sessionId }, config.jwtSecret, {
    algorithm: ALGORITHM,
    subject: user.id,
    jwtid: randomUUID(),
    expiresIn: config.jwtTtlSeconds,
  });
}

/**
 * The claims of a valid token; throws for a forged, altered, expired or malformed one.
 * `algorithms` is an allow-list: without it, a token could choose how it is checked (the
 * historical `alg: none` and RS256/HS256 confusion attacks). Whether it was revoked since is
 * for requireAuth to ask Redis.
 */
export function verifyToken(token: string): TokenClaims {
  const payload = jwt.verify(token, config.jwtSecret, { algorithms: [ALGORITHM] });
  if (
    typeof payload === 'string' ||
    typeof payload.sub !== 'string' ||
    !isRole(payload.role) ||
    typeof payload.sid !== 'string' ||
    typeof payload.jti !== 'string' ||
    typeof payload.iat !== 'number'
  ) {
    throw new Error('The token does not carry a user and a session');
  }
  return {
    sub: payload.sub,
    role: payload.role,
    sid: payload.sid,
    jti: payload.jti,
    iat: payload.iat,
  };
}
