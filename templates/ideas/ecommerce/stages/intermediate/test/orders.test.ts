// Orders: each user sees only their own (another user's order is a 404, OWASP API1), and an
// order keeps the name and price it was bought at. With test/indexes.test.ts, the guard for
// mistake:poor-schema-design in src/shop/order.model.ts.
import { describe, expect, it } from 'vitest';
import { OrderModel } from '../src/shop/order.model.js';
import { useApi } from './api.js';
import {
  addToCart,
  checkoutCart,
  createAdmin,
  createProduct,
  createUser,
  type OrderJson,
} from './shop.js';
import { bearer } from './users.js';

const api = useApi();

interface Page {
  data: OrderJson[];
  total: number;
}

async function placeOrder(user: Parameters<typeof addToCart>[1], productId: string) {
  await addToCart(api, user, productId, 1);
  const res = await checkoutCart(api, user);
  expect(res.status).toBe(201);
  return res.body as OrderJson;
}

describe('orders', () => {
  it('lists only your own orders, newest first, and shows one by id', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 10 });
    const ann = await createUser('Ann');
    const bob = await createUser('Bob');
    const first = await placeOrder(ann, mug.id);
    const second = await placeOrder(ann, mug.id);
    await placeOrder(bob, mug.id);

    const res = await api().get('/orders').set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    const page = res.body as Page;
    expect(page.total).toBe(2);
    expect(page.data.map((order) => order.id)).toEqual([second.id, first.id]);
    expect(page.data[0]).toEqual(second);

    const one = await api().get(new URL(first.url).pathname).set('Authorization', bearer(ann));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(first);
    const pending = await api().get('/orders?status=paid').set('Authorization', bearer(ann));
    expect((pending.body as Page).total).toBe(0);
  });

  it('answers 404 to another user asking for your order, exactly as for an unknown id', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 10 });
    const ann = await createUser('Ann');
    const bob = await createUser('Bob');
    const order = await placeOrder(ann, mug.id);
    const path = new URL(order.url).pathname;

    const asBob = await api().get(path).set('Authorization', bearer(bob));
    expect(asBob.status).toBe(404);
    expect(asBob.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
    for (const other of ['/orders/000000000000000000000000', '/orders/not-an-id']) {
      expect((await api().get(other).set('Authorization', bearer(bob))).status).toBe(404);
    }
    expect((await api().get(path)).status).toBe(401);
    // An admin may look at any order (customer support).
    expect((await api().get(path).set('Authorization', bearer(admin))).status).toBe(200);
  });

  it('keeps the name and price it was bought at when the product changes or is deleted', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 10 });
    const ann = await createUser('Ann');
    const order = await placeOrder(ann, mug.id);
    await api()
      .patch(`/products/${mug.id}`)
      .set('Authorization', bearer(admin))
      .send({ name: 'Big mug', priceCents: 9900 });
    const path = new URL(order.url).pathname;
    expect((await api().get(path).set('Authorization', bearer(ann))).body).toEqual(order);

    await api().delete(`/products/${mug.id}`).set('Authorization', bearer(admin));
    expect((await api().get(path).set('Authorization', bearer(ann))).body).toMatchObject({
      totalCents: 1000,
      lines: [{ name: 'Mug', priceCents: 1000, quantity: 1 }],
    });
  });

  it('indexes what its reads use: owner + createdAt, and a unique paymentId', () => {
    const indexes = OrderModel.schema.indexes();
    expect(indexes).toContainEqual([{ owner: 1, createdAt: -1, _id: -1 }, expect.anything()]);
    expect(indexes).toContainEqual([{ paymentId: 1 }, expect.objectContaining({ unique: true })]);
  });
});
