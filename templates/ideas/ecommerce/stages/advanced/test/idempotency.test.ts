// Idempotency keys on checkout (src/shop/idempotency.ts): a retry with the same key replays the
// first answer and orders nothing, a different body with the same key is a 422, identical
// requests at the same moment make one order, and a key is only ever its own user's.
import { describe, expect, it, vi } from 'vitest';
import { paymentProvider } from '../src/payments/payment-provider.js';
import { IdempotencyKeyModel } from '../src/shop/idempotency.js';
import { OrderModel } from '../src/shop/order.model.js';
import { useApi } from './api.js';
import {
  addToCart,
  createAdmin,
  createProduct,
  createUser,
  stockOf,
  type OrderJson,
} from './shop.js';
import { bearer, type TestUser } from './users.js';

const api = useApi();

async function shopperWithCart(stock = 5) {
  const admin = await createAdmin();
  const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock });
  const ann = await createUser('Ann');
  await addToCart(api, ann, mug.id, 1);
  return { ann, mug };
}

function placeOrder(
  user: TestUser,
  key: string | undefined,
  body: object = { expectedTotalCents: 1000 },
) {
  const req = api().post('/orders').set('Authorization', bearer(user));
  return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
}

describe('an Idempotency-Key on checkout', () => {
  it('replays the first answer to a retry with the same key, and orders once', async () => {
    const { ann, mug } = await shopperWithCart();
    const first = await placeOrder(ann, 'order-1');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await placeOrder(ann, 'order-1');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body).toEqual(first.body);
    expect(await OrderModel.countDocuments()).toBe(1);
    expect(await stockOf(api, mug.id)).toBe(4);
  });

  it('answers 422 to the same key with a different body', async () => {
    const { ann } = await shopperWithCart();
    expect((await placeOrder(ann, 'order-2')).status).toBe(201);
    const other = await placeOrder(ann, 'order-2', { expectedTotalCents: 2000 });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency_key_reused' } });
  });

  it('makes one order from identical requests sent at the same moment', async () => {
    const { ann, mug } = await shopperWithCart();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(ann, 'same-time')),
    );
    const created = answers.filter((res) => res.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // The others were either told to retry (409, the first was still running) or got its answer.
    for (const res of answers.filter((answer) => answer.status !== 201)) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'idempotency_request_in_progress' } });
    }
    expect(new Set(created.map((res) => (res.body as OrderJson).id)).size).toBe(1);
    expect(await OrderModel.countDocuments()).toBe(1);
    expect(await stockOf(api, mug.id)).toBe(4);
  });

  it('is scoped to its user: Bob reusing Ann’s key gets his own order, never hers', async () => {
    const { ann, mug } = await shopperWithCart();
    const hers = await placeOrder(ann, 'shared-key');
    const bob = await createUser('Bob');
    await addToCart(api, bob, mug.id, 1);
    const his = await placeOrder(bob, 'shared-key');
    expect(his.status).toBe(201);
    expect(his.headers['idempotent-replayed']).toBeUndefined();
    expect((his.body as OrderJson).id).not.toBe((hers.body as OrderJson).id);
  });

  it('does not keep a server error: a retry after a 502 really retries', async () => {
    const { ann } = await shopperWithCart();
    vi.spyOn(paymentProvider, 'createPayment').mockRejectedValueOnce(new Error('provider down'));
    expect((await placeOrder(ann, 'after-error')).status).toBe(502);
    const retry = await placeOrder(ann, 'after-error');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('treats an expired key as new, and stores every key with an expiry', async () => {
    const { ann } = await shopperWithCart(10);
    expect((await placeOrder(ann, 'old')).status).toBe(201);
    const stored = await IdempotencyKeyModel.findOne();
    expect(stored?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await IdempotencyKeyModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const mug = (await api().get('/products')).body as { data: { id: string }[] };
    await addToCart(api, ann, mug.data[0]?.id ?? '', 1);
    const again = await placeOrder(ann, 'old');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await OrderModel.countDocuments()).toBe(2);
  });

  it('answers 400 to a malformed key, and works as before without one', async () => {
    const { ann } = await shopperWithCart();
    for (const key of ['', 'with space', 'x'.repeat(256)]) {
      const res = await placeOrder(ann, key);
      expect(res.status, JSON.stringify(key)).toBe(400);
    }
    expect((await placeOrder(ann, undefined)).status).toBe(201);
  });
});
