// GET /expenses/export.csv: every expense of the user that matches the list's filters
// (`period`, `from`/`to`, `category`), as a CSV file to open in a spreadsheet.
//
// Streamed: rows leave MongoDB through a cursor, a batch at a time, and each one is written to
// the response as soon as it is read. Memory stays flat whether the user has ten expenses or a
// million, and the first bytes reach the client at once. `pipeline()` carries the backpressure:
// when the client reads slowly, the response's buffer fills, `pipeline` stops pulling rows, and
// the cursor stops fetching batches until the buffer drains. A client that goes away stops it
// all and closes the cursor.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { currentUser } from '../auth/require-auth.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { CSV_HEADER, csvLine, expenseLine, type CsvExpense } from './expense.csv.js';
import { dateFilter, periodFilters, withValidRange } from './expense.filters.js';
import { ExpenseModel } from './expense.model.js';

/** The list's filters, without pages: the export is every matching expense. */
export const exportQuery = withValidRange(z.strictObject(periodFilters));

/** How many rows MongoDB sends per round trip. */
const BATCH_SIZE = 500;

async function* csvLines(req: Request, filter: object): AsyncGenerator<string> {
  yield csvLine(CSV_HEADER);
  // TODO(mistake:overengineering): the tempting version for "export" is a job queue: a worker
  // that builds the file in the background, stores it in object storage and emails a link, "so
  // big exports scale". For one database and files of a few megabytes that is three more
  // systems to run and watch, and a feature that fails silently when any of them does. A
  // cursor streamed into the response does the same work in one request, with flat memory.
  // Reach for a queue when an export takes minutes or needs data from several services (see
  // docs/adr/0001-modular-monolith.md). The guards: `npm test -- expense-export` (thousands of
  // rows, streamed) and `npm test -- architecture`.
  const cursor = ExpenseModel.find(filter)
    .select('date category amountCents currency description')
    .sort({ date: -1, _id: -1 })
    .lean<CsvExpense[]>()
    .cursor({ batchSize: BATCH_SIZE });
  // Leaving this loop early (the client went away) closes the cursor.
  for await (const expense of cursor) {
    yield expenseLine(expense);
  }
  req.log.debug('CSV export finished');
}

/** Adds the route to the expense router (see expense.reports.ts). */
export function mountCsvExport(router: Router): void {
  const csvExport = validate({ query: exportQuery });
  router.get('/export.csv', csvExport, async (req, res) => {
    const { category, period, from, to } = csvExport.input(req).query;
    const date = dateFilter({ period, from, to }, new Date());
    // The owner filter comes from the token, never from the query string.
    const filter = {
      owner: currentUser(req).id,
      ...(category && { category }),
      ...(date && { date }),
    };
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`expenses-${new Date().toISOString().slice(0, 10)}.csv`)
      // A file of someone's spending: never kept by a shared cache or the browser.
      .set('Cache-Control', 'no-store');
    try {
      await pipeline(Readable.from(csvLines(req, filter)), res);
    } catch (error) {
      // The client closed the connection half-way: nothing left to answer, nothing broken.
      if (res.destroyed && !res.writableFinished) {
        req.log.info('CSV export stopped: the client went away');
        return;
      }
      throw error;
    }
  });

  describeRoutes(router, {
    '/export.csv': {
      get: {
        summary: 'Your expenses matching the list filters, as a CSV file (streamed)',
        auth: true,
        query: exportQuery,
        responses: {
          200: 'text/csv: date, category, amountCents, amount, currency, description',
          400: 'Invalid query',
          401: 'No valid token',
        },
      },
    },
  });
}
