// The monthly summary ($match + $group + $sum in MongoDB) and the budget alert through the
// notifier's local fake, against a real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { crossedBudget } from '../src/expenses/expense.budget.js';
import { parseDay } from '../src/expenses/expense.period.js';
import { LocalNotifier, notifier, type Notification } from '../src/services/notifier.js';
import { useApi } from './api.js';
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

async function spend(user: TestUser, amountCents: number, category: string, date: string) {
  const res = await api()
    .post('/expenses')
    .set('Authorization', bearer(user))
    .send({ amountCents, category, date });
  expect(res.status).toBe(201);
  return new URL((res.body as { url: string }).url).pathname;
}

interface SummaryJson {
  month: string;
  categories: { category: string; totalCents: number; count: number }[];
  totalCents: number;
  count: number;
  overBudget: boolean;
}

async function summary(user: TestUser, query = ''): Promise<SummaryJson> {
  const res = await api().get(`/expenses/summary${query}`).set('Authorization', bearer(user));
  expect(res.status, res.text).toBe(200);
  return res.body as SummaryJson;
}

describe('GET /expenses/summary', () => {
  it('totals one month per category and in all, in cents, for the current user only', async () => {
    await spend(ann, 1250, 'groceries', '2025-03-01');
    await spend(ann, 4999, 'groceries', '2025-03-31');
    await spend(ann, 10, 'health', '2025-03-15');
    await spend(ann, 777, 'groceries', '2025-02-28');
    await spend(ann, 888, 'groceries', '2025-04-01');
    await spend(bob, 100_000, 'groceries', '2025-03-10');

    const march = await summary(ann, '?month=2025-03');
    expect(march).toMatchObject({ month: '2025-03', currency: 'EUR', totalCents: 6259, count: 3 });
    expect(march.categories.map((entry) => entry.category)).toEqual([
      'groceries',
      'leisure',
      'electronics',
      'utilities',
      'clothing',
      'health',
      'others',
    ]);
    expect(march.categories[0]).toEqual({
      category: 'groceries',
      name: 'Groceries',
      totalCents: 6249,
      count: 2,
    });
    expect(march.categories[5]).toMatchObject({ category: 'health', totalCents: 10, count: 1 });
    expect(march.categories[1]).toMatchObject({ totalCents: 0, count: 0 });
    expect((await summary(bob, '?month=2025-03')).totalCents).toBe(100_000);
    expect((await summary(ann, '?month=2024-03')).totalCents).toBe(0);
  });

  it('defaults to the current month', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await spend(ann, 500, 'others', today);
    expect(await summary(ann)).toMatchObject({ month: today.slice(0, 7), totalCents: 500 });
  });

  it('answers 400 for a month that is not YYYY-MM, or an unknown parameter', async () => {
    for (const query of ['?month=2025-13', '?month=2025-3', '?month=March', '?user=bob']) {
      const res = await api().get(`/expenses/summary${query}`).set('Authorization', bearer(ann));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('the budget alert', () => {
  const budget = config.monthlyBudgetCents;

  function alertsFor(month: string): Notification[] {
    expect(notifier).toBeInstanceOf(LocalNotifier);
    return (notifier as LocalNotifier).sent.filter(
      (sent) => sent.event === 'budget.exceeded' && sent.data.month === month,
    );
  }

  it('sends one budget.exceeded notification, from the write that passes the budget', async () => {
    const before = alertsFor('2025-05').length;
    await spend(ann, budget - 100, 'electronics', '2025-05-02');
    expect(alertsFor('2025-05')).toHaveLength(before);
    await spend(ann, 100, 'groceries', '2025-05-03');
    expect(alertsFor('2025-05')).toHaveLength(before);
    await spend(ann, 1, 'groceries', '2025-05-04');
    expect(alertsFor('2025-05')).toHaveLength(before + 1);
    expect(alertsFor('2025-05').at(-1)?.data).toMatchObject({
      month: '2025-05',
      totalCents: budget + 1,
      budgetCents: budget,
    });
    await spend(ann, 5000, 'groceries', '2025-05-05');
    expect(alertsFor('2025-05')).toHaveLength(before + 1);
    expect((await summary(ann, '?month=2025-05')).overBudget).toBe(true);
  });

  it('notices an update that moves an expense into a month and past its budget', async () => {
    const before = alertsFor('2025-07').length;
    await spend(ann, budget, 'leisure', '2025-07-01');
    const june = await spend(ann, 500, 'leisure', '2025-06-30');
    const res = await api()
      .patch(june)
      .set('Authorization', bearer(ann))
      .send({ date: '2025-07-02' });
    expect(res.status).toBe(200);
    expect(alertsFor('2025-07')).toHaveLength(before + 1);
  });

  it('crossedBudget(): within before the write, over after it', () => {
    const march = parseDay('2025-03-10');
    const april = parseDay('2025-04-10');
    const base = { month: '2025-03', budgetCents: 1000 };
    const written = { date: march, amountCents: 300 };
    expect(crossedBudget({ ...base, totalNow: 1100, written })).toBe(true);
    expect(crossedBudget({ ...base, totalNow: 1000, written })).toBe(false);
    expect(crossedBudget({ ...base, totalNow: 1400, written })).toBe(false);
    // An edit from 200 to 300 in the same month: the total was 1000 before, 1100 now.
    expect(
      crossedBudget({
        ...base,
        totalNow: 1100,
        written,
        previous: { date: march, amountCents: 200 },
      }),
    ).toBe(true);
    // Moved in from April: before the write, March did not have it at all.
    expect(
      crossedBudget({
        ...base,
        totalNow: 1100,
        written,
        previous: { date: april, amountCents: 300 },
      }),
    ).toBe(true);
  });
});
