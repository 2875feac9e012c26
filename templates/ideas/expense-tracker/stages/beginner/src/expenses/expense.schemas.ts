// What clients may send, checked before anything touches the database. A failed body check
// throws a ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list
// of problems, field by field. A bad query string is a 400 instead (see expense.routes.ts).
import { z } from 'zod';
import { AMOUNT_MAX_CENTS, CATEGORIES, CURRENCY, DESCRIPTION_MAX_LENGTH } from './expense.model.js';
import { PERIODS } from './expense.period.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';

// An integer number of cents: 12.5 is rejected rather than rounded, because guessing what a
// client meant by half a cent is how money goes missing.
const amountCents = z
  .int('amountCents must be a whole number of cents, e.g. 1250 for 12.50')
  .positive('amountCents must be more than 0')
  .max(AMOUNT_MAX_CENTS, `amountCents must be at most ${AMOUNT_MAX_CENTS}`);
const currency = z.literal(CURRENCY, `currency must be ${CURRENCY}`);
const category = z.enum(CATEGORIES, `category must be one of: ${CATEGORIES.join(', ')}`);
const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX_LENGTH, `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
// A calendar day, not a moment: "2025-03-14" means the same day in every time zone.
const day = z.iso.date('use a date like 2025-03-14 (YYYY-MM-DD)');

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

/**
 * The list filters. `period` or a custom `from`/`to` (either end may be left open), never both;
 * `from` must not be after `to`.
 */
export const listQuerySchema = z
  .object({
    period: z.enum(PERIODS, `period must be one of: ${PERIODS.join(', ')}`).optional(),
    from: day.optional(),
    to: day.optional(),
    category: category.optional(),
  })
  .refine((query) => !(query.period && (query.from || query.to)), {
    message: 'Use either period or from/to, not both.',
    path: ['period'],
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    // YYYY-MM-DD strings sort like the days they name, so a string comparison is enough.
    message: 'from must be on or before to.',
    path: ['from'],
  });

export type CreateExpenseInput = z.infer<typeof createExpenseSchema>;
export type UpdateExpenseInput = z.infer<typeof updateExpenseSchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;
