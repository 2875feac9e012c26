// Some Conduit routes work with or without a login: anyone may read an article, but a logged-in
// reader also learns whether they favorited it and follow its author. `optionalAuth` lets a
// request without an Authorization header through as anonymous; a header that is there must
// hold a valid token (401 otherwise), exactly as on the protected routes.
import type { Request, RequestHandler } from 'express';
import { currentUser, requireAuth, type AuthUser } from './require-auth.js';

export const optionalAuth: RequestHandler = (req, res, next) => {
  if (req.get('authorization') === undefined) {
    next();
    return;
  }
  return requireAuth(req, res, next);
};

/** The logged-in reader, or undefined for an anonymous one. Only after optionalAuth. */
export function viewerOf(req: Request): AuthUser | undefined {
  return req.get('authorization') === undefined ? undefined : currentUser(req);
}
