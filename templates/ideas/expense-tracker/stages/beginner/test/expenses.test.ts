// The expense API, request by request, with exact status codes and headers: these tests are
// the guard for mistake:skipping-http-basics. They run against a real database; the date
// filters are checked with expenses dated relative to today, so they hold on any day.
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';
import { coffee, day } from './expense-days.js';

const api = useApi();

interface ExpenseJson {
  id: string;
  amountCents: number;
  currency: string;
  category: string;
  description: string;
  date: string;
  url: string;
}

async function createExpense(body: object): Promise<ExpenseJson> {
  const res = await api().post('/expenses').send(body);
  expect(res.status).toBe(201);
  return res.body as ExpenseJson;
}

async function list(query = ''): Promise<string[]> {
  const res = await api().get(`/expenses${query}`);
  expect(res.status, query).toBe(200);
  return (res.body as ExpenseJson[]).map((expense) => expense.description);
}

describe('the collection at /expenses', () => {
  it('starts empty', async () => {
    const res = await api().get('/expenses');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('creates an expense: 201, a Location header with its URL, and the expense in the body', async () => {
    const res = await api().post('/expenses').send(coffee);
    expect(res.status).toBe(201);
    const expense = res.body as ExpenseJson;
    expect(expense).toMatchObject({ ...coffee, currency: 'EUR' });
    expect(expense.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/expenses\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(expense.url);
    expect((await api().get(pathOf(expense.url))).body).toEqual(expense);
  });

  it('lists newest first and stores nothing it does not know', async () => {
    await createExpense({ ...coffee, description: 'older', date: day(-2) });
    await createExpense({ ...coffee, description: 'newer', owner: 'mallory', id: 'x' });
    const res = await api().get('/expenses');
    expect(res.status).toBe(200);
    expect((res.body as ExpenseJson[]).map((expense) => expense.description)).toEqual([
      'newer',
      'older',
    ]);
    expect((res.body as ExpenseJson[])[0]).not.toHaveProperty('owner');
  });
});

describe('list filters', () => {
  async function seed(): Promise<void> {
    await createExpense({ ...coffee, description: 'today', category: 'groceries' });
    await createExpense({ ...coffee, description: 'six days ago', date: day(-6) });
    await createExpense({ ...coffee, description: 'twenty days ago', date: day(-20) });
    await createExpense({ ...coffee, description: 'two months ago', date: day(-62) });
    await createExpense({ ...coffee, description: 'half a year ago', date: day(-183) });
  }

  it('?period= narrows to the past week, month or three months', async () => {
    await seed();
    expect(await list('?period=past-week')).toEqual(['today', 'six days ago']);
    expect(await list('?period=past-month')).toEqual(['today', 'six days ago', 'twenty days ago']);
    expect(await list('?period=last-3-months')).toEqual([
      'today',
      'six days ago',
      'twenty days ago',
      'two months ago',
    ]);
  });

  it('?from=&to= is a custom range with both days included, either end optional', async () => {
    await seed();
    expect(await list(`?from=${day(-20)}&to=${day(-6)}`)).toEqual([
      'six days ago',
      'twenty days ago',
    ]);
    expect(await list(`?from=${day(-6)}&to=${day(-6)}`)).toEqual(['six days ago']);
    expect(await list(`?to=${day(-62)}`)).toEqual(['two months ago', 'half a year ago']);
  });

  it('?category= narrows by category, and combines with a period', async () => {
    await seed();
    expect(await list('?category=groceries')).toEqual(['today']);
    expect(await list('?category=leisure&period=past-week')).toEqual(['six days ago']);
    expect(await list('?category=health')).toEqual([]);
  });

  it('answers 400 with the parameter at fault for a query that makes no sense', async () => {
    const cases: [string, string][] = [
      [`?from=${day(0)}&to=${day(-1)}`, 'from'],
      ['?period=yesterday', 'period'],
      ['?period=past-week&from=2025-01-01', 'period'],
      ['?from=2025-13-01', 'from'],
      ['?to=01/02/2025', 'to'],
      ['?category=food', 'category'],
    ];
    for (const [query, path] of cases) {
      const res = await api().get(`/expenses${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({
        error: { status: 400, code: 'invalid_query', details: [{ path }] },
      });
    }
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault for each broken rule', async () => {
    const cases: [object, string][] = [
      [{ ...coffee, amountCents: 3.5 }, 'amountCents'],
      [{ ...coffee, amountCents: '350' }, 'amountCents'],
      [{ ...coffee, amountCents: 0 }, 'amountCents'],
      [{ ...coffee, amountCents: -100 }, 'amountCents'],
      [{ ...coffee, category: 'Groceries' }, 'category'],
      [{ ...coffee, currency: 'USD' }, 'currency'],
      [{ ...coffee, date: '2025-02-30' }, 'date'],
      [{ ...coffee, date: undefined }, 'date'],
      [{ ...coffee, description: 'x'.repeat(201) }, 'description'],
    ];
    for (const [body, path] of cases) {
      const res = await api().post('/expenses').send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({
        error: { status: 422, code: 'validation_failed', details: [{ path }] },
      });
    }
    expect((await api().get('/expenses')).body).toEqual([]);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await api()
      .post('/expenses')
      .set('Content-Type', 'application/json')
      .send('{"amountCents": 350');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_json' } });
  });
});

describe('one expense at its URL', () => {
  it('changes some fields with PATCH, leaving the others alone', async () => {
    const expense = await createExpense(coffee);
    const res = await api()
      .patch(pathOf(expense.url))
      .send({ amountCents: 420, date: day(-1) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...expense, amountCents: 420, date: day(-1) });
    expect((await api().get(pathOf(expense.url))).body).toEqual(res.body);
  });

  it('replaces every field with PUT: what is left out goes back to its default', async () => {
    const expense = await createExpense(coffee);
    const replacement = { amountCents: 8999, category: 'electronics', date: day(-3) };
    const res = await api().put(pathOf(expense.url)).send(replacement);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...expense, ...replacement, description: '' });
  });

  it('answers 422 to a PATCH that changes nothing it knows, to a bad value, and to an incomplete PUT', async () => {
    const expense = await createExpense(coffee);
    for (const body of [{}, { colour: 'blue' }, { amountCents: 1.5 }, { category: 'food' }]) {
      const res = await api().patch(pathOf(expense.url)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const put = await api().put(pathOf(expense.url)).send({ amountCents: 100 });
    expect(put.status).toBe(422);
    expect((await api().get(pathOf(expense.url))).body).toEqual(expense);
  });

  it('deletes it with DELETE: 204 and no body, then it is gone (404)', async () => {
    const expense = await createExpense(coffee);
    const res = await api().delete(pathOf(expense.url));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(pathOf(expense.url))).status).toBe(404);
    expect((await api().delete(pathOf(expense.url))).status).toBe(404);
  });
});

describe('ids that name no expense', () => {
  for (const path of ['/expenses/000000000000000000000000', '/expenses/not-an-id']) {
    it(`answers 404 with the JSON error body for GET, PUT, PATCH and DELETE ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().put(path).send(coffee),
        await api().patch(path).send({ amountCents: 1 }),
        await api().delete(path),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }
});
