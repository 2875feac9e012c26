// Sign-up, log-in and the logged-in user, as the RealWorld "Conduit" contract has them. Mounted
// at /api. Every answer about the user is `{ "user": { email, token, username, bio, image } }`.
//
//   POST /api/users         201 register         409 username or email taken, 422 invalid body
//   POST /api/users/login   200 log in           401 wrong email or password, 422 invalid body
//   GET  /api/user          200 who am I?        401 without a valid token
//   PUT  /api/user          200 update           401, 409 taken, 422 invalid body
//   PUT  /api/user/image    200 upload an avatar 401, 413 over 1 MB, 415 not an image
//
// Later requests carry the token as `Authorization: Token <jwt>` (src/auth/auth-scheme.ts).
import { Router, type Request } from 'express';
import mongoose from 'mongoose';
import { taken } from '../http/conduit-errors.js';
import { HttpError } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { AvatarModel } from '../profiles/avatar.model.js';
import { IMAGE_TYPES, uploadOne } from '../uploads/upload.js';
import { loginSchema, registerSchema, updateUserSchema } from './auth.schemas.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { currentUser, requireAuth, unauthorized } from './require-auth.js';
import { signToken } from './tokens.js';
import { toUserJson, UserModel, type UserDocument } from './user.model.js';

export const authRouter = Router();

const register = validate({ body: registerSchema });
const login = validate({ body: loginSchema });
const update = validate({ body: updateUserSchema });
const avatar = uploadOne({ field: 'image', maxBytes: 1_000_000, types: IMAGE_TYPES });

function userAnswer(user: UserDocument) {
  return { user: toUserJson(user, signToken({ id: user.id, role: user.role })) };
}

/**
 * 409 naming the field when another user has this username or email. The unique indexes are
 * what guarantees it (two sign-ups at the same moment both pass this check; the second insert
 * then fails on the index, still a 409); this check only finds out which field to name, which
 * the database's duplicate-key error does not reliably say.
 */
async function assertAvailable(fields: { username?: string; email?: string }, self?: UserDocument) {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const other = await UserModel.exists({
      [field]: value,
      ...(self && { _id: mongoose.trusted({ $ne: self._id }) }),
    });
    if (other) throw taken(field);
  }
}

/** The user behind the token. A valid token for a deleted user: they are nobody any more. */
async function loggedInUser(req: Request): Promise<UserDocument> {
  const user = await UserModel.findById(currentUser(req).id);
  if (!user) throw unauthorized();
  return user;
}

authRouter.post('/users', register, async (req, res) => {
  // exercise:start weak-validation
  const { username, email, password } = register.input(req).body.user;
  await assertAvailable({ username, email });
  const user = await UserModel.create({
    username,
    email,
    passwordHash: await hashPassword(password),
  });
  // exercise:else
  // const fields = register.input(req).body.user;
  // await assertAvailable({ username: fields.username, email: fields.email });
  // // All the client sent (the schema lets unknown fields in), with the hash added.
  // const user = await UserModel.create({
  //   ...fields,
  //   passwordHash: await hashPassword(fields.password),
  // });
  // exercise:end
  res.status(201).json(userAnswer(user));
});

authRouter.post('/users/login', login, async (req, res) => {
  const { email, password } = login.input(req).body.user;
  const user = await UserModel.findOne({ email }).select('+passwordHash');
  // One answer for "no such email" and "wrong password": telling them apart would let anyone
  // find out who has an account.
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    throw new HttpError(401, 'unauthorized', 'Invalid email or password.', [
      { path: 'email or password', message: 'is invalid' },
    ]);
  }
  // exercise:start poor-schema-design
  // exercise:else
  // // Each login also lands in the user's own document (see the TODO in user.model.ts).
  // await UserModel.updateOne({ _id: user._id }, { $push: { logins: new Date() } });
  // exercise:end
  res.status(200).json(userAnswer(user));
});

authRouter.get('/user', requireAuth, async (req, res) => {
  res.status(200).json(userAnswer(await loggedInUser(req)));
});

authRouter.put('/user', requireAuth, update, async (req, res) => {
  const user = await loggedInUser(req);
  const { password, image, ...fields } = update.input(req).body.user;
  await assertAvailable({ username: fields.username, email: fields.email }, user);
  user.set(fields);
  if (image !== undefined) user.image = image === '' ? null : image;
  if (password) user.passwordHash = await hashPassword(password);
  await user.save();
  res.status(200).json(userAnswer(user));
});

// The avatar is stored in MongoDB (src/profiles/avatar.model.ts) and served by
// GET /api/avatars/:id; the user's `image` becomes that URL, so every frontend shows it.
authRouter.put('/user/image', requireAuth, avatar, async (req, res) => {
  const user = await loggedInUser(req);
  const file = req.file;
  if (!file) throw new Error('uploadOne() let a request without a file through');
  const stored = await AvatarModel.create({
    owner: user._id,
    contentType: file.mimetype,
    size: file.size,
    data: file.buffer,
  });
  user.image = `${req.protocol}://${req.host}/api/avatars/${stored.id}`;
  await user.save();
  // A new upload gets a new URL (browsers may cache the old one forever); the old bytes go.
  await AvatarModel.deleteMany({ owner: user._id, _id: mongoose.trusted({ $ne: stored._id }) });
  res.status(200).json(userAnswer(user));
});

describeRoutes(authRouter, {
  '/users': {
    post: {
      summary: 'Register: create an account and get a token',
      body: registerSchema,
      responses: {
        201: '{ user }',
        409: 'Username or email already taken',
        422: 'Invalid body',
      },
    },
  },
  '/users/login': {
    post: {
      summary: 'Log in: exchange email and password for a token',
      body: loginSchema,
      responses: { 200: '{ user }', 401: 'Invalid email or password', 422: 'Invalid body' },
    },
  },
  '/user': {
    get: {
      summary: 'The logged-in user',
      auth: true,
      responses: { 200: '{ user }', 401: 'No valid token' },
    },
    put: {
      summary: 'Update the logged-in user (any of email, username, password, bio, image)',
      auth: true,
      body: updateUserSchema,
      responses: {
        200: '{ user }',
        401: 'No valid token',
        409: 'Username or email already taken',
        422: 'Invalid body',
      },
    },
  },
  '/user/image': {
    put: {
      summary: 'Upload an avatar (PNG, JPEG or WebP, at most 1 MB); `image` becomes its URL',
      auth: true,
      file: 'image',
      responses: {
        200: '{ user }',
        401: 'No valid token',
        413: 'The file is larger than 1 MB',
        415: 'Not a PNG, JPEG or WebP image',
        422: 'No file in the `image` field',
      },
    },
  },
});
