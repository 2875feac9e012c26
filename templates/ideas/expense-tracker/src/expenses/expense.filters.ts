// The list filters every stage shares: `?category=`, and a date range given either as a named
// `?period=` or as a custom `?from=&to=`. The query schemas of each stage start from
// `periodFilters` and `withValidRange`; the routes turn the parsed query into a MongoDB filter
// on `date` with `dateFilter`.
import mongoose from 'mongoose';
import { z } from 'zod';
import { expenseInput } from './expense.fields.js';
import {
  customRange,
  periodRange,
  PERIODS,
  type DateRange,
  type Period,
} from './expense.period.js';

export const periodFilters = {
  period: z.enum(PERIODS, `period must be one of: ${PERIODS.join(', ')}`).optional(),
  from: expenseInput.day.optional(),
  to: expenseInput.day.optional(),
  category: expenseInput.category.optional(),
};

export interface RangeQuery {
  period?: Period | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The rules between the range parameters: `period` or a custom `from`/`to` (either end may be
 * left open), never both; `from` must not be after `to`.
 */
export function withValidRange<S extends z.ZodType<RangeQuery>>(schema: S): S {
  return schema
    .refine((query) => !(query.period && (query.from || query.to)), {
      message: 'Use either period or from/to, not both.',
      path: ['period'],
    })
    .refine((query) => !(query.from && query.to && query.from > query.to), {
      // YYYY-MM-DD strings sort like the days they name, so a string comparison is enough.
      message: 'from must be on or before to.',
      path: ['from'],
    });
}

/**
 * The condition on `date` for a parsed query, or undefined for no date filter. A plain range on
 * one field, `$gte` and `$lt`: every MongoDB-compatible database runs it, and an index that
 * has `date` serves it.
 */
export function dateFilter(query: RangeQuery, now: Date): { $gte?: Date; $lt?: Date } | undefined {
  const range: Partial<DateRange> = query.period
    ? periodRange(query.period, now)
    : customRange(query.from, query.to);
  if (!range.from && !range.to) return undefined;
  const condition = { ...(range.from && { $gte: range.from }), ...(range.to && { $lt: range.to }) };
  // `trusted()`: these operators were built here from validated days, not sent by a client.
  // With Mongoose's `sanitizeFilter` on (the advanced stage turns it on against operator
  // injection), an untrusted `{ $gte: … }` would be taken as a literal value instead.
  return mongoose.trusted(condition);
}
