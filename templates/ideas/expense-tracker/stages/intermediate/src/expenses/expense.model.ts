// The expenses collection in MongoDB: the fields of src/expenses/expense.fields.ts, now each with
// an owner, the small description of its receipt, and the indexes the owner's queries need.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { expenseFields } from './expense.fields.js';

/**
 * What the expense knows about its receipt: one small, bounded object, read with the expense
 * every time (the list shows whether there is one). The file itself lives in its own
 * collection (see receipt.model.ts).
 */
const receiptInfo = new Schema(
  {
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

const expenseSchema = new Schema(
  {
    // Who spent the money: a reference to the user's _id (see src/auth/user.model.ts for why the
    // user does not hold a list of expenses instead). Every query of the API filters on it.
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    ...expenseFields,
    receipt: { type: receiptInfo, default: null },
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// Compound indexes, owner first: every query reads one user's expenses only. The first serves
// the default list (newest first), every period filter and the monthly summary: MongoDB jumps to
// this user's entries and reads the date range, already in order. The second serves
// `?category=` together with a date range; the last two the other sorts the list allows.
// `npm test -- indexes` checks that each one exists in the database.
expenseSchema.index({ owner: 1, date: -1, _id: -1 });
expenseSchema.index({ owner: 1, category: 1, date: -1 });
expenseSchema.index({ owner: 1, amountCents: -1 });
expenseSchema.index({ owner: 1, createdAt: -1 });

export type Expense = InferSchemaType<typeof expenseSchema>;
export type ExpenseDocument = HydratedDocument<Expense>;

export const ExpenseModel = model('Expense', expenseSchema);
