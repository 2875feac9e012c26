// "Ann follows Bob" is one small document, not an entry in an array inside Ann's user document
// (see the TODO in src/auth/user.model.ts): following a thousand people is a thousand rows, and
// reading Ann's profile reads none of them.
import { model, Schema, type InferSchemaType } from 'mongoose';

const followSchema = new Schema(
  {
    follower: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    following: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// One row per pair, enforced by MongoDB: following twice is a duplicate key, not two rows. The
// index also answers "whom does Ann follow?" (the feed) from its first field.
followSchema.index({ follower: 1, following: 1 }, { unique: true });

export type Follow = InferSchemaType<typeof followSchema>;

export const FollowModel = model('Follow', followSchema);
