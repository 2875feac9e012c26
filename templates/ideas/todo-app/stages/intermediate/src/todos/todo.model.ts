// What a todo is, as stored in MongoDB: it belongs to one user, through a reference to that
// user's `_id`. The user document knows nothing about its todos (see the TODO in
// src/auth/user.model.ts): "Ann's todos" is the query `{ owner: ann._id }`, served by an index.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 2000;

const todoSchema = new Schema(
  {
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
    description: { type: String, trim: true, maxlength: DESCRIPTION_MAX_LENGTH, default: '' },
    completed: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);

// Compound indexes for the list a user sees: their own todos (the `owner` prefix), filtered by
// `completed` or not, in the sort orders the API allows. Each one lets MongoDB read one page in
// order instead of sorting every todo of every user. `npm test -- indexes` checks they exist.
todoSchema.index({ owner: 1, createdAt: -1 });
todoSchema.index({ owner: 1, completed: 1, createdAt: -1 });
todoSchema.index({ owner: 1, title: 1 });

export type Todo = InferSchemaType<typeof todoSchema>;
export type TodoDocument = HydratedDocument<Todo>;

export const TodoModel = model('Todo', todoSchema);
