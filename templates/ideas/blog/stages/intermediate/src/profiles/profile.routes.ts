// Profiles and follows. Mounted at /api/profiles.
//
//   GET    /api/profiles/:username          200 { profile }   404 no such user
//   POST   /api/profiles/:username/follow   200 { profile }   401, 404, 422 yourself
//   DELETE /api/profiles/:username/follow   200 { profile }   401, 404
//
// Following is idempotent: following twice leaves one follow (the unique index of
// follow.model.ts), unfollowing someone you do not follow is fine too.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { optionalAuth, viewerOf } from '../auth/optional-auth.js';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { UserModel } from '../auth/user.model.js';
import { missing } from '../http/conduit-errors.js';
import { HttpError, isDuplicateKeyError } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { FollowModel } from './follow.model.js';
import { followedAmong, PUBLIC_USER_FIELDS, toProfileJson } from './profile.json.js';

export const profileRouter = Router();

const byUsername = validate({ params: z.strictObject({ username: z.string().max(100) }) });

async function findProfile(req: Request) {
  const { username } = byUsername.input(req).params;
  const user = await UserModel.findOne({ username }).select(PUBLIC_USER_FIELDS).lean();
  if (!user) throw missing('profile');
  return user;
}

profileRouter.get('/:username', optionalAuth, byUsername, async (req, res) => {
  const user = await findProfile(req);
  const followed = await followedAmong(viewerOf(req), [user._id]);
  res.status(200).json({ profile: toProfileJson(user, followed.has(user._id.toString())) });
});

profileRouter.post('/:username/follow', requireAuth, byUsername, async (req, res) => {
  const user = await findProfile(req);
  const follower = currentUser(req).id;
  if (user._id.toString() === follower) {
    throw new HttpError(422, 'validation_failed', 'You cannot follow yourself.', [
      { path: 'username', message: 'is you: you cannot follow yourself' },
    ]);
  }
  // Insert, and let the unique index say "already following": no findOne-then-create race.
  await FollowModel.create({ follower, following: user._id }).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
  res.status(200).json({ profile: toProfileJson(user, true) });
});

profileRouter.delete('/:username/follow', requireAuth, byUsername, async (req, res) => {
  const user = await findProfile(req);
  await FollowModel.deleteOne({ follower: currentUser(req).id, following: user._id });
  res.status(200).json({ profile: toProfileJson(user, false) });
});

const notFound = { 404: 'No user with this username' };

describeRoutes(profileRouter, {
  '/:username': {
    get: {
      summary: 'A profile; `following` is true when the logged-in reader follows them',
      responses: { 200: '{ profile }', 401: 'A token was sent and it is not valid', ...notFound },
    },
  },
  '/:username/follow': {
    post: {
      summary: 'Follow a user',
      auth: true,
      responses: {
        200: '{ profile }',
        401: 'No valid token',
        ...notFound,
        422: 'You cannot follow yourself',
      },
    },
    delete: {
      summary: 'Unfollow a user',
      auth: true,
      responses: { 200: '{ profile }', 401: 'No valid token', ...notFound },
    },
  },
});
