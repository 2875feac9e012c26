// What a note is, field by field, at every stage: the limits, how MongoDB stores each field
// (Mongoose) and how the API checks what clients send for it (zod). The two rules of a field sit
// side by side so they cannot drift apart; note.model.ts builds the collection from them and
// note.schemas.ts the request bodies.
import { z } from 'zod';

export const TITLE_MAX_LENGTH = 200;
// Markdown text. Generous, but bounded: one document must never grow without limit (MongoDB
// refuses documents over 16 MB, and long before that every read of the note gets slow).
export const CONTENT_MAX_LENGTH = 100_000;
// Tags are a small, bounded list embedded in the note: a handful of short words, read with the
// note every time. An unbounded list belongs in its own collection instead.
export const TAGS_MAX_COUNT = 10;
export const TAG_MAX_LENGTH = 30;

/** How MongoDB stores a note (Mongoose checks every document against this before saving). */
export const noteFields = {
  title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
  content: { type: String, default: '', maxlength: CONTENT_MAX_LENGTH },
  tags: {
    type: [{ type: String, trim: true, lowercase: true, minlength: 1, maxlength: TAG_MAX_LENGTH }],
    default: [],
    validate: {
      validator: (tags: string[]) => tags.length <= TAGS_MAX_COUNT,
      message: `A note has at most ${TAGS_MAX_COUNT} tags.`,
    },
  },
  // Pinned notes are listed first.
  pinned: { type: Boolean, required: true, default: false },
} as const;

/** How the API checks each field a client sends. */
export const noteInput = {
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`),
  content: z
    .string()
    .max(CONTENT_MAX_LENGTH, `content must be at most ${CONTENT_MAX_LENGTH} characters`),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'a tag must not be empty')
    .max(TAG_MAX_LENGTH, `a tag must be at most ${TAG_MAX_LENGTH} characters`),
  pinned: z.boolean(),
};

// "Work" and "work " are the same tag: normalised by `noteInput.tag`, then duplicates dropped.
export const tagList = z
  .array(noteInput.tag)
  .max(TAGS_MAX_COUNT, `at most ${TAGS_MAX_COUNT} tags`)
  .transform((list) => [...new Set(list)]);

export const SEARCH_MAX_LENGTH = 100;

/** `?q=`: plain text to look for in titles and contents. */
export const searchText = z
  .string()
  .trim()
  .max(SEARCH_MAX_LENGTH, `q must be at most ${SEARCH_MAX_LENGTH} characters`);
