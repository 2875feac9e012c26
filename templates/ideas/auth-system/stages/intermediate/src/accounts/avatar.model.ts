// A user's picture. Its own collection, one document per user: the bytes never travel with the
// user document, which every authenticated request may load.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const avatarSchema = new Schema(
  {
    // One avatar per user: uploading again replaces it (an upsert on this unique key).
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    // At most AVATAR_MAX_BYTES (see src/accounts/me.routes.ts). Only loaded when asked for.
    data: { type: Buffer, required: true, select: false },
  },
  { timestamps: true },
);

export type Avatar = InferSchemaType<typeof avatarSchema>;
export type AvatarDocument = HydratedDocument<Avatar>;

export const AvatarModel = model('Avatar', avatarSchema);
