// The expense API, request by request, with exact status codes and headers, against a real
// database: every route needs a token, each user sees only their own expenses (someone else's
// is a 404, exactly like one that does not exist), lists come in pages, and invalid input is
// refused before it reaches MongoDB. The date filters use days relative to today, so the tests
// hold on any day.
import { beforeAll, describe, expect, it } from 'vitest';
import { ExpenseModel } from '../src/expenses/expense.model.js';
import { pathOf, useApi } from './api.js';
import { coffee, day } from './expense-days.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

// Two users for the whole file: registering hashes a password (argon2 is slow on purpose), and
// their tokens stay valid when test/setup.ts empties the collections between tests, because
// requireAuth checks the token's signature, not the database.
let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

interface ExpenseJson {
  id: string;
  amountCents: number;
  currency: string;
  category: string;
  description: string;
  date: string;
  receipt: unknown;
  url: string;
}

interface PageJson {
  data: ExpenseJson[];
  page: number;
  limit: number;
  total: number;
}

async function createExpense(user: TestUser, body: object = coffee): Promise<ExpenseJson> {
  const res = await api().post('/expenses').set('Authorization', bearer(user)).send(body);
  expect(res.status, res.text).toBe(201);
  return res.body as ExpenseJson;
}

const as = (user: TestUser) => ({
  get: (path: string) => api().get(path).set('Authorization', bearer(user)),
  post: (path: string) => api().post(path).set('Authorization', bearer(user)),
  put: (path: string) => api().put(path).set('Authorization', bearer(user)),
  patch: (path: string) => api().patch(path).set('Authorization', bearer(user)),
  delete: (path: string) => api().delete(path).set('Authorization', bearer(user)),
});

async function descriptions(user: TestUser, query = ''): Promise<string[]> {
  const res = await as(user).get(`/expenses${query}`);
  expect(res.status, query).toBe(200);
  return (res.body as PageJson).data.map((expense) => expense.description);
}

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate on every route without a valid token', async () => {
    const id = '665f1f77bcf86cd799439011';
    for (const res of [
      await api().get('/expenses'),
      await api().post('/expenses').send(coffee),
      await api().get('/expenses/summary'),
      await api().get(`/expenses/${id}`),
      await api().get(`/expenses/${id}`).set('Authorization', 'Bearer not.a.token'),
      await api().delete(`/expenses/${id}`),
      await api().get(`/expenses/${id}/receipt`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ error: { status: 401, code: 'unauthorized' } });
    }
  });
});

describe('the collection at /expenses', () => {
  it('creates an expense: 201, a Location header with its URL, the owner from the token', async () => {
    const res = await as(ann).post('/expenses').send(coffee);
    expect(res.status).toBe(201);
    const expense = res.body as ExpenseJson;
    expect(expense).toMatchObject({ ...coffee, currency: 'EUR', receipt: null });
    expect(expense.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/expenses\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(expense.url);
    expect(expense).not.toHaveProperty('owner');
    expect((await as(ann).get(pathOf(expense.url))).body).toEqual(expense);
  });

  it('answers one page at a time, newest first: { data, page, limit, total }', async () => {
    for (let days = 0; days < 12; days += 1) {
      await createExpense(ann, { ...coffee, description: `day ${days}`, date: day(-days) });
    }
    const res = await as(ann).get('/expenses?page=2&limit=5');
    expect(res.status).toBe(200);
    const page = res.body as PageJson;
    expect(page).toMatchObject({ page: 2, limit: 5, total: 12 });
    expect(page.data.map((expense) => expense.description)).toEqual([
      'day 5',
      'day 6',
      'day 7',
      'day 8',
      'day 9',
    ]);
    expect((await as(ann).get('/expenses')).body).toMatchObject({ page: 1, limit: 10, total: 12 });
  });

  it('sorts on the whitelisted fields only', async () => {
    await createExpense(ann, { ...coffee, amountCents: 200, description: 'small' });
    await createExpense(ann, { ...coffee, amountCents: 9000, description: 'big' });
    await createExpense(ann, { ...coffee, amountCents: 700, description: 'medium' });
    expect(await descriptions(ann, '?sort=-amountCents')).toEqual(['big', 'medium', 'small']);
    expect(await descriptions(ann, '?sort=amountCents')).toEqual(['small', 'medium', 'big']);
    for (const query of ['?sort=owner', '?sort=description', '?limit=101', '?page=0']) {
      const res = await as(ann).get(`/expenses${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_query' } });
    }
  });

  it('lists only your own expenses', async () => {
    await createExpense(ann, { ...coffee, description: 'ann' });
    await createExpense(bob, { ...coffee, description: 'bob' });
    expect(await descriptions(ann)).toEqual(['ann']);
    expect(await descriptions(bob)).toEqual(['bob']);
    // The owner cannot be chosen by the client: not in the body, not in the query.
    const res = await as(bob).get('/expenses?owner=somebody');
    expect(res.status).toBe(400);
  });
});

describe('list filters', () => {
  async function seed(user: TestUser): Promise<void> {
    await createExpense(user, { ...coffee, description: 'today', category: 'groceries' });
    await createExpense(user, { ...coffee, description: 'six days ago', date: day(-6) });
    await createExpense(user, { ...coffee, description: 'twenty days ago', date: day(-20) });
    await createExpense(user, { ...coffee, description: 'two months ago', date: day(-62) });
    await createExpense(user, { ...coffee, description: 'half a year ago', date: day(-183) });
  }

  it('?period= narrows to the past week, month or three months', async () => {
    await seed(ann);
    expect(await descriptions(ann, '?period=past-week')).toEqual(['today', 'six days ago']);
    expect(await descriptions(ann, '?period=past-month')).toEqual([
      'today',
      'six days ago',
      'twenty days ago',
    ]);
    expect(await descriptions(ann, '?period=last-3-months')).toHaveLength(4);
  });

  it('?from=&to= is a custom range with both days included; ?category= combines with it', async () => {
    await seed(ann);
    expect(await descriptions(ann, `?from=${day(-20)}&to=${day(-6)}`)).toEqual([
      'six days ago',
      'twenty days ago',
    ]);
    expect(await descriptions(ann, `?to=${day(-62)}`)).toEqual([
      'two months ago',
      'half a year ago',
    ]);
    expect(await descriptions(ann, '?category=groceries')).toEqual(['today']);
    expect(await descriptions(ann, '?category=leisure&period=past-week')).toEqual(['six days ago']);
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
      const res = await as(ann).get(`/expenses${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({
        error: { status: 400, code: 'invalid_query', details: [{ path }] },
      });
    }
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault for each broken rule, and stores nothing', async () => {
    const cases: [object, string][] = [
      [{ ...coffee, amountCents: 3.5 }, 'amountCents'],
      [{ ...coffee, amountCents: '350' }, 'amountCents'],
      [{ ...coffee, amountCents: 0 }, 'amountCents'],
      [{ ...coffee, amountCents: -100 }, 'amountCents'],
      [{ ...coffee, amountCents: 1e15 }, 'amountCents'],
      [{ ...coffee, category: 'Groceries' }, 'category'],
      [{ ...coffee, currency: 'USD' }, 'currency'],
      [{ ...coffee, date: '2025-02-30' }, 'date'],
      [{ ...coffee, date: undefined }, 'date'],
      [{ ...coffee, description: 'x'.repeat(201) }, 'description'],
      [{ ...coffee, owner: '665f1f77bcf86cd799439011' }, 'owner'],
      [{ ...coffee, receipt: { filename: 'x.png' } }, 'receipt'],
    ];
    for (const [body, path] of cases) {
      const res = await as(ann).post('/expenses').send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({
        error: { status: 422, code: 'validation_failed', details: [{ path }] },
      });
    }
    expect(await ExpenseModel.countDocuments()).toBe(0);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await as(ann)
      .post('/expenses')
      .set('Content-Type', 'application/json')
      .send('{"amountCents": 350');
    expect(res.status).toBe(400);
  });
});

describe('one expense at its URL', () => {
  it('changes some fields with PATCH, replaces all with PUT, deletes with DELETE', async () => {
    const expense = await createExpense(ann);
    const path = pathOf(expense.url);

    const patched = await as(ann)
      .patch(path)
      .send({ amountCents: 420, date: day(-1) });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...coffee, amountCents: 420, date: day(-1) });

    const replaced = await as(ann)
      .put(path)
      .send({ amountCents: 8999, category: 'electronics', date: day(-3) });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      amountCents: 8999,
      category: 'electronics',
      description: '',
    });

    for (const body of [{}, { colour: 'blue' }, { amountCents: 1.5 }]) {
      expect((await as(ann).patch(path).send(body)).status, JSON.stringify(body)).toBe(422);
    }
    expect((await as(ann).put(path).send({ amountCents: 100 })).status).toBe(422);

    const deleted = await as(ann).delete(path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await as(ann).get(path)).status).toBe(404);
    expect((await as(ann).delete(path)).status).toBe(404);
  });

  it('answers 404 for an unknown id and for something that is not an id', async () => {
    for (const path of ['/expenses/000000000000000000000000', '/expenses/not-an-id']) {
      for (const res of [
        await as(ann).get(path),
        await as(ann).put(path).send(coffee),
        await as(ann).patch(path).send({ amountCents: 1 }),
        await as(ann).delete(path),
      ]) {
        expect(res.status, path).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    }
  });
});

describe("another user's expense", () => {
  it('is a 404 on every route, exactly like an expense that does not exist, and stays unchanged', async () => {
    const expense = await createExpense(ann);
    const path = pathOf(expense.url);
    const calls = [
      () => as(bob).get(path),
      () => as(bob).put(path).send(coffee),
      () => as(bob).patch(path).send({ amountCents: 1 }),
      () => as(bob).delete(path),
      () => as(bob).get(`${path}/receipt`),
      () => as(bob).delete(`${path}/receipt`),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
    }
    expect((await as(ann).get(path)).body).toEqual(expense);
  });
});

describe('indexes', () => {
  it('declares the owner-first compound indexes the list and the summary use', () => {
    const declared = ExpenseModel.schema.indexes().map(([fields]) => fields);
    expect(declared).toContainEqual({ owner: 1, date: -1, _id: -1 });
    expect(declared).toContainEqual({ owner: 1, category: 1, date: -1 });
  });
});
