// Dates for the tests' expenses, relative to today, so that the date filters (this week, last
// month…) hold whatever day the tests run on.
import { addDays, startOfDay } from '../src/expenses/expense.period.js';

/** Today moved by `days`, as YYYY-MM-DD. */
export function day(days: number): string {
  return addDays(startOfDay(new Date()), days).toISOString().slice(0, 10);
}

/** A valid expense of today. */
export const coffee = {
  amountCents: 350,
  category: 'leisure',
  description: 'coffee',
  date: day(0),
};
