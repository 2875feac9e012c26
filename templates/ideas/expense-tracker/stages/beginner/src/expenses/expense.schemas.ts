// What clients may send, checked before anything touches the database. A failed body check
// throws a ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list
// of problems, field by field. A bad query string is a 400 instead (see expense.routes.ts).
import { z } from 'zod';
import { expenseInput } from './expense.fields.js';
import { periodFilters, withValidRange } from './expense.filters.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';

const { amountCents, currency, category, description, day } = expenseInput;

const fields = {
  amountCents,
  currency: currency.optional(),
  category,
  description: description.optional(),
  date: day,
};

// Unknown fields (`id`, `url`, anything else) are dropped, not stored.
export const createExpenseSchema = z.object(fields, NOT_AN_OBJECT);

/** PUT replaces the whole expense: the same rules as creating one. */
export const replaceExpenseSchema = createExpenseSchema;

/** PATCH changes some fields: each is optional, but at least one must be there. */
export const updateExpenseSchema = z
  .object(
    {
      amountCents: amountCents.optional(),
      currency: currency.optional(),
      category: category.optional(),
      description: description.optional(),
      date: day.optional(),
    },
    NOT_AN_OBJECT,
  )
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Send at least one of: amountCents, currency, category, description, date.',
  );

/** The list filters (src/expenses/expense.filters.ts). Unknown parameters are ignored. */
export const listQuerySchema = withValidRange(z.object(periodFilters));

export type CreateExpenseInput = z.infer<typeof createExpenseSchema>;
export type UpdateExpenseInput = z.infer<typeof updateExpenseSchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;
