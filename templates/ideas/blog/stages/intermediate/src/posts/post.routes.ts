// The articles of the RealWorld "Conduit" contract. Mounted at /api/articles. Each handler reads
// the request, does one thing with the database and answers with the status code that says what
// happened; errors are thrown (Express 5 sends them to src/http/errors.ts).
//
//   GET    /api/articles?tag=&author=&favorited=&limit=&offset=  200 { articles, articlesCount }
//   GET    /api/articles/feed?limit=&offset=   200 articles by the authors you follow (login)
//   POST   /api/articles                       201 { article }   409 same title (slug) taken
//   GET    /api/articles/:slug                 200 { article }   404
//   PUT    /api/articles/:slug                 200 { article }   403 not yours, 404, 409
//   DELETE /api/articles/:slug                 204               403 not yours, 404
//   POST   /api/articles/:slug/favorite        200 { article }   404
//   DELETE /api/articles/:slug/favorite        200 { article }   404
//
// Lists are newest first and leave out `body`. Anonymous readers may read; `favorited` and
// `author.following` are then false.
import { Router, type Request } from 'express';
import mongoose, { type QueryFilter, type Types } from 'mongoose';
import { isOwner } from '../auth/ownership.js';
import { optionalAuth, viewerOf } from '../auth/optional-auth.js';
import { currentUser, requireAuth, type AuthUser } from '../auth/require-auth.js';
import { missing, notYours, taken } from '../http/conduit-errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { resourceUrl } from '../http/resource-url.js';
import { validate } from '../http/validate.js';
import { isDuplicateKeyError } from '../http/errors.js';
import { FollowModel } from '../profiles/follow.model.js';
import { PUBLIC_USER_FIELDS } from '../profiles/profile.json.js';
import { CommentModel } from './comment.model.js';
import { FavoriteModel } from './favorite.model.js';
import { toArticlesJson, type ArticleRow } from './post.json.js';
import { ArticleModel, type Article, type ArticleDocument } from './post.model.js';
import {
  createArticleSchema,
  feedQuery,
  listArticlesQuery,
  slugParams,
  updateArticleSchema,
} from './post.schemas.js';
import { articleFilter, inList } from './post.search.js';
import { slugify } from './slug.js';

export const postRouter = Router();

const list = validate({ query: listArticlesQuery });
const feed = validate({ query: feedQuery });
const create = validate({ body: createArticleSchema });
const bySlug = validate({ params: slugParams });
const update = validate({ params: slugParams, body: updateArticleSchema });

/** One page of articles matching `filter`, newest first, without their bodies. */
async function page(
  filter: QueryFilter<Article> | null,
  { limit, offset }: { limit: number; offset: number },
  viewer: AuthUser | undefined,
) {
  if (!filter) return { articles: [], articlesCount: 0 };
  const [rows, articlesCount] = await Promise.all([
    ArticleModel.find(filter)
      .select('-body')
      .sort({ createdAt: -1, _id: -1 })
      .skip(offset)
      .limit(limit)
      .populate('author', PUBLIC_USER_FIELDS)
      .lean<ArticleRow[]>(),
    ArticleModel.countDocuments(filter),
  ]);
  return { articles: await toArticlesJson(rows, viewer, { withBody: false }), articlesCount };
}

/** `{ article }` for one article, as this reader sees it. */
async function articleAnswer(id: Types.ObjectId, viewer: AuthUser | undefined) {
  const row = await ArticleModel.findById(id)
    .populate('author', PUBLIC_USER_FIELDS)
    .lean<ArticleRow>();
  if (!row) throw missing('article');
  const [article] = await toArticlesJson([row], viewer, { withBody: true });
  return { article };
}

async function findArticle(slug: string): Promise<ArticleDocument> {
  const article = await ArticleModel.findOne({ slug });
  if (!article) throw missing('article');
  return article;
}

/**
 * 409 when another article has this slug. The unique index guarantees it (two requests at the
 * same moment both pass this check, and the second write fails on the index); the check gives
 * the contract's `{ errors: { slug: [...] } }`, which a duplicate-key error does not reliably
 * name.
 */
async function assertSlugFree(slug: string, self?: ArticleDocument) {
  const other = await ArticleModel.exists({
    slug,
    ...(self && { _id: mongoose.trusted({ $ne: self._id }) }),
  });
  if (other) throw taken('slug');
}

/** Only the author changes or deletes an article (403 for everyone else, admins aside). */
function assertAuthor(req: Request, article: ArticleDocument): AuthUser {
  const user = currentUser(req);
  if (user.role !== 'admin' && !isOwner(user, article.author)) throw notYours('article');
  return user;
}

postRouter.get('/', optionalAuth, list, async (req, res) => {
  const { tag, author, favorited, ...paging } = list.input(req).query;
  const filter = await articleFilter({ tag, author, favorited });
  res.status(200).json(await page(filter, paging, viewerOf(req)));
});

postRouter.get('/feed', requireAuth, feed, async (req, res) => {
  const viewer = currentUser(req);
  const followed = await FollowModel.find({ follower: viewer.id }).distinct('following');
  res.status(200).json(await page({ author: inList(followed) }, feed.input(req).query, viewer));
});

postRouter.post('/', requireAuth, create, async (req, res) => {
  const { tagList = [], ...fields } = create.input(req).body.article;
  const author = currentUser(req);
  // A second article with the same title would get the same slug: 409, as the contract says.
  const slug = slugify(fields.title);
  await assertSlugFree(slug);
  const article = await ArticleModel.create({ ...fields, tagList, slug, author: author.id });
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(article)` here and in
  // every handler: 200 for everything, an unknown slug as `{ article: null }` with 200 too. A
  // Conduit frontend then cannot tell "published" from "refused", and a retry after a timeout
  // cannot know whether the first POST created the article. Say what happened with the status:
  // 201 (and a Location header with the new article's URL) for a creation, 204 for a deletion,
  // 401 / 403 / 404 / 409 / 422 for the client's mistakes, as the contract lists them.
  // `npm test -- posts` asserts each status exactly, and checks every body against the
  // contract (test/contract/conduit.schema.json).
  res
    .status(201)
    .location(resourceUrl(req, article.slug))
    .json(await articleAnswer(article._id, author));
});

postRouter.get('/:slug', optionalAuth, bySlug, async (req, res) => {
  const article = await findArticle(bySlug.input(req).params.slug);
  res.status(200).json(await articleAnswer(article._id, viewerOf(req)));
});

postRouter.put('/:slug', requireAuth, update, async (req, res) => {
  const { params, body } = update.input(req);
  const article = await findArticle(params.slug);
  const user = assertAuthor(req, article);
  article.set(body.article);
  // A new title moves the article to a new address (409 when another article has it).
  if (body.article.title !== undefined) {
    article.slug = slugify(body.article.title);
    await assertSlugFree(article.slug, article);
  }
  await article.save();
  res.status(200).json(await articleAnswer(article._id, user));
});

postRouter.delete('/:slug', requireAuth, bySlug, async (req, res) => {
  const article = await findArticle(bySlug.input(req).params.slug);
  assertAuthor(req, article);
  // What belongs to the article goes with it (no transaction needed: leftovers would only be
  // rows that point at nothing, and nothing reads them).
  await ArticleModel.deleteOne({ _id: article._id });
  await Promise.all([
    CommentModel.deleteMany({ article: article._id }),
    FavoriteModel.deleteMany({ article: article._id }),
  ]);
  res.status(204).end();
});

postRouter.post('/:slug/favorite', requireAuth, bySlug, async (req, res) => {
  const article = await findArticle(bySlug.input(req).params.slug);
  const user = currentUser(req);
  // The unique index decides whether this is a new favorite; only a new one is counted, so a
  // double click never counts twice.
  const added = await FavoriteModel.create({ user: user.id, article: article._id }).then(
    () => true,
    (error: unknown) => {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    },
  );
  if (added) await ArticleModel.updateOne({ _id: article._id }, { $inc: { favoritesCount: 1 } });
  res.status(200).json(await articleAnswer(article._id, user));
});

postRouter.delete('/:slug/favorite', requireAuth, bySlug, async (req, res) => {
  const article = await findArticle(bySlug.input(req).params.slug);
  const user = currentUser(req);
  const { deletedCount } = await FavoriteModel.deleteOne({ user: user.id, article: article._id });
  if (deletedCount > 0) {
    await ArticleModel.updateOne({ _id: article._id }, { $inc: { favoritesCount: -1 } });
  }
  res.status(200).json(await articleAnswer(article._id, user));
});

const invalidToken = { 401: 'A token was sent and it is not valid' };
const needsLogin = { 401: 'No valid token' };
const notFound = { 404: 'No article with this slug' };

describeRoutes(postRouter, {
  '/': {
    get: {
      summary: 'Articles, newest first, filtered by tag, author or favoriting user (no body)',
      query: listArticlesQuery,
      responses: { 200: '{ articles, articlesCount }', 400: 'Invalid query', ...invalidToken },
    },
    post: {
      summary: 'Publish an article',
      auth: true,
      body: createArticleSchema,
      responses: {
        201: '{ article }',
        ...needsLogin,
        409: 'An article with this title (slug) exists',
        422: 'Invalid body',
      },
    },
  },
  '/feed': {
    get: {
      summary: 'Articles by the authors the logged-in user follows, newest first (no body)',
      auth: true,
      query: feedQuery,
      responses: { 200: '{ articles, articlesCount }', 400: 'Invalid query', ...needsLogin },
    },
  },
  '/:slug': {
    get: {
      summary: 'One article',
      responses: { 200: '{ article }', ...invalidToken, ...notFound },
    },
    put: {
      summary: 'Update your article (a new title moves it to a new slug)',
      auth: true,
      body: updateArticleSchema,
      responses: {
        200: '{ article }',
        ...needsLogin,
        403: 'Not your article',
        ...notFound,
        409: 'An article with this title (slug) exists',
        422: 'Invalid body',
      },
    },
    delete: {
      summary: 'Delete your article, with its comments and favorites',
      auth: true,
      responses: { 204: 'Deleted', ...needsLogin, 403: 'Not your article', ...notFound },
    },
  },
  '/:slug/favorite': {
    post: {
      summary: 'Favorite an article',
      auth: true,
      responses: { 200: '{ article }', ...needsLogin, ...notFound },
    },
    delete: {
      summary: 'Unfavorite an article',
      auth: true,
      responses: { 200: '{ article }', ...needsLogin, ...notFound },
    },
  },
});
