// Comments on an article. Mounted at /api/articles/:slug/comments (`mergeParams` lets this
// router read the `:slug` of its mount path).
//
//   GET    /api/articles/:slug/comments       200 { comments }   404 no such article
//   POST   /api/articles/:slug/comments       201 { comment }    401, 404, 422
//   DELETE /api/articles/:slug/comments/:id   204                401, 403 not yours, 404
//
// A new comment notifies the article's author through the notifier (src/services/notifier.ts):
// a webhook in production, a local fake in development and tests.
import { Router, type Request } from 'express';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { isOwner } from '../auth/ownership.js';
import { optionalAuth, viewerOf } from '../auth/optional-auth.js';
import { currentUser, requireAuth, type AuthUser } from '../auth/require-auth.js';
import { missing, notYours } from '../http/conduit-errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { followedAmong, PUBLIC_USER_FIELDS, toProfileJson } from '../profiles/profile.json.js';
import type { PublicUser } from '../profiles/profile.json.js';
import { notifier } from '../services/notifier.js';
import { COMMENT_MAX_LENGTH, CommentModel } from './comment.model.js';
import { nextNumber } from './counter.model.js';
import { ArticleModel } from './post.model.js';
import { slugParams } from './post.schemas.js';

export const commentRouter = Router({ mergeParams: true });

/** The most comments one answer carries: the contract's list has no paging. */
export const COMMENTS_MAX = 500;

const commentBody = z.strictObject({
  comment: z.strictObject({
    body: z.string().trim().min(1, "can't be blank").max(COMMENT_MAX_LENGTH),
  }),
});

const forArticle = validate({ params: slugParams });
const create = validate({ params: slugParams, body: commentBody });
const byId = validate({
  params: slugParams.extend({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
});

interface CommentRow {
  number: number;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: PublicUser;
}

async function articleOf(slug: string) {
  const article = await ArticleModel.findOne({ slug }).select('_id slug title author').lean();
  if (!article) throw missing('article');
  return article;
}

async function toCommentsJson(rows: CommentRow[], viewer: AuthUser | undefined) {
  const followed = await followedAmong(
    viewer,
    rows.map((row) => row.author._id),
  );
  return rows.map((row) => ({
    id: row.number,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    body: row.body,
    author: toProfileJson(row.author, followed.has(row.author._id.toString())),
  }));
}

/** Tells the article's author about a comment by someone else. A failure is only logged. */
async function notifyAuthor(
  req: Request,
  article: { slug: string; title: string; author: Types.ObjectId },
  comment: { id: number; author: string },
) {
  if (isOwner(currentUser(req), article.author)) return;
  try {
    await notifier.notify({
      event: 'comment.created',
      data: {
        article: article.slug,
        title: article.title,
        to: article.author.toString(),
        comment: comment.id,
        by: comment.author,
      },
    });
  } catch (error) {
    req.log.warn({ err: error }, 'Could not send the comment.created notification');
  }
}

commentRouter.get('/', optionalAuth, forArticle, async (req, res) => {
  const article = await articleOf(forArticle.input(req).params.slug);
  const rows = await CommentModel.find({ article: article._id })
    .sort({ createdAt: -1, _id: -1 })
    .limit(COMMENTS_MAX)
    .populate('author', PUBLIC_USER_FIELDS)
    .lean<CommentRow[]>();
  res.status(200).json({ comments: await toCommentsJson(rows, viewerOf(req)) });
});

commentRouter.post('/', requireAuth, create, async (req, res) => {
  const { params, body } = create.input(req);
  const article = await articleOf(params.slug);
  const user = currentUser(req);
  const created = await CommentModel.create({
    number: await nextNumber('comment'),
    article: article._id,
    author: user.id,
    body: body.comment.body,
  });
  const row = await CommentModel.findById(created._id)
    .populate('author', PUBLIC_USER_FIELDS)
    .lean<CommentRow>();
  if (!row) throw missing('comment');
  const [comment] = await toCommentsJson([row], user);
  await notifyAuthor(req, article, { id: created.number, author: row.author.username });
  res.status(201).json({ comment });
});

commentRouter.delete('/:id', requireAuth, byId, async (req, res) => {
  const { slug, id } = byId.input(req).params;
  const article = await articleOf(slug);
  const comment = await CommentModel.findOne({ number: id, article: article._id });
  if (!comment) throw missing('comment');
  const user = currentUser(req);
  // Only the comment's author deletes it: 403 for everyone else (admins aside).
  if (user.role !== 'admin' && !isOwner(user, comment.author)) throw notYours('comment');
  await comment.deleteOne();
  res.status(204).end();
});

describeRoutes(commentRouter, {
  '/': {
    get: {
      summary: `The comments of an article, newest first (at most ${COMMENTS_MAX})`,
      responses: {
        200: '{ comments }',
        401: 'A token was sent and it is not valid',
        404: 'No article with this slug',
      },
    },
    post: {
      summary: 'Comment on an article (its author is notified)',
      auth: true,
      body: commentBody,
      responses: {
        201: '{ comment }',
        401: 'No valid token',
        404: 'No article with this slug',
        422: 'Invalid body',
      },
    },
  },
  '/:id': {
    delete: {
      summary: 'Delete your comment',
      auth: true,
      responses: {
        204: 'Deleted',
        401: 'No valid token',
        403: 'Not your comment',
        404: 'No such article or comment',
      },
    },
  },
});
