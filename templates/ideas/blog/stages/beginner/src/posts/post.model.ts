// The posts collection in MongoDB: the fields of src/posts/post.fields.ts, with timestamps, and
// the index the list needs. Mongoose checks every document against this schema before saving
// it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { postFields } from './post.fields.js';

const postSchema = new Schema(postFields, {
  // createdAt and updatedAt, maintained by Mongoose.
  timestamps: true,
});

// The list is read newest first: an index in that order lets MongoDB read posts already sorted.
postSchema.index({ createdAt: -1, _id: -1 });

export type Post = InferSchemaType<typeof postSchema>;
export type PostDocument = HydratedDocument<Post>;

export const PostModel = model('Post', postSchema);
