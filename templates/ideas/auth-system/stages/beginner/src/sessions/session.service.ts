// Sessions over plain HTTP: log in once, then send `Authorization: Bearer <session token>` with
// every request. The server looks the token up in the database on each request, so logging out
// (deleting the session) takes effect at once. (The intermediate stage trades that lookup for
// signed tokens, JWT, that need no database.)
import type { Request, RequestHandler } from 'express';
import type { Types } from 'mongoose';
import { config } from '../config.js';
import { HttpError } from '../http/errors.js';
import { hashToken, looksLikeToken, newSecretToken } from '../auth/secret-token.js';
import { SessionModel, type SessionDocument } from './session.model.js';

/** 401: "who are you?" The client must log in (again). */
export function unauthorized(message = 'Log in first: send Authorization: Bearer <token>.') {
  return new HttpError(401, 'unauthorized', message);
}

/** Opens a session for a user; the token is returned once and never stored. */
export async function openSession(userId: Types.ObjectId) {
  const now = Date.now();
  // No TTL index (see session.model.ts): sweep this user's expired sessions while we are here.
  await SessionModel.deleteMany({ user: userId, expiresAt: { $lte: new Date(now) } });
  const { token, hash } = newSecretToken();
  const session = await SessionModel.create({
    user: userId,
    tokenHash: hash,
    expiresAt: new Date(now + config.sessionTtlHours * 3_600_000),
  });
  return { token, session };
}

/** The token of `Authorization: Bearer <token>`, or undefined. */
function bearerToken(req: Request): string | undefined {
  const [scheme, token, ...rest] = (req.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || rest.length > 0 || !looksLikeToken(token)) {
    return undefined;
  }
  return token;
}

// The session of each request, kept beside it rather than on `req`.
const sessions = new WeakMap<Request, SessionDocument>();

/** Put in front of any route that needs a logged-in user: 401 without a live session. */
export const requireSession: RequestHandler = async (req, res, next) => {
  // HTTP asks a 401 to say how to authenticate: the WWW-Authenticate header.
  res.set('WWW-Authenticate', 'Bearer');
  const token = bearerToken(req);
  if (!token) throw unauthorized();
  // The database compares hashes, never the token itself: the lookup reveals nothing about how
  // close a guess was, and a stolen copy of the collection holds no usable token.
  const session = await SessionModel.findOne({
    tokenHash: hashToken(token),
    expiresAt: { $gt: new Date() },
  });
  if (!session) throw unauthorized('The session has ended or never existed: log in again.');
  res.removeHeader('WWW-Authenticate');
  sessions.set(req, session);
  next();
};

/** The session `requireSession` let through. Calling it on a route without it is a bug. */
export function currentSession(req: Request): SessionDocument {
  const session = sessions.get(req);
  if (!session) throw new Error('currentSession(): this route is missing requireSession');
  return session;
}
