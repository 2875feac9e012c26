// Authentication as middleware: put `requireAuth` in front of any route that needs a logged-in
// user. It reads `Authorization: Bearer <token>`, checks the signature and expiry, then asks the
// deny-list in Redis whether the token was revoked (src/auth/revocation.ts), and remembers who
// sent it; handlers then call `currentUser(req)`. No valid token: 401 before the handler runs.
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors.js';
import { isRevoked } from './revocation.js';
import { verifyToken, type TokenClaims } from './tokens.js';
import type { Role } from './roles.js';

export interface AuthUser {
  id: string;
  role: Role;
  /** The session the token belongs to. */
  sessionId: string;
}

/** 401: "who are you?" The client must log in (again). */
export function unauthorized(message = 'Unauthorized'): HttpError {
  return new HttpError(401, 'unauthorized', message);
}

/** 403: "I know who you are, and you may not." */
export function forbidden(message = 'Forbidden'): HttpError {
  return new HttpError(403, 'forbidden', message);
}

const users = new WeakMap<Request, AuthUser>();

function claimsOf(req: Request): TokenClaims {
  const [scheme, token, ...rest] = (req.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) throw unauthorized();
  try {
    return verifyToken(token);
  } catch {
    throw unauthorized();
  }
}

export const requireAuth: RequestHandler = async (req, res, next) => {
  // The WWW-Authenticate header is what HTTP asks a 401 to carry: how to authenticate.
  res.set('WWW-Authenticate', 'Bearer');
  const claims = claimsOf(req);
  if (await isRevoked(claims, res)) throw unauthorized('This token was revoked: log in again.');
  users.set(req, { id: claims.sub, role: claims.role, sessionId: claims.sid });
  res.removeHeader('WWW-Authenticate');
  next();
};

/** The user `requireAuth` let through. Calling it on a route without requireAuth is a bug. */
export function currentUser(req: Request): AuthUser {
  const user = users.get(req);
  if (!user) throw new Error('currentUser(): this route is missing the requireAuth middleware');
  return user;
}

/** Only users with this role get past; others get 403 (and 401 without a token). */
export function requireRole(role: Role): RequestHandler[] {
  return [
    requireAuth,
    (req, _res, next) => {
      if (currentUser(req).role !== role) throw forbidden();
      next();
    },
  ];
}
