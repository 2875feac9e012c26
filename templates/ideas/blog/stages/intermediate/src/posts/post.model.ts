// The articles collection: the fields of post.fields.ts, plus the slug, the author (a reference
// to a user, never a copy of them) and the favorites count, with the indexes the API's queries
// need. Favorites and comments are collections of their own (favorite.model.ts,
// comment.model.ts): they grow without limit, an article does not.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { articleFields } from './post.fields.js';

const articleSchema = new Schema(
  {
    ...articleFields,
    // `unique`: MongoDB refuses a second article with this slug (E11000 → 409).
    slug: { type: String, required: true, unique: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // Kept in step with the favorites collection by one `$inc` per favorite that really was
    // added or removed (post.routes.ts), so lists never count favorites row by row.
    favoritesCount: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: true },
);

// Every list is newest first: the global list, `?author=` (and the feed, whose authors are the
// ones the reader follows) and `?tag=` (an index on an array field indexes each tag).
articleSchema.index({ createdAt: -1, _id: -1 });
articleSchema.index({ author: 1, createdAt: -1 });
articleSchema.index({ tagList: 1, createdAt: -1 });

export type Article = InferSchemaType<typeof articleSchema>;
export type ArticleDocument = HydratedDocument<Article>;

export const ArticleModel = model('Article', articleSchema);
