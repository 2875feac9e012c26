// What the article routes accept, in the contract's envelopes. Strict objects: an `author`,
// `slug` or `favoritesCount` in a body is refused (422), never stored.
import { z } from 'zod';
import { MAX_LIMIT } from '../http/pagination.js';
import { articleInput, tagList, TAG_MAX_LENGTH } from './post.fields.js';

export const createArticleSchema = z.strictObject({
  article: z.strictObject({
    title: articleInput.title,
    description: articleInput.description,
    body: articleInput.body,
    tagList: tagList.optional(),
  }),
});

export const updateArticleSchema = z.strictObject({
  article: z
    .strictObject({
      title: articleInput.title,
      description: articleInput.description,
      body: articleInput.body,
      tagList,
    })
    .partial()
    .refine((fields) => Object.keys(fields).length > 0, 'at least one field is required'),
});

export const slugParams = z.strictObject({ slug: z.string().max(200) });

/** The contract's paging: `limit` (default 20) articles after skipping `offset`. */
const paging = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20),
  // Skipping is work for the database: a huge offset is refused, not slowly honoured.
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
};

const name = z.string().trim().min(1).max(100);

/** GET /api/articles: the filters of the contract, and nothing else (400 for the rest). */
export const listArticlesQuery = z.strictObject({
  tag: z.string().trim().min(1).max(TAG_MAX_LENGTH).optional(),
  author: name.optional(),
  favorited: name.optional(),
  ...paging,
});

export const feedQuery = z.strictObject(paging);

export type ListArticlesQuery = z.output<typeof listArticlesQuery>;
