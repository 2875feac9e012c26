// "Where am I logged in?": the user's own sessions, and logging one device out from another.
//
//   GET    /sessions      200 your live sessions, most recently used first   401
//   DELETE /sessions/:id  204 that session ends                              401, 404
import { notExpired } from '../auth/expiry.js';
import { Router } from 'express';
import { assertCanAccess } from '../auth/ownership.js';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { idParams, validate } from '../http/validate.js';
import { SessionModel, type SessionDocument } from './session.model.js';
import { endSessionById } from './session.service.js';

export const sessionRouter = Router();

function toSessionJson(session: SessionDocument) {
  return {
    id: session.id,
    userAgent: session.userAgent,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

sessionRouter.get('/', requireAuth, async (req, res) => {
  // The user's own sessions only: the filter, not the client, decides whose rows are read.
  const sessions = await SessionModel.find({
    user: currentUser(req).id,
    expiresAt: notExpired(),
  }).sort({ lastUsedAt: -1, _id: -1 });
  res.status(200).json(sessions.map(toSessionJson));
});

const one = validate({ params: idParams });

sessionRouter.delete('/:id', requireAuth, one, async (req, res) => {
  const session = await SessionModel.findById(one.input(req).params.id);
  if (!session) throw notFound('No session with this id');
  // Someone else's session is a 404, exactly like one that does not exist (OWASP API1).
  assertCanAccess(currentUser(req), session.user, { what: 'session' });
  await endSessionById(session._id);
  res.status(204).end();
});

describeRoutes(sessionRouter, {
  '/': {
    get: {
      summary: 'Your live sessions (devices you are logged in on)',
      auth: true,
      responses: { 200: 'The sessions', 401: 'No valid token' },
    },
  },
  '/:id': {
    delete: {
      summary: 'Log out one of your sessions',
      auth: true,
      responses: { 204: 'Ended', 401: 'No valid token', 404: 'No such session of yours' },
    },
  },
});
