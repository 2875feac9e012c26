// Logging in and out, as a resource: logging in creates a session, logging out deletes it.
//
//   POST   /sessions          201  { token, expiresAt, user }; Location: /sessions/current
//                                  401 wrong email or password, 422 invalid body
//   GET    /sessions/current  200  { createdAt, expiresAt } of the session you sent    401
//   DELETE /sessions/current  204  log out: that token stops working at once          401
import { Router } from 'express';
import { verifyPassword } from '../auth/passwords.js';
import { toUserJson, UserModel } from '../auth/user.model.js';
import { loginSchema } from '../accounts/account.schemas.js';
import { currentSession, openSession, requireSession, unauthorized } from './session.service.js';

export const sessionRouter = Router();

function toSessionJson(session: { createdAt: Date; expiresAt: Date }) {
  return { createdAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString() };
}

sessionRouter.post('/', async (req, res) => {
  const { email, password } = loginSchema.parse(req.body);
  const user = await UserModel.findOne({ email }).select('+passwordHash');
  // One answer for "no such email" and "wrong password": two different ones would tell anyone
  // which emails have an account. verifyPassword takes as long in both cases.
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    res.set('WWW-Authenticate', 'Bearer');
    throw unauthorized('Invalid email or password.');
  }
  const { token, session } = await openSession(user._id);
  const location = `${req.protocol}://${req.host}${req.baseUrl}/current`;
  // The only time the token is ever sent: the server keeps its hash, not the token.
  res
    .status(201)
    .location(location)
    .json({ token, ...toSessionJson(session), user: toUserJson(user) });
});

sessionRouter.get('/current', requireSession, (req, res) => {
  res.status(200).json(toSessionJson(currentSession(req)));
});

sessionRouter.delete('/current', requireSession, async (req, res) => {
  await currentSession(req).deleteOne();
  res.status(204).end();
});
