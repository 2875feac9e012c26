// What a blog post is, field by field, at every stage: the limits, how MongoDB stores each field
// (Mongoose) and how the API checks what clients send for it (zod). Both rules of a field sit
// side by side so they cannot drift apart; post.model.ts builds the collection from them and
// post.schemas.ts the request bodies. Later stages add fields (a `slug` for readable URLs, an
// `author` reference to a user) next to these, without changing what is here.
import { z } from 'zod';

export const TITLE_MAX_LENGTH = 200;
// An article can be long, but one document must never grow without limit (MongoDB refuses
// documents over 16 MB, and long before that every read of the post gets slow).
export const CONTENT_MAX_LENGTH = 100_000;
export const CATEGORY_MAX_LENGTH = 50;
// Tags are a small, bounded list embedded in the post, read with it every time. An unbounded
// list belongs in its own collection instead.
export const TAGS_MAX_COUNT = 10;
export const TAG_MAX_LENGTH = 30;

/** How MongoDB stores a post (Mongoose checks every document against this before saving). */
export const postFields = {
  title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
  content: { type: String, required: true, minlength: 1, maxlength: CONTENT_MAX_LENGTH },
  category: {
    type: String,
    required: true,
    trim: true,
    minlength: 1,
    maxlength: CATEGORY_MAX_LENGTH,
  },
  tags: {
    type: [{ type: String, trim: true, minlength: 1, maxlength: TAG_MAX_LENGTH }],
    default: [],
    validate: {
      validator: (tags: string[]) => tags.length <= TAGS_MAX_COUNT,
      message: `A post has at most ${TAGS_MAX_COUNT} tags.`,
    },
  },
} as const;

/** How the API checks each field a client sends. */
export const postInput = {
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`),
  content: z
    .string()
    .min(1, 'content must not be empty')
    .max(CONTENT_MAX_LENGTH, `content must be at most ${CONTENT_MAX_LENGTH} characters`),
  category: z
    .string()
    .trim()
    .min(1, 'category must not be empty')
    .max(CATEGORY_MAX_LENGTH, `category must be at most ${CATEGORY_MAX_LENGTH} characters`),
  tag: z
    .string()
    .trim()
    .min(1, 'a tag must not be empty')
    .max(TAG_MAX_LENGTH, `a tag must be at most ${TAG_MAX_LENGTH} characters`),
};

// The same tag twice says nothing more: duplicates are dropped, the order is kept.
export const tagList = z
  .array(postInput.tag)
  .max(TAGS_MAX_COUNT, `at most ${TAGS_MAX_COUNT} tags`)
  .transform((list) => [...new Set(list)]);

export const TERM_MAX_LENGTH = 100;

/** `?term=`: plain text to look for in titles, contents and categories. */
export const searchTerm = z
  .string()
  .trim()
  .max(TERM_MAX_LENGTH, `term must be at most ${TERM_MAX_LENGTH} characters`);
