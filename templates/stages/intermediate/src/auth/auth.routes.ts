// Sign-up, log-in and "who am I?". Mounted at /auth unless the API's contract says otherwise.
//
//   POST /auth/register  201 { token }   422 invalid body, 409 email taken
//   POST /auth/login     200 { token }   401 wrong email or password
//   GET  /auth/me        200 the user    401 without a valid token
//
// The token goes in the Authorization header of later requests: `Authorization: Bearer <token>`.
import { Router } from 'express';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { loginSchema, registerSchema } from './auth.schemas.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { currentUser, requireAuth, unauthorized } from './require-auth.js';
import { signToken } from './tokens.js';
import { toUserJson, UserModel } from './user.model.js';

export const authRouter = Router();

const register = validate({ body: registerSchema });
const login = validate({ body: loginSchema });

authRouter.post('/register', register, async (req, res) => {
  // exercise:start weak-validation
  const { name, email, password } = register.input(req).body;
  // A second account with this email fails on the unique index: 409, from src/http/errors.ts.
  const user = await UserModel.create({ name, email, passwordHash: await hashPassword(password) });
  // exercise:else
  // const body = register.input(req).body;
  // // Whatever the client sent (registerSchema lets it all through), plus the password's hash.
  // const user = await UserModel.create({
  //   ...body,
  //   passwordHash: await hashPassword(body.password),
  // });
  // exercise:end
  res.status(201).json({ token: signToken({ id: user.id, role: user.role }) });
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
  // // A login history, kept in the user's own document (see the TODO in user.model.ts).
  // await UserModel.updateOne({ _id: user._id }, { $push: { logins: new Date() } });
  // exercise:end
  res.status(200).json({ token: signToken({ id: user.id, role: user.role }) });
});

authRouter.get('/me', requireAuth, async (req, res) => {
  const user = await UserModel.findById(currentUser(req).id);
  // A valid token for a deleted user: they are nobody any more.
  if (!user) throw unauthorized();
  res.status(200).json(toUserJson(user));
});

describeRoutes(authRouter, {
  '/register': {
    post: {
      summary: 'Create an account and get a token',
      body: registerSchema,
      responses: { 201: '{ token }', 409: 'Email already registered', 422: 'Invalid body' },
    },
  },
  '/login': {
    post: {
      summary: 'Exchange email and password for a token',
      body: loginSchema,
      responses: { 200: '{ token }', 401: 'Invalid email or password', 422: 'Invalid body' },
    },
  },
  '/me': {
    get: {
      summary: 'The user the token belongs to',
      auth: true,
      responses: { 200: 'The user', 401: 'No valid token' },
    },
  },
});
