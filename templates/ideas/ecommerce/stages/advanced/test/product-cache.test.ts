// The catalogue behind Redis (src/shop/product.cache.ts), through real HTTP requests, a real
// MongoDB and a real Redis: a repeated read is a HIT, every admin write and every stock change
// (checkout, a failed payment) makes the next read fresh, and nobody but an admin can empty the
// cache.
import { describe, expect, it } from 'vitest';
import { signatureHeader } from '../src/payments/webhook-signature.js';
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

describe('reading the catalogue through the cache', () => {
  it('answers a repeated GET from Redis (MISS, then HIT) with the same body, for anyone', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 3 });
    for (const path of [`/products/${mug.id}`, '/products?q=mug']) {
      const first = await api().get(path);
      const second = await api().get(path).set('Authorization', bearer(admin));
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.headers['x-cache']).toBe('MISS');
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.body).toEqual(first.body);
    }
  });

  it('caches each query on its own and never caches a 404', async () => {
    expect((await api().get('/products?page=1')).headers['x-cache']).toBe('MISS');
    expect((await api().get('/products?page=2')).headers['x-cache']).toBe('MISS');
    const unknown = '/products/000000000000000000000000';
    expect((await api().get(unknown)).status).toBe(404);
    expect((await api().get(unknown)).headers['x-cache']).toBe('MISS');
  });
});

describe('what makes the next read fresh', () => {
  it('an admin changing the product: the detail and every list show the new price', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 3 });
    await api().get(`/products/${mug.id}`);
    await api().get('/products');
    const patch = await api()
      .patch(`/products/${mug.id}`)
      .set('Authorization', bearer(admin))
      .send({ priceCents: 1200 });
    expect(patch.status).toBe(200);
    const detail = await api().get(`/products/${mug.id}`);
    expect(detail.headers['x-cache']).toBe('MISS');
    expect(detail.body).toMatchObject({ priceCents: 1200 });
    expect((await api().get('/products')).body).toMatchObject({ data: [{ priceCents: 1200 }] });
  });

  it('a new product appears in a cached list at once', async () => {
    const admin = await createAdmin();
    await createProduct(api, admin, { name: 'Mug', priceCents: 1000 });
    expect((await api().get('/products')).body).toMatchObject({ total: 1 });
    await createProduct(api, admin, { name: 'Tea', priceCents: 300 });
    expect((await api().get('/products')).body).toMatchObject({ total: 2 });
  });

  it('a checkout and a failed payment: the stock shown follows them', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 3 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, mug.id, 2);
    expect((await api().get(`/products/${mug.id}`)).body).toMatchObject({ stock: 3 });
    expect((await api().get('/products')).body).toMatchObject({ data: [{ stock: 3 }] });

    const res = await checkoutCart(api, ann);
    expect(res.status).toBe(201);
    expect((await api().get(`/products/${mug.id}`)).body).toMatchObject({ stock: 1 });
    expect((await api().get('/products')).body).toMatchObject({ data: [{ stock: 1 }] });

    const event = JSON.stringify({
      type: 'payment.failed',
      data: { paymentId: (res.body as OrderJson).paymentId },
    });
    const webhook = await api()
      .post('/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('Payment-Signature', signatureHeader(event))
      .send(event);
    expect(webhook.status).toBe(200);
    expect((await api().get(`/products/${mug.id}`)).body).toMatchObject({ stock: 3 });
  });

  it('a write by anyone but an admin changes nothing and empties nothing (401, 403)', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000 });
    await api().get(`/products/${mug.id}`);
    const user = await createUser('Shopper');
    expect((await api().patch(`/products/${mug.id}`).send({ stock: 9 })).status).toBe(401);
    const notAdmin = await api().delete(`/products/${mug.id}`).set('Authorization', bearer(user));
    expect(notAdmin.status).toBe(403);
    expect((await api().get(`/products/${mug.id}`)).headers['x-cache']).toBe('HIT');
  });
});
