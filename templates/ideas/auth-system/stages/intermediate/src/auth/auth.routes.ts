// Sign-up, log-in, and the life of a session.
//
//   POST /auth/register    201 { token, refreshToken, expiresIn, user }  409 email taken, 422
//   POST /auth/login       200 { token, refreshToken, expiresIn, user }  401 wrong credentials
//   POST /auth/refresh     200 { token, refreshToken, expiresIn }        401 invalid refresh token
//   POST /auth/logout      204 ends the session of this refresh token
//   POST /auth/logout-all  204 ends every session of the user (needs the access token)
//
// `token` is a JWT for `Authorization: Bearer <token>`, valid for JWT_TTL_SECONDS (minutes).
// `refreshToken` gets new access tokens from POST /auth/refresh for SESSION_TTL_HOURS.
import { Router } from 'express';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { logger } from '../logger.js';
import { refreshSchema } from '../accounts/account.schemas.js';
import { sendVerificationMail } from '../accounts/account.mails.js';
import { issueEmailToken } from '../accounts/email-token.service.js';
import { config } from '../config.js';
import {
  endAllSessions,
  endSession,
  openSession,
  refreshSession,
} from '../sessions/session.service.js';
import { loginSchema, registerSchema } from './auth.schemas.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { currentUser, requireAuth, unauthorized } from './require-auth.js';
import { toUserJson, UserModel } from './user.model.js';

export const authRouter = Router();

const register = validate({ body: registerSchema });
const login = validate({ body: loginSchema });
const refresh = validate({ body: refreshSchema });

authRouter.post('/register', register, async (req, res) => {
  // exercise:start weak-validation
  const { name, email, password } = register.input(req).body;
  // A second account with this email fails on the unique index: 409, from src/http/errors.ts.
  const user = await UserModel.create({ name, email, passwordHash: await hashPassword(password) });
  // exercise:else
  // const body = register.input(req).body;
  // // The body as it came (a role, a verified date…), with the hash of its password added.
  // const user = await UserModel.create({
  //   ...body,
  //   passwordHash: await hashPassword(body.password),
  // });
  // exercise:end
  const token = await issueEmailToken(user._id, 'verify-email', config.verifyTokenTtlHours * 60);
  // The account exists either way: a mail provider that is down must not fail the sign-up.
  // The user can ask for another email (POST /auth/verify-email/resend).
  await sendVerificationMail(user, token).catch((error: unknown) => {
    logger.error({ err: error, userId: user.id }, 'Could not send the verification email');
  });
  const tokens = await openSession(user, req.get('user-agent'));
  res.status(201).json({ ...tokens, user: toUserJson(user) });
});

authRouter.post('/login', login, async (req, res) => {
  const { email, password } = login.input(req).body;
  const user = await UserModel.findOne({ email }).select('+passwordHash');
  // One answer for "no such email" and "wrong password": telling them apart would let anyone
  // find out who has an account.
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    throw unauthorized('Invalid email or password');
  }
  // exercise:start poor-schema-design
  // exercise:else
  // // Each login also lands in the user's own document (see the TODO in user.model.ts).
  // await UserModel.updateOne({ _id: user._id }, { $push: { logins: new Date() } });
  // exercise:end
  // The only moment the password is known: upgrade an old hash (scrypt from the beginner stage).
  if (needsRehash(user.passwordHash)) {
    user.passwordHash = await hashPassword(password);
    await user.save();
  }
  const tokens = await openSession(user, req.get('user-agent'));
  res.status(200).json({ ...tokens, user: toUserJson(user) });
});

authRouter.post('/refresh', refresh, async (req, res) => {
  const { refreshToken } = refresh.input(req).body;
  res.status(200).json(await refreshSession(refreshToken));
});

authRouter.post('/logout', refresh, async (req, res) => {
  // 204 whether or not the token was live: logging out twice is not an error, and the answer
  // tells nobody whether a token they found is valid.
  await endSession(refresh.input(req).body.refreshToken);
  res.status(204).end();
});

authRouter.post('/logout-all', requireAuth, async (req, res) => {
  await endAllSessions(currentUser(req).id);
  res.status(204).end();
});

const tokens = '{ token, refreshToken, expiresIn, user }';

describeRoutes(authRouter, {
  '/register': {
    post: {
      summary: 'Create an account, send the verification email and log in',
      body: registerSchema,
      responses: { 201: tokens, 409: 'Email already registered', 422: 'Invalid body' },
    },
  },
  '/login': {
    post: {
      summary: 'Exchange email and password for an access and a refresh token',
      body: loginSchema,
      responses: { 200: tokens, 401: 'Invalid email or password', 422: 'Invalid body' },
    },
  },
  '/refresh': {
    post: {
      summary: 'A new access token for a refresh token',
      body: refreshSchema,
      responses: { 200: '{ token, refreshToken, expiresIn }', 401: 'Invalid or expired' },
    },
  },
  '/logout': {
    post: {
      summary: 'End the session of this refresh token',
      body: refreshSchema,
      responses: { 204: 'Logged out' },
    },
  },
  '/logout-all': {
    post: {
      summary: 'End every session of the user',
      auth: true,
      responses: { 204: 'Logged out everywhere', 401: 'No valid token' },
    },
  },
});
