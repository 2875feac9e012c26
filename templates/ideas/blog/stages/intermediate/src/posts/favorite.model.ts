// "Ann favorited this article" is one small document, not an id in an array on the article or
// the user (see the TODO in src/auth/user.model.ts): an article with 100 000 favorites reads as
// fast as one with none.
import { model, Schema, type InferSchemaType } from 'mongoose';

const favoriteSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    article: { type: Schema.Types.ObjectId, ref: 'Article', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// One favorite per user and article, enforced by MongoDB. It also answers "which of these
// articles did Ann favorite?" and `?favorited=ann` from its first field.
favoriteSchema.index({ user: 1, article: 1 }, { unique: true });
// Deleting an article deletes its favorites.
favoriteSchema.index({ article: 1 });

export type Favorite = InferSchemaType<typeof favoriteSchema>;

export const FavoriteModel = model('Favorite', favoriteSchema);
