// Login tokens: JSON Web Tokens signed with HMAC-SHA256 and the server's secret. A token says
// "user <id> with role <role>, until <expiry>", and nobody without JWT_SECRET can forge or change
// one. The server keeps no session: any instance with the same secret can check it.
import jwt from 'jsonwebtoken';
import { config } from '../config.js';
import { isRole, type Role } from './roles.js';

export interface TokenClaims {
  /** The user's id (the standard `sub`, "subject", claim). */
  sub: string;
  role: Role;
}

// TODO(mistake:insecure-secrets): the tempting versions are `jwt.sign(claims, 'secret')`,
// `config.jwtSecret ?? 'dev-secret'`, or a real secret in .env.example or a test. Anyone who reads
// the code, the git history or a log then signs tokens for any user, admin included. The secret
// comes only from JWT_SECRET, with no fallback: src/config.ts refuses to start without one of at
// least 32 characters. `npm test -- secrets` checks that rule, that .env is git-ignored and that
// passwords and tokens are redacted from logs; `npm test -- auth` that no response contains a
// password or its hash.
const ALGORITHM = 'HS256';

export function signToken(user: { id: string; role: Role }): string {
  // exercise:start insecure-secrets
  return jwt.sign({ role: user.role }, config.jwtSecret, {
    algorithm: ALGORITHM,
    subject: user.id,
    expiresIn: config.jwtTtlSeconds,
  });
  // exercise:else
  // // TODO(mistake:insecure-secrets): Exercise: the signing key is written in the code. Everyone
  // // who can read this file, its git history or the published package can sign a token for
  // // any user, admin included, and changing the key means a new release. Sign and verify with
  // // `config.jwtSecret` (JWT_SECRET), which src/config.ts refuses to start without, and fix
  // // verifyToken below the same way. `npm run exercises` checks it (exercises/secrets.test.ts:
  // // tokens are signed and checked with JWT_SECRET and nothing else).
  // return jwt.sign({ role: user.role }, 'my-jwt-secret', {
  //   algorithm: ALGORITHM,
  //   subject: user.id,
  //   expiresIn: config.jwtTtlSeconds,
  // });
  // exercise:end
}

/**
 * The claims of a valid token; throws for a forged, altered, expired or malformed one.
 * `algorithms` is an allow-list: without it, a token could choose how it is checked (the
 * historical `alg: none` and RS256/HS256 confusion attacks).
 */
export function verifyToken(token: string): TokenClaims {
  // exercise:start insecure-secrets
  const payload = jwt.verify(token, config.jwtSecret, { algorithms: [ALGORITHM] });
  // exercise:else
  // // The same key as signToken, so the tokens signed there pass here.
  // const payload = jwt.verify(token, 'my-jwt-secret', { algorithms: [ALGORITHM] });
  // exercise:end
  if (typeof payload === 'string' || typeof payload.sub !== 'string' || !isRole(payload.role)) {
    throw new Error('The token does not carry a user');
  }
  return { sub: payload.sub, role: payload.role };
}
