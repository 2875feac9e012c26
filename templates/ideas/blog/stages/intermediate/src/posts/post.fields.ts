// What a blog post is from this stage on: an article of the RealWorld "Conduit" contract, field
// by field. Conduit calls a post an `article` (title, description, body, tagList), so the code
// does too; the files keep the blog's `post.*` names from the beginner stage. Both rules of a
// field sit side by side: how MongoDB stores it (Mongoose) and how the API checks what clients
// send for it (zod). post.model.ts builds the collection from them, post.schemas.ts the bodies.
import { z } from 'zod';

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 500;
// An article can be long, but one document must never grow without limit (MongoDB refuses
// documents over 16 MB, and long before that every read of the article gets slow).
export const BODY_MAX_LENGTH = 100_000;
// Tags are a small, bounded list embedded in the article, read with it every time. An
// unbounded list (favorites, comments) belongs in its own collection instead.
export const TAGS_MAX_COUNT = 10;
export const TAG_MAX_LENGTH = 30;

/** How MongoDB stores an article's own fields (Mongoose checks each document before saving). */
export const articleFields = {
  title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
  description: {
    type: String,
    required: true,
    trim: true,
    minlength: 1,
    maxlength: DESCRIPTION_MAX_LENGTH,
  },
  body: { type: String, required: true, minlength: 1, maxlength: BODY_MAX_LENGTH },
  tagList: {
    type: [{ type: String, trim: true, minlength: 1, maxlength: TAG_MAX_LENGTH }],
    default: [],
    validate: {
      validator: (tags: string[]) => tags.length <= TAGS_MAX_COUNT,
      message: `An article has at most ${TAGS_MAX_COUNT} tags.`,
    },
  },
} as const;

/** How the API checks each field a client sends. */
export const articleInput = {
  title: z.string().trim().min(1, "can't be blank").max(TITLE_MAX_LENGTH),
  description: z.string().trim().min(1, "can't be blank").max(DESCRIPTION_MAX_LENGTH),
  body: z.string().min(1, "can't be blank").max(BODY_MAX_LENGTH),
  tag: z.string().trim().min(1, "can't be blank").max(TAG_MAX_LENGTH),
};

// The same tag twice says nothing more: duplicates are dropped, the order is kept.
export const tagList = z
  .array(articleInput.tag)
  .max(TAGS_MAX_COUNT, `at most ${TAGS_MAX_COUNT} tags`)
  .transform((list) => [...new Set(list)]);
