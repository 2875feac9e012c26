// Accounts as a REST collection: creating an account is a POST to /users, and the new account
// has a URL of its own.
//
//   POST /users      201  create an account; Location: its URL    409 email taken, 422 invalid
//   GET  /users/:id  200  your own account (with your session)    401, 404 for anyone else's
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { hashPassword } from '../auth/passwords.js';
import { toUserJson, UserModel } from '../auth/user.model.js';
import { currentSession, requireSession } from '../sessions/session.service.js';
import { createUserSchema } from './account.schemas.js';

export const userRouter = Router();

userRouter.post('/', async (req, res) => {
  const { name, email, password } = createUserSchema.parse(req.body);
  // A second account with this email fails on the unique index: 409, from src/http/errors.ts.
  const user = await UserModel.create({ name, email, passwordHash: await hashPassword(password) });
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json({ message: 'ok' })`
  // here, and `res.json({ error: 'wrong password' })` with 200 at login. A sign-up form then
  // cannot tell "created" from "refused" without parsing each body, tools retry what looks like
  // success, and a wrong password looks like a login. Say what happened with the status: 201 +
  // Location (the new account's URL) for a creation, 401 + WWW-Authenticate for "who are you?",
  // 409 for an email already taken, 422 for a body that breaks the rules, 204 (no body) for a
  // logout. `npm test -- users sessions` asserts each status and header exactly; try them by
  // hand in requests.http.
  res.status(201).location(resourceUrl(req, user.id)).json(toUserJson(user));
});

userRouter.get('/:id', requireSession, async (req: Request<{ id: string }>, res) => {
  const { id } = req.params;
  const mine = currentSession(req).user.toString() === id;
  // Someone else's account gets the same 404 as an account that does not exist: a different
  // answer would let anyone with a session find out which ids are real.
  const user = mine && isObjectId(id) ? await UserModel.findById(id) : null;
  if (!user) throw notFound(`No account with id ${id}`);
  res.status(200).json(toUserJson(user));
});
