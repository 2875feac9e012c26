// What a todo is, as stored in MongoDB. Mongoose checks every document against this schema
// before saving it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const TITLE_MAX_LENGTH = 500;

const todoSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, minlength: 1, maxlength: TITLE_MAX_LENGTH },
    completed: { type: Boolean, required: true, default: false },
    // Position in the list, smallest first. Clients may set it; new todos go to the end.
    order: { type: Number, required: true, default: 0 },
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// Listing sorts by order; an index lets MongoDB read todos in that order instead of sorting
// them all in memory on every request.
todoSchema.index({ order: 1, _id: 1 });

export type Todo = InferSchemaType<typeof todoSchema>;
export type TodoDocument = HydratedDocument<Todo>;

export const TodoModel = model('Todo', todoSchema);
