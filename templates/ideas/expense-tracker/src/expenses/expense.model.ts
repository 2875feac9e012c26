// What an expense is, as stored in MongoDB. Mongoose checks every document against this schema
// before saving it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

/** The seven categories, by stable id: clients send and filter by these ids. */
export const CATEGORIES = [
  'groceries',
  'leisure',
  'electronics',
  'utilities',
  'clothing',
  'health',
  'others',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What a person reads for each id (a page or a report shows these). */
export const CATEGORY_NAMES: Record<Category, string> = {
  groceries: 'Groceries',
  leisure: 'Leisure',
  electronics: 'Electronics',
  utilities: 'Utilities',
  clothing: 'Clothing',
  health: 'Health',
  others: 'Others',
};

/** One currency for the whole tracker: sums across currencies would mean nothing. */
export const CURRENCY = 'EUR';
export const DESCRIPTION_MAX_LENGTH = 200;
/** 10 million in cents: far above any real expense, low enough to catch a typo. */
export const AMOUNT_MAX_CENTS = 1_000_000_000;

const expenseSchema = new Schema(
  {
    // Money is a whole number of cents, never a float: 0.1 + 0.2 is 0.30000000000000004 in
    // JavaScript (binary floating point cannot hold most decimal fractions exactly), so float
    // amounts drift by fractions of a cent with every sum. Integers add exactly; format as
    // euros only when showing them.
    amountCents: {
      type: Number,
      required: true,
      min: 1,
      max: AMOUNT_MAX_CENTS,
      validate: { validator: Number.isInteger, message: 'amountCents must be an integer' },
    },
    currency: { type: String, required: true, enum: [CURRENCY], default: CURRENCY },
    category: { type: String, required: true, enum: CATEGORIES },
    // Optional: an empty string when the client sent none (`required` would reject '').
    description: { type: String, default: '', trim: true, maxlength: DESCRIPTION_MAX_LENGTH },
    // The day the money was spent, stored as midnight UTC of that calendar day, so that a date
    // range is a simple `$gte`/`$lt` query on one field.
    date: { type: Date, required: true },
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// Lists are filtered by date range (and category) and sorted newest first: the index lets
// MongoDB read only the matching range, in order, instead of scanning every expense.
expenseSchema.index({ date: -1, _id: -1 });

export type Expense = InferSchemaType<typeof expenseSchema>;
export type ExpenseDocument = HydratedDocument<Expense>;

export const ExpenseModel = model('Expense', expenseSchema);
