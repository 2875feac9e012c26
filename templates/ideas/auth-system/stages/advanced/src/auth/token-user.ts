// Who sent a request, according to its token, in an API that can take tokens back: a valid
// signature and expiry are not enough, the token's session must not be on the deny-list in Redis
// (src/auth/revocation.ts). requireAuth (require-auth.ts) calls this on every authenticated
// request, and handlers get the session id with the user (`currentUser(req).sessionId`).
import type { Response } from 'express';
import { HttpError } from '../http/errors.js';
import { isRevoked } from './revocation.js';
import type { Role } from './roles.js';
import { verifyToken } from './tokens.js';

export interface AuthUser {
  id: string;
  role: Role;
  /** The session the token belongs to. */
  sessionId: string;
}

/**
 * The user a token stands for. A forged, altered or expired token throws (401 from requireAuth),
 * a revoked one is a 401 that says so, and Redis down is a 503 (fail closed, revocation.ts).
 */
export async function userOfToken(token: string, res: Response): Promise<AuthUser> {
  const claims = verifyToken(token);
  if (await isRevoked(claims, res)) {
    throw new HttpError(401, 'unauthorized', 'This token was revoked: log in again.');
  }
  return { id: claims.sub, role: claims.role, sessionId: claims.sid };
}
