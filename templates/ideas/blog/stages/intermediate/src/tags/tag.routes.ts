// The tags in use. Mounted at /api/tags.
//
//   GET /api/tags   200 { tags: ["dragons", "training"] }
//
// `distinct` reads them from the tagList index of the articles (post.model.ts), without loading
// a single article.
import { Router } from 'express';
import { describeRoutes } from '../http/openapi-registry.js';
import { ArticleModel } from '../posts/post.model.js';

export const tagRouter = Router();

/** A tag cloud, not a data export: the answer stays small however many tags exist. */
export const TAGS_MAX = 200;

tagRouter.get('/', async (_req, res) => {
  const tags = await ArticleModel.distinct('tagList');
  const sorted = tags.map(String).sort((a, b) => a.localeCompare(b));
  res.status(200).json({ tags: sorted.slice(0, TAGS_MAX) });
});

describeRoutes(tagRouter, {
  '/': { get: { summary: 'The tags of all articles', responses: { 200: '{ tags }' } } },
});
