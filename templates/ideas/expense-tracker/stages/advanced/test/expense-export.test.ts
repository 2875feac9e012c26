// GET /expenses/export.csv (src/expenses/expense.export.ts) and the CSV rules behind it
// (src/expenses/expense.csv.ts): many rows streamed from a cursor, the list's filters, only the
// owner's rows, and cells that are safe to open in a spreadsheet.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvLine, expenseLine, formatCents } from '../src/expenses/expense.csv.js';
import { ExpenseModel } from '../src/expenses/expense.model.js';
import { addDays, parseDay, startOfDay } from '../src/expenses/expense.period.js';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

/** The user id inside a token (its `sub` claim). */
function idOf(user: TestUser): Types.ObjectId {
  const payload = JSON.parse(
    Buffer.from(user.token.split('.')[1] ?? '', 'base64url').toString(),
  ) as { sub: string };
  return new Types.ObjectId(payload.sub);
}

function exportCsv(user: TestUser, query = '') {
  return api()
    .get(`/expenses/export.csv${query}`)
    .set('Authorization', bearer(user))
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
}

function lines(body: unknown): string[] {
  return (body as string).split('\r\n').filter((line) => line !== '');
}

describe('csvCell()', () => {
  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tTAB')).toBe("'\tTAB");
    expect(csvCell('coffee = 3.50')).toBe('coffee = 3.50');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('milk, eggs')).toBe('"milk, eggs"');
    expect(csvCell('the "good" one')).toBe('"the ""good"" one"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('writes amounts with integer arithmetic only', () => {
    expect(formatCents(1250)).toBe('12.50');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(1_000_000_000)).toBe('10000000.00');
    expect(
      expenseLine({
        date: parseDay('2025-03-14'),
        category: 'groceries',
        amountCents: 1999,
        currency: 'EUR',
        description: '-1 discount, "bio"',
      }),
    ).toBe('2025-03-14,groceries,1999,19.99,EUR,"\'-1 discount, ""bio"""\r\n');
  });
});

describe('GET /expenses/export.csv', () => {
  it('streams thousands of rows as a CSV download, only the owner’s, newest first', async () => {
    const rows = 3000;
    const today = startOfDay(new Date());
    await ExpenseModel.insertMany(
      Array.from({ length: rows }, (_, index) => ({
        owner: idOf(ann),
        amountCents: index + 1,
        category: 'groceries',
        description: `row ${index}`,
        date: addDays(today, -(index % 365)),
      })),
    );
    await ExpenseModel.create({
      owner: idOf(bob),
      amountCents: 4242,
      category: 'leisure',
      description: 'bob only',
      date: today,
    });

    const res = await exportCsv(ann);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?expenses-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    // Streamed: no Content-Length known in advance, the body comes in chunks.
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();

    const all = lines(res.body);
    expect(all[0]).toBe('date,category,amountCents,amount,currency,description');
    expect(all).toHaveLength(rows + 1);
    expect(all.some((line) => line.includes('bob only'))).toBe(false);
    expect(all[1]).toMatch(/^\d{4}-\d{2}-\d{2},groceries,\d+,\d+\.\d{2},EUR,row \d+$/);
    const dates = all.slice(1).map((line) => line.slice(0, 10));
    expect(dates).toEqual([...dates].sort().reverse());
  }, 120_000);

  it('applies the list filters, and writes hostile descriptions as plain text', async () => {
    const post = (body: object) =>
      api()
        .post('/expenses')
        .set('Authorization', bearer(ann))
        .send({ amountCents: 100, category: 'leisure', date: '2025-03-14', ...body });
    expect((await post({ description: '=HYPERLINK("https://evil.example")' })).status).toBe(201);
    expect((await post({ description: 'in April', date: '2025-04-02' })).status).toBe(201);
    expect((await post({ description: 'health', category: 'health' })).status).toBe(201);

    const march = lines((await exportCsv(ann, '?from=2025-03-01&to=2025-03-31')).body);
    expect(march).toHaveLength(3);
    expect(march).toContain(
      '2025-03-14,leisure,100,1.00,EUR,"\'=HYPERLINK(""https://evil.example"")"',
    );
    const health = lines((await exportCsv(ann, '?category=health')).body);
    expect(health).toEqual([
      'date,category,amountCents,amount,currency,description',
      '2025-03-14,health,100,1.00,EUR,health',
    ]);
  });

  it('answers 400 for a query that makes no sense and 401 without a token', async () => {
    for (const query of ['?from=2025-03-31&to=2025-03-01', '?period=yesterday', '?page=2']) {
      const res = await api().get(`/expenses/export.csv${query}`).set('Authorization', bearer(ann));
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect((await api().get('/expenses/export.csv')).status).toBe(401);
  });
});
