// Uploaded avatars. Small images (at most 1 MB, checked by the upload middleware) can live in
// MongoDB itself: one document per avatar, read only when someone loads the image. Bigger files
// belong in an object store (S3 and friends), with only their URL here.
import { model, Schema, type InferSchemaType } from 'mongoose';

const avatarSchema = new Schema(
  {
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type Avatar = InferSchemaType<typeof avatarSchema>;

export const AvatarModel = model('Avatar', avatarSchema);
