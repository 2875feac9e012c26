// The contract's `profile`: a user as other readers see them, plus `following`, which depends on
// who is asking. That part is computed per request and never stored with the user.
import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../auth/require-auth.js';
import { FollowModel } from './follow.model.js';

/** The public fields of a user, as populate() or a lean query returns them. */
export interface PublicUser {
  _id: Types.ObjectId;
  username: string;
  bio?: string | null;
  image?: string | null;
}

export const PUBLIC_USER_FIELDS = 'username bio image';

export function toProfileJson(user: PublicUser, following: boolean) {
  return { username: user.username, bio: user.bio ?? null, image: user.image ?? null, following };
}

/** Which of these users the viewer follows: one query for a whole page, not one per author. */
export async function followedAmong(
  viewer: AuthUser | undefined,
  userIds: Types.ObjectId[],
): Promise<Set<string>> {
  if (!viewer || userIds.length === 0) return new Set();
  const followed = await FollowModel.find({
    follower: viewer.id,
    following: mongoose.trusted({ $in: userIds }),
  }).distinct('following');
  return new Set(followed.map(String));
}
