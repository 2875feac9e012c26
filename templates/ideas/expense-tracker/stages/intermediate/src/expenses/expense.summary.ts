// GET /expenses/summary?month=YYYY-MM: what a user spent in one month, per category and in all,
// in cents.
//
// The totals are computed by MongoDB with `$match` + `$group` + `$sum`, which every
// MongoDB-compatible database runs (FerretDB too). The month is a date range on `date`, so the
// `{ owner, date }` index serves the `$match`: no `$month` operator and no extra "month" field
// that would have to be kept in sync with the date.
import type { Router } from 'express';
import { Types } from 'mongoose';
import { currentUser } from '../auth/require-auth.js';
import { config } from '../config.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { CATEGORIES, CATEGORY_NAMES, CURRENCY, type Category } from './expense.fields.js';
import { ExpenseModel } from './expense.model.js';
import { monthOf, monthRange } from './expense.period.js';
import { summaryQuery } from './expense.schemas.js';

export interface CategoryTotal {
  category: Category;
  name: string;
  totalCents: number;
  count: number;
}

export interface MonthlySummary {
  month: string;
  currency: string;
  /** All seven categories, in their fixed order, zeros included: a report never has holes. */
  categories: CategoryTotal[];
  totalCents: number;
  count: number;
  budgetCents: number;
  overBudget: boolean;
}

interface Group {
  _id: Category;
  value: number;
}

function byCategory(groups: Group[]): Map<Category, number> {
  return new Map(groups.map((group) => [group._id, group.value]));
}

/** One user's spending in one `YYYY-MM` month. */
export async function monthlySummary(ownerId: string, month: string): Promise<MonthlySummary> {
  const { from, to } = monthRange(month);
  // An aggregation pipeline is not cast by Mongoose like a query: the owner must already be an
  // ObjectId, or nothing matches.
  const match = { $match: { owner: new Types.ObjectId(ownerId), date: { $gte: from, $lt: to } } };
  // One accumulator per `$group`: FerretDB 1.x computes only the first of several (MongoDB
  // computes all). Two small pipelines on the same index keep the code right on both.
  const [totals, counts] = await Promise.all([
    ExpenseModel.aggregate<Group>([
      match,
      { $group: { _id: '$category', value: { $sum: '$amountCents' } } },
    ]),
    ExpenseModel.aggregate<Group>([match, { $group: { _id: '$category', value: { $sum: 1 } } }]),
  ]);
  const totalOf = byCategory(totals);
  const countOf = byCategory(counts);
  const categories = CATEGORIES.map((category) => ({
    category,
    name: CATEGORY_NAMES[category],
    totalCents: totalOf.get(category) ?? 0,
    count: countOf.get(category) ?? 0,
  }));
  // Integers add exactly: the grand total is the sum of the category totals, to the cent.
  const totalCents = categories.reduce((sum, entry) => sum + entry.totalCents, 0);
  return {
    month,
    currency: CURRENCY,
    categories,
    totalCents,
    count: categories.reduce((sum, entry) => sum + entry.count, 0),
    budgetCents: config.monthlyBudgetCents,
    overBudget: totalCents > config.monthlyBudgetCents,
  };
}

/** Adds the route to the expense router (see expense.reports.ts). */
export function mountSummary(router: Router): void {
  const summary = validate({ query: summaryQuery });
  router.get('/summary', summary, async (req, res) => {
    const month = summary.input(req).query.month ?? monthOf(new Date());
    res.status(200).json(await monthlySummary(currentUser(req).id, month));
  });

  describeRoutes(router, {
    '/summary': {
      get: {
        summary: 'Your spending in one month (default: this month), per category and in all',
        auth: true,
        query: summaryQuery,
        responses: {
          200: '{ month, currency, categories: [{ category, name, totalCents, count }], totalCents, count, budgetCents, overBudget }',
          400: 'Invalid query (month is not YYYY-MM)',
          401: 'No valid token',
        },
      },
    },
  });
}
