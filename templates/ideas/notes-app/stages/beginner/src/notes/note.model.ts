// The notes collection in MongoDB: the fields of src/notes/note.fields.ts, with timestamps, and
// the indexes the list needs. Mongoose checks every document against this schema before saving
// it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { noteFields } from './note.fields.js';

const noteSchema = new Schema(noteFields, {
  // createdAt and updatedAt, maintained by Mongoose.
  timestamps: true,
});

// The list is read pinned first, then most recently changed: an index in that order lets
// MongoDB read notes already sorted. `?tag=` filters on one tag; an index on an array field
// (a "multikey" index) holds one entry per tag, so that filter does not scan every note.
noteSchema.index({ pinned: -1, updatedAt: -1, _id: -1 });
noteSchema.index({ tags: 1 });

export type Note = InferSchemaType<typeof noteSchema>;
export type NoteDocument = HydratedDocument<Note>;

export const NoteModel = model('Note', noteSchema);
