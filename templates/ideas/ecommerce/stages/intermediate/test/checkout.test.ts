// Checkout: stock is taken with conditional atomic updates and given back when a later step
// fails; the server owns prices and totals. The concurrent test is the point: many shoppers
// racing for the last item in stock, against the real database, end with exactly one order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paymentProvider, type LocalPaymentProvider } from '../src/payments/payment-provider.js';
import { OrderModel } from '../src/shop/order.model.js';
import { useApi } from './api.js';
import {
  addToCart,
  checkoutCart,
  createProduct,
  createAdmin,
  createUser,
  stockOf,
  type OrderJson,
} from './shop.js';
import { bearer } from './users.js';

const api = useApi();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checkout', () => {
  it('creates a pending order (201 + Location), takes the stock, opens the payment and empties the cart', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1299, stock: 5 });
    const tea = await createProduct(api, admin, { name: 'Tea', priceCents: 350, stock: 5 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, mug.id, 2);
    await addToCart(api, ann, tea.id, 1);

    const res = await checkoutCart(api, ann);
    expect(res.status, res.text).toBe(201);
    const order = res.body as OrderJson;
    expect(res.headers.location).toBe(order.url);
    expect(order.url).toMatch(/\/orders\/[0-9a-f]{24}$/);
    expect(order).toMatchObject({
      status: 'pending',
      totalCents: 2948,
      lines: [
        { productId: mug.id, name: 'Mug', priceCents: 1299, quantity: 2, lineTotalCents: 2598 },
        { productId: tea.id, name: 'Tea', priceCents: 350, quantity: 1, lineTotalCents: 350 },
      ],
    });
    expect(await stockOf(api, mug.id)).toBe(3);
    expect(await stockOf(api, tea.id)).toBe(4);
    const created = (paymentProvider as LocalPaymentProvider).created.find(
      (payment) => payment.id === order.paymentId,
    );
    expect(created).toMatchObject({ orderId: order.id, amountCents: 2948 });
    expect((await api().get('/cart').set('Authorization', bearer(ann))).body).toEqual({
      items: [],
      totalCents: 0,
    });
  });

  it('answers 409 to an empty cart', async () => {
    const ann = await createUser('Ann');
    const res = await checkoutCart(api, ann);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'cart_empty' } });
  });

  it('takes nothing when one line cannot be served: 409, and the other lines’ stock is back', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 5 });
    const lamp = await createProduct(api, admin, { name: 'Lamp', priceCents: 4000, stock: 2 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, mug.id, 2);
    await addToCart(api, ann, lamp.id, 2);
    // Someone else bought a lamp in the meantime: the admin lowers the stock.
    await api()
      .patch(`/products/${lamp.id}`)
      .set('Authorization', bearer(admin))
      .send({ stock: 1 });

    const res = await checkoutCart(api, ann);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'insufficient_stock' } });
    expect(await stockOf(api, mug.id)).toBe(5);
    expect(await stockOf(api, lamp.id)).toBe(1);
    expect(await OrderModel.countDocuments()).toBe(0);
  });

  it('answers 409 when the prices changed since the shopper saw the total, and gives the stock back', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 5 });
    const ann = await createUser('Ann');
    const { totalCents } = await addToCart(api, ann, mug.id, 2);
    await api()
      .patch(`/products/${mug.id}`)
      .set('Authorization', bearer(admin))
      .send({ priceCents: 1200 });

    const res = await api()
      .post('/orders')
      .set('Authorization', bearer(ann))
      .send({ expectedTotalCents: totalCents });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'total_changed' } });
    expect(await stockOf(api, mug.id)).toBe(5);
  });

  it('answers 502 when the payment provider fails, and gives the stock back', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 5 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, mug.id, 2);
    vi.spyOn(paymentProvider, 'createPayment').mockRejectedValueOnce(new Error('provider down'));

    const res = await checkoutCart(api, ann);
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ error: { code: 'payment_unavailable' } });
    expect(await stockOf(api, mug.id)).toBe(5);
    expect(await OrderModel.countDocuments()).toBe(0);
    // The cart is kept, so the shopper can simply try again.
    expect((await checkoutCart(api, ann)).status).toBe(201);
  });

  it('refuses prices, totals, items or anything else sent by the client (422)', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 5 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, mug.id, 1);
    for (const body of [
      {},
      { expectedTotalCents: 1000, totalCents: 1 },
      { expectedTotalCents: 1000, items: [{ productId: mug.id, quantity: 1, priceCents: 1 }] },
      { expectedTotalCents: 10.5 },
      { expectedTotalCents: '1000' },
    ]) {
      const res = await api().post('/orders').set('Authorization', bearer(ann)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await stockOf(api, mug.id)).toBe(5);
    expect((await api().post('/orders').send({ expectedTotalCents: 1000 })).status).toBe(401);
  });
});

describe('checkout under concurrent requests', () => {
  it('sells the last item once: N shoppers check out at the same moment, exactly one order', async () => {
    const admin = await createAdmin();
    const last = await createProduct(api, admin, { name: 'Last one', priceCents: 2500, stock: 1 });
    const shoppers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => createUser(`Shopper${index}`)),
    );
    for (const shopper of shoppers) await addToCart(api, shopper, last.id, 1);

    // All at once, against the real database.
    const answers = await Promise.all(
      shoppers.map((shopper) =>
        api()
          .post('/orders')
          .set('Authorization', bearer(shopper))
          .send({ expectedTotalCents: 2500 }),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const res of answers.filter((answer) => answer.status === 409)) {
      expect(res.body).toMatchObject({ error: { code: 'insufficient_stock' } });
    }
    expect(await OrderModel.countDocuments({ 'lines.product': last.id })).toBe(1);
    expect(await stockOf(api, last.id)).toBe(0);
  });

  it('never lets stock go below zero when shoppers want more than is left', async () => {
    const admin = await createAdmin();
    const few = await createProduct(api, admin, { name: 'Few', priceCents: 100, stock: 5 });
    const shoppers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => createUser(`Buyer${index}`)),
    );
    for (const shopper of shoppers) await addToCart(api, shopper, few.id, 2);

    const answers = await Promise.all(shoppers.map((shopper) => checkoutCart(api, shopper)));
    expect(answers.filter((res) => res.status === 201)).toHaveLength(2);
    expect(answers.filter((res) => res.status === 409)).toHaveLength(4);
    expect(await stockOf(api, few.id)).toBe(1);
  });
});
