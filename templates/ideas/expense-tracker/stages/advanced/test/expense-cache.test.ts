// The monthly summary behind Redis (src/expenses/expense.cache.ts), through real HTTP requests,
// a real MongoDB and a real Redis: a repeated read is a HIT, every write of the user is seen by
// the next read, and a cached summary is only ever its owner's.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

// Two users for the whole file (argon2 is slow on purpose); their tokens stay valid when
// test/setup.ts empties the collections between tests.
let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

const MARCH = '/expenses/summary?month=2025-03';

async function spend(user: TestUser, amountCents: number, date = '2025-03-14') {
  const res = await api()
    .post('/expenses')
    .set('Authorization', bearer(user))
    .send({ amountCents, category: 'groceries', date });
  expect(res.status).toBe(201);
  return new URL((res.body as { url: string }).url).pathname;
}

const get = (user: TestUser, path: string) => api().get(path).set('Authorization', bearer(user));

async function total(user: TestUser, path = MARCH) {
  const res = await get(user, path);
  expect(res.status).toBe(200);
  return {
    cache: res.headers['x-cache'],
    totalCents: (res.body as { totalCents: number }).totalCents,
  };
}

describe('the summary through the cache', () => {
  it('answers a repeated summary from Redis (MISS, then HIT) with the same body', async () => {
    await spend(ann, 1250);
    const first = await get(ann, MARCH);
    const second = await get(ann, MARCH);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
  });

  it('caches each month on its own, and the default month under its name', async () => {
    await spend(ann, 100);
    expect((await total(ann)).cache).toBe('MISS');
    expect((await total(ann, '/expenses/summary?month=2025-04')).cache).toBe('MISS');
    expect((await total(ann)).cache).toBe('HIT');
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect((await total(ann, '/expenses/summary')).cache).toBe('MISS');
    expect((await total(ann, `/expenses/summary?month=${thisMonth}`)).cache).toBe('HIT');
  });

  it('never caches an invalid query or a request without a token', async () => {
    const bad = await get(ann, '/expenses/summary?month=2025-13');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-cache']).toBeUndefined();
    const anonymous = await api().get(MARCH);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['x-cache']).toBeUndefined();
  });
});

describe('every write invalidates the writer’s summaries', () => {
  it('POST, PATCH, PUT and DELETE: the next summary is a MISS with the new totals', async () => {
    const path = await spend(ann, 1000);
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 1000 });
    expect(await total(ann)).toEqual({ cache: 'HIT', totalCents: 1000 });

    await spend(ann, 500);
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 1500 });

    const patched = await api()
      .patch(path)
      .set('Authorization', bearer(ann))
      .send({ amountCents: 2000 });
    expect(patched.status).toBe(200);
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 2500 });

    // Moving an expense to another month changes both months.
    await total(ann, '/expenses/summary?month=2025-04');
    const moved = await api()
      .put(path)
      .set('Authorization', bearer(ann))
      .send({ amountCents: 2000, category: 'leisure', date: '2025-04-01' });
    expect(moved.status).toBe(200);
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 500 });
    expect(await total(ann, '/expenses/summary?month=2025-04')).toEqual({
      cache: 'MISS',
      totalCents: 2000,
    });

    expect((await api().delete(path).set('Authorization', bearer(ann))).status).toBe(204);
    expect(await total(ann, '/expenses/summary?month=2025-04')).toEqual({
      cache: 'MISS',
      totalCents: 0,
    });
  });

  it('a write of one user leaves the other user’s cached summary alone', async () => {
    await spend(ann, 100);
    await spend(bob, 700);
    await total(ann);
    await total(bob);
    await spend(ann, 100);
    expect(await total(bob)).toEqual({ cache: 'HIT', totalCents: 700 });
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 200 });
  });
});

describe('security through the cache', () => {
  it('never serves a cached summary to another user', async () => {
    await spend(ann, 99_00);
    expect(await total(ann)).toEqual({ cache: 'MISS', totalCents: 9900 });
    expect(await total(ann)).toEqual({ cache: 'HIT', totalCents: 9900 });
    // Same URL, another token: Bob's own (empty) month, computed for him.
    expect(await total(bob)).toEqual({ cache: 'MISS', totalCents: 0 });
    expect(await total(bob)).toEqual({ cache: 'HIT', totalCents: 0 });
  });

  it('another user’s expense is still a 404 on every route, with the cache in front', async () => {
    const path = await spend(ann, 100);
    for (const res of [
      await get(bob, path),
      await api().patch(path).set('Authorization', bearer(bob)).send({ amountCents: 1 }),
      await api().delete(path).set('Authorization', bearer(bob)),
      await get(bob, `${path}/receipt`),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await get(ann, path)).body).toMatchObject({ amountCents: 100 });
  });

  it('sends the security headers, a request id and the rate-limit policy on /expenses', async () => {
    const res = await get(ann, MARCH);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.headers['ratelimit-policy']).toMatch(/q=\d+/);
  });
});
