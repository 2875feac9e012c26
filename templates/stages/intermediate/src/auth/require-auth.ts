// Authentication as middleware: put `requireAuth` in front of any route that needs a logged-in
// user. It reads `Authorization: Bearer <token>` (the word comes from auth-scheme.ts), checks the
// token (token-user.ts) and remembers who sent it; handlers then call `currentUser(req)`. No
// valid token: 401 before the handler ever runs.
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors.js';
import { AUTH_SCHEME } from './auth-scheme.js';
import type { Role } from './roles.js';
import { userOfToken, type AuthUser } from './token-user.js';

export type { AuthUser } from './token-user.js';

/** 401: "who are you?" The client must log in (again). */
export function unauthorized(message = 'Unauthorized'): HttpError {
  return new HttpError(401, 'unauthorized', message);
}

/** 403: "I know who you are, and you may not." */
export function forbidden(message = 'Forbidden'): HttpError {
  return new HttpError(403, 'forbidden', message);
}

// The user of each request, kept beside it rather than on `req` (typed, and invisible to code
// that did not go through requireAuth).
const users = new WeakMap<Request, AuthUser>();

// Async, so checking a token may ask a database (a deny-list); Express 5 answers a rejected
// promise through the error handler, like a throw.
export const requireAuth: RequestHandler = async (req, res, next) => {
  const [scheme, token, ...rest] = (req.get('authorization') ?? '').split(' ');
  // The WWW-Authenticate header is what HTTP asks a 401 to carry: how to authenticate.
  res.set('WWW-Authenticate', AUTH_SCHEME);
  if (scheme?.toLowerCase() !== AUTH_SCHEME.toLowerCase() || !token || rest.length > 0)
    throw unauthorized();
  try {
    users.set(req, await userOfToken(token, res));
  } catch (error) {
    // What the token library throws says too much (which check failed): a plain 401 says enough.
    throw error instanceof HttpError ? error : unauthorized();
  }
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
