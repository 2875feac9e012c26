// What clients may send. Strict objects: a field that is not listed (`owner`, `id`, `receipt`)
// is refused with 422, never stored, and an unknown query parameter is a 400. The owner always
// comes from the token, never from the request.
import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { idParams } from '../http/validate.js';
import { expenseInput } from './expense.fields.js';
import { periodFilters, withValidRange } from './expense.filters.js';

const { amountCents, currency, category, description, day } = expenseInput;

// TODO(mistake:weak-validation): the tempting version is `ExpenseModel.create({ ...req.body,
// owner })`, or `z.object` here (unknown fields quietly dropped), with `z.number()` for the
// amount and `z.string()` for the date. A client then sends `12.5` cents (money that cannot be
// added up exactly), `-5000` (a "refund" that hides spending), `1e15`, `"2025-02-30"`, or
// `"owner": "<someone else>"` and `"receipt": {…}`, and it lands in the database or becomes a
// 500. Keep every field to its rule (positive integer cents with a maximum, one of the seven
// categories, a real calendar day) and refuse unknown fields with `z.strictObject`. The guards:
// `npm test -- expenses` (each broken rule is a 422 naming the field, nothing stored) and
// `npm test -- validate`.
export const createExpenseSchema = z.strictObject({
  amountCents,
  currency: currency.optional(),
  category,
  description: description.default(''),
  date: day,
});

/** PUT replaces the whole expense: the same rules as creating one. */
export const replaceExpenseSchema = createExpenseSchema;

/** PATCH changes some fields; at least one. */
export const updateExpenseSchema = z
  .strictObject({
    amountCents: amountCents.optional(),
    currency: currency.optional(),
    category: category.optional(),
    description: description.optional(),
    date: day.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'Send at least one of: amountCents, currency, category, description, date.',
  });

/** The sorts the list allows: each one is served by an index that starts with `owner`. */
export const SORTABLE = ['date', 'amountCents', 'createdAt'] as const;

/** `GET /expenses?page=1&limit=10&sort=-date&period=past-month&category=groceries` */
export const listExpensesQuery = withValidRange(
  listQuery({ sortable: SORTABLE, defaultSort: '-date', filters: periodFilters }),
);

/** A calendar month, `YYYY-MM`. */
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month like 2025-03 (YYYY-MM)');

/** `GET /expenses/summary?month=2025-03`; without `month`, the current month (UTC). */
export const summaryQuery = z.strictObject({ month: month.optional() });

export { idParams };
