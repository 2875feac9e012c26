// The file of a receipt (a photo or a PDF), in a collection of its own that points at its
// expense. At most one per expense: the unique index on `expense` makes the database itself
// refuse a second one, and an upload replaces the file in place.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

// TODO(mistake:poor-schema-design): the tempting versions are `receipts: [{ data, … }]` inside
// the expense, or `expenses: [expenseSchema]` inside the user, "so everything is in one place".
// Every list of expenses would then load every receipt's megabytes, each new expense rewrites
// the whole user document, and at 16 MB MongoDB refuses it. Keep what grows without limit in
// its own collection with a reference to its parent (`expense` below, indexed because every
// lookup goes through it; `owner` on the expense), and embed only what is small and bounded
// (the receipt's name and size on the expense). `npm test -- indexes` fails when a declared
// index is missing from MongoDB; `npm test -- expense-receipt` checks one receipt per expense.
const receiptSchema = new Schema(
  {
    expense: { type: Schema.Types.ObjectId, ref: 'Expense', required: true, unique: true },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    contentType: { type: String, required: true },
    // The bytes (at most RECEIPT_MAX_BYTES, see expense.receipt.ts). Left out of queries
    // unless asked for.
    data: { type: Buffer, required: true, select: false },
  },
  { timestamps: true },
);

export type Receipt = InferSchemaType<typeof receiptSchema>;
export type ReceiptDocument = HydratedDocument<Receipt>;

export const ReceiptModel = model('Receipt', receiptSchema);
