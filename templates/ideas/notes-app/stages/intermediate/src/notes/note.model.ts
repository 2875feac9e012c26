// The notes collection in MongoDB: the fields of src/notes/note.fields.ts, now each with an
// owner, and the indexes the owner's queries need.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { noteFields } from './note.fields.js';

const noteSchema = new Schema(
  {
    // Who wrote the note: a reference to the user's _id (see src/auth/user.model.ts for why the
    // user does not hold a list of notes instead). Every query of the API filters on it.
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    ...noteFields,
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// Compound indexes, owner first: every list reads one user's notes only, so MongoDB jumps to
// that user's entries and reads them already in order (`?sort=-updatedAt`, the default, and
// `?pinned=true` on top), or only those with one tag (`?tag=`, a multikey index: one entry per
// tag). `npm test -- indexes` checks each one exists in the database.
noteSchema.index({ owner: 1, updatedAt: -1, _id: -1 });
noteSchema.index({ owner: 1, pinned: 1, updatedAt: -1 });
noteSchema.index({ owner: 1, tags: 1 });

export type Note = InferSchemaType<typeof noteSchema>;
export type NoteDocument = HydratedDocument<Note>;

export const NoteModel = model('Note', noteSchema);
