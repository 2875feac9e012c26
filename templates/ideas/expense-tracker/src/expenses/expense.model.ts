// What an expense is, as stored in MongoDB: the fields of src/expenses/expense.fields.ts.
// Mongoose checks every document against this schema before saving it, and gives you typed
// documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { expenseFields } from './expense.fields.js';

const expenseSchema = new Schema(expenseFields, {
  // createdAt and updatedAt, maintained by Mongoose.
  timestamps: true,
});

// Lists are filtered by date range (and category) and sorted newest first: the index lets
// MongoDB read only the matching range, in order, instead of scanning every expense.
expenseSchema.index({ date: -1, _id: -1 });

export type Expense = InferSchemaType<typeof expenseSchema>;
export type ExpenseDocument = HydratedDocument<Expense>;

export const ExpenseModel = model('Expense', expenseSchema);
