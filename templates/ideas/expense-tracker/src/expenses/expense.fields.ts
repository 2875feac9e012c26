// What an expense is, field by field, at every stage: the limits, how MongoDB stores each field
// (Mongoose) and how the API checks what clients send for it (zod). The two rules of a field sit
// side by side so they cannot drift apart; expense.model.ts builds the collection from them and
// expense.schemas.ts the request bodies.
import { z } from 'zod';

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

/** How MongoDB stores an expense (Mongoose checks every document against this before saving). */
export const expenseFields = {
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
} as const;

/** How the API checks each field a client sends. */
export const expenseInput = {
  // An integer number of cents: 12.5 is rejected rather than rounded, because guessing what a
  // client meant by half a cent is how money goes missing.
  amountCents: z
    .int('amountCents must be a whole number of cents, e.g. 1250 for 12.50')
    .positive('amountCents must be more than 0')
    .max(AMOUNT_MAX_CENTS, `amountCents must be at most ${AMOUNT_MAX_CENTS}`),
  currency: z.literal(CURRENCY, `currency must be ${CURRENCY}`),
  category: z.enum(CATEGORIES, `category must be one of: ${CATEGORIES.join(', ')}`),
  description: z
    .string()
    .trim()
    .max(
      DESCRIPTION_MAX_LENGTH,
      `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    ),
  // A calendar day, not a moment: "2025-03-14" means the same day in every time zone.
  day: z.iso.date('use a date like 2025-03-14 (YYYY-MM-DD)'),
};
