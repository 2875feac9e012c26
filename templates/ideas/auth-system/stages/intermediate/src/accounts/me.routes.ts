// Your own account: who you are, and your picture (the upload of this API).
//
//   GET    /me         200 your account                                  401
//   PUT    /me/avatar  204 upload or replace (multipart, field "avatar")  401, 403 unverified,
//                                                                        413 too big, 415 type
//   GET    /me/avatar  200 the image                                     401, 404 none yet
//   DELETE /me/avatar  204 removed                                       401, 404 none yet
import { Router, type RequestHandler } from 'express';
import { currentUser, requireAuth, unauthorized } from '../auth/require-auth.js';
import { toUserJson, UserModel } from '../auth/user.model.js';
import { HttpError, notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { IMAGE_TYPES, uploadOne } from '../uploads/upload.js';
import { AvatarModel } from './avatar.model.js';

export const meRouter = Router();

export const AVATAR_MAX_BYTES = 200_000;

meRouter.get('/', requireAuth, async (req, res) => {
  const user = await UserModel.findById(currentUser(req).id);
  if (!user) throw unauthorized();
  const hasAvatar = (await AvatarModel.exists({ user: user._id })) !== null;
  res.status(200).json({ ...toUserJson(user), hasAvatar });
});

/** Unverified accounts may not upload: an address nobody proved is not somebody yet. */
const requireVerifiedEmail: RequestHandler = async (req, _res, next) => {
  const user = await UserModel.findById(currentUser(req).id);
  if (!user) throw unauthorized();
  if (user.emailVerifiedAt === null) {
    throw new HttpError(403, 'email_not_verified', 'Verify your email address first.');
  }
  next();
};

// The token and the verified address are checked before the upload is read.
const avatar = uploadOne({ field: 'avatar', maxBytes: AVATAR_MAX_BYTES, types: IMAGE_TYPES });

meRouter.put('/avatar', requireAuth, requireVerifiedEmail, avatar, async (req, res) => {
  // uploadOne() answered 422 already when there is no file.
  const file = req.file as Express.Multer.File;
  await AvatarModel.updateOne(
    { user: currentUser(req).id },
    { $set: { contentType: file.mimetype, size: file.size, data: file.buffer } },
    { upsert: true },
  );
  res.status(204).end();
});

meRouter.get('/avatar', requireAuth, async (req, res) => {
  const saved = await AvatarModel.findOne({ user: currentUser(req).id }).select('+data');
  if (!saved) throw notFound('No avatar yet');
  // nosniff: the browser must treat the bytes as the image type stored, never as a page.
  res.status(200).type(saved.contentType).set('X-Content-Type-Options', 'nosniff').send(saved.data);
});

meRouter.delete('/avatar', requireAuth, async (req, res) => {
  const { deletedCount } = await AvatarModel.deleteOne({ user: currentUser(req).id });
  if (deletedCount === 0) throw notFound('No avatar yet');
  res.status(204).end();
});

describeRoutes(meRouter, {
  '/': {
    get: {
      summary: 'Your account',
      auth: true,
      responses: { 200: 'The user, with emailVerified and hasAvatar', 401: 'No valid token' },
    },
  },
  '/avatar': {
    put: {
      summary: 'Upload or replace your avatar (PNG, JPEG or WebP, at most 200 kB)',
      auth: true,
      file: 'avatar',
      responses: {
        204: 'Saved',
        401: 'No valid token',
        403: 'Email not verified',
        413: 'The file is too large',
        415: 'Not an accepted image type',
        422: 'No file in the field "avatar"',
      },
    },
    get: {
      summary: 'Your avatar image',
      auth: true,
      responses: { 200: 'The image', 401: 'No valid token', 404: 'No avatar yet' },
    },
    delete: {
      summary: 'Remove your avatar',
      auth: true,
      responses: { 204: 'Removed', 401: 'No valid token', 404: 'No avatar yet' },
    },
  },
});
