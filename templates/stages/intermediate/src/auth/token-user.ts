// Who sent a request, according to its token: the step of requireAuth (require-auth.ts) between
// reading the Authorization header and letting the request through. Here a token whose signature
// and expiry check out is enough. An API that can take tokens back before they expire replaces
// this one file and asks its deny-list too (auth-system at advanced); requireAuth stays as it is.
import type { Response } from 'express';
import type { Role } from './roles.js';
import { verifyToken } from './tokens.js';

export interface AuthUser {
  id: string;
  role: Role;
}

/**
 * The user a token stands for. Throws for a forged, altered, expired or malformed token, which
 * requireAuth answers with 401. A replacement that asks a database returns a promise (requireAuth
 * awaits either), and an HttpError it throws is answered as it is; `res` lets it add headers to
 * such an answer (a 503's Retry-After).
 */
export function userOfToken(token: string, _res: Response): AuthUser | Promise<AuthUser> {
  const claims = verifyToken(token);
  return { id: claims.sub, role: claims.role };
}
