// "Who am I?": the account of the session that sent the request.
//
//   GET /me  200  your account    401 without a live session
import { Router } from 'express';
import { toUserJson, UserModel } from '../auth/user.model.js';
import { currentSession, requireSession, unauthorized } from '../sessions/session.service.js';

export const meRouter = Router();

meRouter.get('/', requireSession, async (req, res) => {
  const user = await UserModel.findById(currentSession(req).user);
  // A live session of an account that was deleted since: that user is nobody any more.
  if (!user) throw unauthorized();
  res.status(200).json(toUserJson(user));
});
