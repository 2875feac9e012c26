// The contract's `article`: the stored fields, the author's profile, and the two fields that
// depend on who is reading (`favorited`, `author.following`). Those are computed per request,
// for a whole page at once (two queries, whatever the page size), never stored on the article.
import type { Types } from 'mongoose';
import type { AuthUser } from '../auth/require-auth.js';
import { followedAmong, toProfileJson, type PublicUser } from '../profiles/profile.json.js';
import { FavoriteModel } from './favorite.model.js';
import { inList } from './post.search.js';

/** An article read with `.populate('author', PUBLIC_USER_FIELDS).lean()`. */
export interface ArticleRow {
  _id: Types.ObjectId;
  slug: string;
  title: string;
  description: string;
  body?: string;
  tagList: string[];
  favoritesCount: number;
  createdAt: Date;
  updatedAt: Date;
  author: PublicUser;
}

async function favoritedAmong(viewer: AuthUser | undefined, articleIds: Types.ObjectId[]) {
  if (!viewer || articleIds.length === 0) return new Set<string>();
  const favorited = await FavoriteModel.find({
    user: viewer.id,
    article: inList(articleIds),
  }).distinct('article');
  return new Set(favorited.map(String));
}

/**
 * The JSON of these articles for this reader. Lists leave `body` out (the contract's list
 * endpoints omit it: a page of 20 full articles would be megabytes), single articles keep it.
 */
export async function toArticlesJson(
  rows: ArticleRow[],
  viewer: AuthUser | undefined,
  { withBody }: { withBody: boolean },
) {
  const [favorited, followed] = await Promise.all([
    favoritedAmong(
      viewer,
      rows.map((row) => row._id),
    ),
    followedAmong(
      viewer,
      rows.map((row) => row.author._id),
    ),
  ]);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    description: row.description,
    ...(withBody && { body: row.body ?? '' }),
    tagList: row.tagList,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    favorited: favorited.has(row._id.toString()),
    favoritesCount: row.favoritesCount,
    author: toProfileJson(row.author, followed.has(row.author._id.toString())),
  }));
}
