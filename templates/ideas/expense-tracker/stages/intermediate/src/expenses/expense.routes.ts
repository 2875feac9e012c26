// The roadmap.sh "Expense Tracker API": every route needs a logged-in user, and each user sees
// and changes only their own expenses. Each handler reads the already validated request, does
// one thing with the database and answers with the status code that says what happened. Errors
// are thrown, never answered here (src/http/errors.ts).
//
//   GET    /expenses                 200 { data, page, limit, total }; filters and sort below
//   POST   /expenses                 201 the expense; Location: its URL
//   GET    /expenses/summary         200 one month's totals per category (expense.summary.ts)
//   GET    /expenses/:id             200 the expense
//   PUT    /expenses/:id             200 the replaced expense
//   PATCH  /expenses/:id             200 the changed expense
//   DELETE /expenses/:id             204 (its receipt too)
//   POST   /expenses/:id/receipt     201 (or 200 when replacing) the receipt (multipart, field "receipt")
//   GET    /expenses/:id/receipt     200 the file itself, with its own Content-Type
//   DELETE /expenses/:id/receipt     204
//
// Every route: 401 without a valid token; 404 for an id that is not yours, unknown, or not an id.
import { Router, type Request, type RequestHandler } from 'express';
import type { Types } from 'mongoose';
import { assertCanAccess } from '../auth/ownership.js';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { validate } from '../http/validate.js';
import { alertIfOverBudget } from './expense.budget.js';
import { CURRENCY } from './expense.fields.js';
import { dateFilter } from './expense.filters.js';
import { ExpenseModel, type Expense, type ExpenseDocument } from './expense.model.js';
import { parseDay } from './expense.period.js';
import {
  deleteReceipt,
  readReceipt,
  receiptUpload,
  receiptUrl,
  saveReceipt,
  uploadedFile,
} from './expense.receipt.js';
import { reportRoutes } from './expense.reports.js';
import {
  createExpenseSchema,
  idParams,
  listExpensesQuery,
  replaceExpenseSchema,
  updateExpenseSchema,
} from './expense.schemas.js';
import { ReceiptModel } from './receipt.model.js';

export const expenseRouter = Router();

// Every route below needs a logged-in user. One line for the whole router, so a route added
// later cannot forget it; `requireAuth` answers 401 before any handler runs.
expenseRouter.use(requireAuth);

/** The fields clients see of an expense: the list reads only these (a projection). */
const EXPENSE_FIELDS = 'amountCents currency category description date receipt createdAt updatedAt';

/** What clients see of an expense, from a full document or a lean list row alike. */
function toJson(req: Request, expense: Omit<Expense, 'owner'> & { _id: Types.ObjectId }) {
  const url = resourceUrl(req, expense._id.toString());
  const { receipt } = expense;
  return {
    id: expense._id.toString(),
    amountCents: expense.amountCents,
    currency: expense.currency,
    category: expense.category,
    description: expense.description,
    date: expense.date.toISOString().slice(0, 10),
    receipt: receipt
      ? {
          filename: receipt.filename,
          contentType: receipt.contentType,
          size: receipt.size,
          uploadedAt: receipt.uploadedAt.toISOString(),
          url: receiptUrl(url),
        }
      : null,
    createdAt: expense.createdAt.toISOString(),
    updatedAt: expense.updatedAt.toISOString(),
    url,
  };
}

/**
 * The expense with this id, if the current user may touch it. Someone else's expense gets the
 * same 404 as one that does not exist: the API does not even confirm that the id is taken.
 */
async function findExpense(req: Request, id: string): Promise<ExpenseDocument> {
  const expense = await ExpenseModel.findById(id);
  if (!expense) throw notFound('No expense with this id');
  assertCanAccess(currentUser(req), expense.owner, { what: 'expense' });
  return expense;
}

const list = validate({ query: listExpensesQuery });
expenseRouter.get('/', list, async (req, res) => {
  const { category, period, from, to, ...page } = list.input(req).query;
  const date = dateFilter({ period, from, to }, new Date());
  // The owner filter comes from the token, never from the query string.
  const filter = {
    owner: currentUser(req).id,
    ...(category && { category }),
    ...(date && { date }),
  };
  const result = await paginate(ExpenseModel, filter, page, EXPENSE_FIELDS);
  res.status(200).json({ ...result, data: result.data.map((expense) => toJson(req, expense)) });
});

const create = validate({ body: createExpenseSchema });
expenseRouter.post('/', create, async (req, res) => {
  const { date, ...input } = create.input(req).body;
  const owner = currentUser(req).id;
  const expense = await ExpenseModel.create({
    ...input,
    currency: CURRENCY,
    date: parseDay(date),
    owner,
  });
  await alertIfOverBudget(req, owner, expense);
  const body = toJson(req, expense);
  // TODO(mistake:skipping-http-basics): still tempting with auth in place: `res.json(expense)`
  // (200) here, `res.status(200).json({ error: 'not yours' })` for someone else's expense, and a
  // 500 for a file that is too big. Clients then cannot tell "recorded" from "refused", nor "log
  // in again" (401) from "no such expense" (404) from "send a smaller file" (413). Say it with
  // the status: 201 + Location here, 204 for a deletion, 400, 401, 404, 413, 415, 422 thrown.
  // `npm test -- expenses expense-receipt` asserts each status and header exactly.
  res.status(201).location(body.url).json(body);
});

// Fixed paths (`/summary`, …) before `/:id`, or `summary` would be taken for an id.
for (const mount of reportRoutes) mount(expenseRouter);

const one = validate({ params: idParams });
expenseRouter.get('/:id', one, async (req, res) => {
  const expense = await findExpense(req, one.input(req).params.id);
  res.status(200).json(toJson(req, expense));
});

const replace = validate({ params: idParams, body: replaceExpenseSchema });
expenseRouter.put('/:id', replace, async (req, res) => {
  const { params, body } = replace.input(req);
  const expense = await findExpense(req, params.id);
  const previous = { date: expense.date, amountCents: expense.amountCents };
  // Replace: a field left out goes back to its default rather than keeping its old value.
  expense.set({ ...body, currency: CURRENCY, date: parseDay(body.date) });
  await expense.save();
  await alertIfOverBudget(req, expense.owner.toString(), expense, previous);
  res.status(200).json(toJson(req, expense));
});

const update = validate({ params: idParams, body: updateExpenseSchema });
expenseRouter.patch('/:id', update, async (req, res) => {
  const { params, body } = update.input(req);
  const { date, ...changes } = body;
  const expense = await findExpense(req, params.id);
  const previous = { date: expense.date, amountCents: expense.amountCents };
  expense.set(changes);
  if (date !== undefined) expense.date = parseDay(date);
  await expense.save();
  await alertIfOverBudget(req, expense.owner.toString(), expense, previous);
  res.status(200).json(toJson(req, expense));
});

expenseRouter.delete('/:id', one, async (req, res) => {
  const expense = await findExpense(req, one.input(req).params.id);
  // The receipt first: a receipt without its expense would be bytes nobody can reach.
  await ReceiptModel.deleteOne({ expense: expense._id });
  await expense.deleteOne();
  res.status(204).end();
});

// Checked in this order: the token (above), the id and the owner, then the file. An upload is
// read only for an expense the user may change.
const mayChange: RequestHandler = async (req, _res, next) => {
  await findExpense(req, one.input(req).params.id);
  next();
};
expenseRouter.post('/:id/receipt', one, mayChange, receiptUpload, async (req, res) => {
  const expense = await findExpense(req, one.input(req).params.id);
  const created = await saveReceipt(expense, uploadedFile(req));
  const body = toJson(req, expense).receipt;
  if (!body) throw new Error('saveReceipt() left the expense without a receipt');
  res
    .status(created ? 201 : 200)
    .location(body.url)
    .json(body);
});

expenseRouter.get('/:id/receipt', one, async (req, res) => {
  const expense = await findExpense(req, one.input(req).params.id);
  const receipt = await readReceipt(expense);
  // The type it was uploaded as (one of RECEIPT_TYPES), so a viewer opens it; `attachment` so a
  // browser downloads it instead of showing it as a page of this site, and `nosniff` so it is
  // never taken for another type (an "image" that is really HTML with a script).
  res
    .status(200)
    .type(receipt.contentType)
    .attachment(receipt.filename)
    .set('X-Content-Type-Options', 'nosniff')
    .set('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(receipt.data);
});

expenseRouter.delete('/:id/receipt', one, async (req, res) => {
  const expense = await findExpense(req, one.input(req).params.id);
  await deleteReceipt(expense);
  res.status(204).end();
});

const expenseErrors = { 401: 'No valid token', 404: 'No such expense of yours (or not an id)' };

describeRoutes(expenseRouter, {
  '/': {
    get: {
      summary: 'One page of your expenses, newest first, with period and category filters',
      auth: true,
      query: listExpensesQuery,
      responses: {
        200: '{ data, page, limit, total }',
        400: 'Invalid query',
        401: 'No valid token',
      },
    },
    post: {
      summary: 'Record an expense',
      auth: true,
      body: createExpenseSchema,
      responses: {
        201: 'The expense; Location: its URL',
        401: 'No valid token',
        422: 'Invalid body',
      },
    },
  },
  '/:id': {
    get: {
      summary: 'One expense',
      auth: true,
      responses: { 200: 'The expense', ...expenseErrors },
    },
    put: {
      summary: 'Replace every field of an expense',
      auth: true,
      body: replaceExpenseSchema,
      responses: { 200: 'The expense', ...expenseErrors, 422: 'Invalid body' },
    },
    patch: {
      summary: 'Change some fields of an expense',
      auth: true,
      body: updateExpenseSchema,
      responses: { 200: 'The expense', ...expenseErrors, 422: 'Invalid body' },
    },
    delete: {
      summary: 'Delete an expense and its receipt',
      auth: true,
      responses: { 204: 'Deleted', ...expenseErrors },
    },
  },
  '/:id/receipt': {
    post: {
      summary:
        'Upload the receipt (PNG, JPEG, WebP or PDF, at most 2 MB), replacing any earlier one',
      auth: true,
      file: 'receipt',
      responses: {
        200: 'The receipt replaced the earlier one; Location: its URL',
        201: 'The receipt; Location: its URL',
        ...expenseErrors,
        413: 'File too large',
        415: 'File type not allowed',
        422: 'No file',
      },
    },
    get: {
      summary: 'Download the receipt, with the type it was uploaded as',
      auth: true,
      responses: { 200: 'The file', ...expenseErrors, 404: 'No such expense, or no receipt' },
    },
    delete: {
      summary: 'Delete the receipt',
      auth: true,
      responses: { 204: 'Deleted', ...expenseErrors, 404: 'No such expense, or no receipt' },
    },
  },
});
