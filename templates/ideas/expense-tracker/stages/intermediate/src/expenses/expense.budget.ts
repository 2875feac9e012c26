// The budget alert: when a write takes a user's spending in a month past MONTHLY_BUDGET_CENTS,
// the notifier (src/services/notifier.ts) sends one `budget.exceeded` notification: to a
// webhook in production, to a local fake that logs in development and tests. Only the write
// that crosses the line sends it; the ones after it, already over budget, do not.
import type { Request } from 'express';
import { notifier } from '../services/notifier.js';
import { CURRENCY } from './expense.fields.js';
import { monthOf } from './expense.period.js';
import { monthlySummary } from './expense.summary.js';

/** What one expense adds to one month: its amount if it falls in that month. */
export interface Contribution {
  date: Date;
  amountCents: number;
}

function centsIn(month: string, expense: Contribution | undefined): number {
  return expense && monthOf(expense.date) === month ? expense.amountCents : 0;
}

/**
 * True when the month's total was within the budget before the write and is over it now.
 * `before` is derived, not read: the total now, minus what the write added, plus what it took
 * away (an update can move an expense to another month or change its amount).
 */
export function crossedBudget(options: {
  totalNow: number;
  month: string;
  written: Contribution;
  previous?: Contribution | undefined;
  budgetCents: number;
}): boolean {
  const { totalNow, month, written, previous, budgetCents } = options;
  const totalBefore = totalNow - centsIn(month, written) + centsIn(month, previous);
  return totalBefore <= budgetCents && totalNow > budgetCents;
}

/**
 * Call after an expense was created or changed. A failed notification is logged, never turned
 * into a failed request: the expense is saved either way.
 */
export async function alertIfOverBudget(
  req: Request,
  ownerId: string,
  written: Contribution,
  previous?: Contribution,
): Promise<void> {
  const month = monthOf(written.date);
  const { totalCents, budgetCents } = await monthlySummary(ownerId, month);
  if (!crossedBudget({ totalNow: totalCents, month, written, previous, budgetCents })) return;
  try {
    await notifier.notify({
      event: 'budget.exceeded',
      data: { owner: ownerId, month, totalCents, budgetCents, currency: CURRENCY },
    });
  } catch (error) {
    req.log.warn({ err: error }, 'Could not send the budget.exceeded notification');
  }
}
