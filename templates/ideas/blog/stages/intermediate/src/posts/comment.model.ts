// Comments: a collection of their own with a reference to their article, never an array inside
// the article (a popular article would carry thousands of them into every read of it).
import { model, Schema, type InferSchemaType } from 'mongoose';

export const COMMENT_MAX_LENGTH = 10_000;

const commentSchema = new Schema(
  {
    // The contract's integer `id`, from counter.model.ts; `_id` stays MongoDB's own.
    number: { type: Number, required: true, unique: true },
    article: { type: Schema.Types.ObjectId, ref: 'Article', required: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    body: { type: String, required: true, minlength: 1, maxlength: COMMENT_MAX_LENGTH },
  },
  { timestamps: true },
);

// An article's comments, newest first.
commentSchema.index({ article: 1, createdAt: -1 });

export type Comment = InferSchemaType<typeof commentSchema>;

export const CommentModel = model('Comment', commentSchema);
