// The expense API: a collection at the router's root, one URL per expense. Each handler reads
// the request, does one thing with the database and answers with the status code that says
// what happened. Errors are thrown, never answered here: Express 5 sends whatever a handler
// throws (or rejects with) to the error handler in src/http/errors.ts.
//
//   GET    /expenses       200  list, newest first; ?period= or ?from=&to=, ?category=
//   POST   /expenses       201  create; Location: the new expense's URL
//   GET    /expenses/:id   200  one expense, or 404
//   PUT    /expenses/:id   200  replace every field, or 404
//   PATCH  /expenses/:id   200  change some fields, or 404
//   DELETE /expenses/:id   204  delete one, or 404
import { Router, type Request } from 'express';
import type { QueryFilter } from 'mongoose';
import { isObjectId } from '../db.js';
import { HttpError, notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { CURRENCY } from './expense.fields.js';
import { dateFilter } from './expense.filters.js';
import { ExpenseModel, type Expense, type ExpenseDocument } from './expense.model.js';
import { parseDay } from './expense.period.js';
import {
  createExpenseSchema,
  listQuerySchema,
  replaceExpenseSchema,
  updateExpenseSchema,
} from './expense.schemas.js';

export const expenseRouter = Router();

/** What clients see of an expense: its fields, its date as YYYY-MM-DD and its own URL. */
function toJson(req: Request, expense: ExpenseDocument) {
  return {
    id: expense.id,
    amountCents: expense.amountCents,
    currency: expense.currency,
    category: expense.category,
    description: expense.description,
    date: expense.date.toISOString().slice(0, 10),
    url: resourceUrl(req, expense.id),
  };
}

/**
 * The id in the URL is client input like any other. One that cannot be an ObjectId names no
 * expense, so it is a 404, exactly like a well-formed id that does not exist; never a 500.
 */
async function findExpense(id: string): Promise<ExpenseDocument> {
  const expense = isObjectId(id) ? await ExpenseModel.findById(id) : null;
  if (!expense) throw notFound(`No expense with id ${id}`);
  return expense;
}

/**
 * A query string that makes no sense is a bad request (400), not an invalid resource (422):
 * there is no body to fix, the URL itself is wrong.
 */
function parseListQuery(query: unknown) {
  const parsed = listQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw new HttpError(
    400,
    'invalid_query',
    'The query string is not valid for this endpoint.',
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

expenseRouter.get('/', async (req, res) => {
  const query = parseListQuery(req.query);
  const filter: QueryFilter<Expense> = {};
  // A plain range on one field (see expense.filters.ts), served by the index on `date`.
  const date = dateFilter(query, new Date());
  if (date) filter.date = date;
  if (query.category) filter.category = query.category;
  const expenses = await ExpenseModel.find(filter).sort({ date: -1, _id: -1 });
  res.status(200).json(expenses.map((expense) => toJson(req, expense)));
});

expenseRouter.post('/', async (req, res) => {
  const input = createExpenseSchema.parse(req.body);
  const expense = await ExpenseModel.create({
    ...input,
    currency: CURRENCY,
    description: input.description ?? '',
    date: parseDay(input.date),
  });
  const body = toJson(req, expense);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(expense)` here and in
  // every handler: 200 for everything, errors as `{ success: false }` with 200 too. Clients
  // then cannot tell "created" from "failed" without parsing each body, and retries or caches
  // treat failures as successes. Say what happened with the status: 201 + Location for a
  // creation, 204 (no body) for a deletion, 404 / 400 / 422 for the client's mistakes (thrown,
  // see src/http/errors.ts). `npm test -- expenses` asserts every status and header exactly;
  // try them in requests.http.
  res.status(201).location(body.url).json(body);
});

expenseRouter.get('/:id', async (req, res) => {
  const expense = await findExpense(req.params.id);
  res.status(200).json(toJson(req, expense));
});

expenseRouter.put('/:id', async (req, res) => {
  const expense = await findExpense(req.params.id);
  const input = replaceExpenseSchema.parse(req.body);
  // Replace: a field left out goes back to its default rather than keeping its old value.
  expense.set({
    ...input,
    currency: CURRENCY,
    description: input.description ?? '',
    date: parseDay(input.date),
  });
  await expense.save();
  res.status(200).json(toJson(req, expense));
});

expenseRouter.patch('/:id', async (req, res) => {
  const expense = await findExpense(req.params.id);
  const { date, ...changes } = updateExpenseSchema.parse(req.body);
  expense.set(changes);
  if (date !== undefined) expense.date = parseDay(date);
  await expense.save();
  res.status(200).json(toJson(req, expense));
});

expenseRouter.delete('/:id', async (req, res) => {
  const expense = await findExpense(req.params.id);
  await expense.deleteOne();
  res.status(204).end();
});
