// What a note is, as stored in MongoDB. Mongoose checks every document against this schema
// before saving it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const TITLE_MAX_LENGTH = 200;
// Markdown text. Generous, but bounded: one document must never grow without limit (MongoDB
// refuses documents over 16 MB, long before that every read of the note gets slow).
export const CONTENT_MAX_LENGTH = 100_000;
// Tags are a small, bounded list embedded in the note: a handful of short words, read with the
// note every time. An unbounded list belongs in its own collection instead.
export const TAGS_MAX_COUNT = 10;
export const TAG_MAX_LENGTH = 30;

const noteSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
    content: { type: String, default: '', maxlength: CONTENT_MAX_LENGTH },
    tags: {
      type: [
        { type: String, trim: true, lowercase: true, minlength: 1, maxlength: TAG_MAX_LENGTH },
      ],
      default: [],
      validate: {
        validator: (tags: string[]) => tags.length <= TAGS_MAX_COUNT,
        message: `A note has at most ${TAGS_MAX_COUNT} tags.`,
      },
    },
    // Pinned notes are listed first.
    pinned: { type: Boolean, required: true, default: false },
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// The list is read pinned first, then most recently changed: an index in that order lets
// MongoDB read notes already sorted. `?tag=` filters on one tag; an index on an array field
// (a "multikey" index) holds one entry per tag, so that filter does not scan every note.
noteSchema.index({ pinned: -1, updatedAt: -1, _id: -1 });
noteSchema.index({ tags: 1 });

export type Note = InferSchemaType<typeof noteSchema>;
export type NoteDocument = HydratedDocument<Note>;

export const NoteModel = model('Note', noteSchema);
