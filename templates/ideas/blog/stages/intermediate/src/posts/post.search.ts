// The filters of GET /api/articles, turned into one MongoDB filter on the articles collection.
// `author` and `favorited` name users by username, and favorites live in their own collection,
// so those filters first look up ids: no `$lookup` join (FerretDB has none, and a join per list
// request is the slow path on MongoDB too), just small indexed queries.
import mongoose, { type QueryFilter, type Types } from 'mongoose';
import { UserModel } from '../auth/user.model.js';
import { FavoriteModel } from './favorite.model.js';
import type { Article } from './post.model.js';
import type { ListArticlesQuery } from './post.schemas.js';

/**
 * The filter for these query parameters, or `null` when nothing can match (an unknown author
 * or favoriting user): the route then answers an empty page without asking for it.
 */
export async function articleFilter(
  query: Pick<ListArticlesQuery, 'tag' | 'author' | 'favorited'>,
): Promise<QueryFilter<Article> | null> {
  const filter: QueryFilter<Article> = {};
  // Plain values only: `tag` and the usernames are strings (post.schemas.ts), never operators.
  if (query.tag !== undefined) filter.tagList = query.tag;
  if (query.author !== undefined) {
    const author = await UserModel.findOne({ username: query.author }).select('_id').lean();
    if (!author) return null;
    filter.author = author._id;
  }
  if (query.favorited !== undefined) {
    const fan = await UserModel.findOne({ username: query.favorited }).select('_id').lean();
    if (!fan) return null;
    const ids = await FavoriteModel.find({ user: fan._id }).distinct('article');
    filter._id = inList(ids);
  }
  return filter;
}

/** `{ $in: ids }`, marked as built here: the advanced stage's sanitizeFilter lets it through. */
export function inList(ids: Types.ObjectId[]) {
  return mongoose.trusted({ $in: ids });
}
