// The catalogue: anyone browses it (paginated, searched, filtered by price), only admins change
// it. Exact status codes: 201 + Location, 204 without a body, 401 without a token, 403 for a user
// who is not an admin, 404, 413, 415, 422. Against a real database.
import { describe, expect, it } from 'vitest';
import { makeAdmin } from '../src/shop/make-admin.js';
import { pathOf, useApi } from './api.js';
import { createAdmin, createProduct, createUser, registerAdmin, type ProductJson } from './shop.js';
import { bearer } from './users.js';

const api = useApi();

interface Page {
  data: ProductJson[];
  page: number;
  limit: number;
  total: number;
}

describe('browsing the catalogue', () => {
  it('lists products by name, a page at a time, without a login', async () => {
    const admin = await createAdmin();
    for (const name of ['Teapot', 'Cup', 'Plate']) {
      await createProduct(api, admin, { name, priceCents: 500 });
    }
    const res = await api().get('/products').query({ limit: 2 });
    expect(res.status).toBe(200);
    const page = res.body as Page;
    expect(page).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page.data.map((product) => product.name)).toEqual(['Cup', 'Plate']);
    const next = await api().get('/products').query({ limit: 2, page: 2 });
    expect((next.body as Page).data.map((product) => product.name)).toEqual(['Teapot']);
  });

  it('searches name and description for the literal text, and filters and sorts by price', async () => {
    const admin = await createAdmin();
    await createProduct(api, admin, { name: 'Mug (large)', priceCents: 1500 });
    await createProduct(api, admin, { name: 'Mug', priceCents: 900 });
    await createProduct(api, admin, {
      name: 'Kettle',
      description: 'boils for a mug',
      priceCents: 4000,
    });

    const search = await api().get('/products').query({ q: 'MUG', sort: '-priceCents' });
    expect((search.body as Page).data.map((p) => p.name)).toEqual(['Kettle', 'Mug (large)', 'Mug']);
    const literal = await api().get('/products').query({ q: '(large' });
    expect((literal.body as Page).data.map((p) => p.name)).toEqual(['Mug (large)']);
    const cheap = await api()
      .get('/products')
      .query({ q: 'mug', maxPriceCents: 1500, minPriceCents: 1000 });
    expect((cheap.body as Page).data.map((p) => p.name)).toEqual(['Mug (large)']);
  });

  it('answers 400 to an unknown parameter, a sort it does not allow and a page too large', async () => {
    for (const query of [
      { color: 'red' },
      { sort: 'stock' },
      { limit: 101 },
      { maxPriceCents: 1.5 },
    ]) {
      const res = await api().get('/products').query(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('managing the catalogue', () => {
  it('lets an admin create (201 + Location), replace, change and delete (204) a product', async () => {
    const admin = await createAdmin();
    const auth = bearer(admin);
    const res = await api()
      .post('/products')
      .set('Authorization', auth)
      .send({ name: 'Lamp', priceCents: 4000, stock: 2 });
    expect(res.status).toBe(201);
    const product = res.body as ProductJson;
    expect(product).toMatchObject({
      name: 'Lamp',
      description: '',
      priceCents: 4000,
      stock: 2,
      imageUrl: null,
    });
    expect(res.headers.location).toBe(product.url);
    const path = pathOf(product.url);
    expect((await api().get(path)).body).toEqual(product);

    const put = await api()
      .put(path)
      .set('Authorization', auth)
      .send({ name: 'Desk lamp', description: 'LED', priceCents: 4500, stock: 5 });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      ...product,
      name: 'Desk lamp',
      description: 'LED',
      priceCents: 4500,
      stock: 5,
    });

    const patch = await api().patch(path).set('Authorization', auth).send({ stock: 0 });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: 'Desk lamp', stock: 0 });

    const del = await api().delete(path).set('Authorization', auth);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api().get(path)).status).toBe(404);
  });

  it('answers 401 without a token and 403 to a user who is not an admin, and changes nothing', async () => {
    const admin = await createAdmin();
    const product = await createProduct(api, admin, { name: 'Stay', priceCents: 100, stock: 1 });
    const path = pathOf(product.url);
    const user = await createUser('Shopper');
    const attempts = [
      () => api().post('/products').send({ name: 'x', priceCents: 1 }),
      () => api().put(path).send({ name: 'x', description: '', priceCents: 1, stock: 1 }),
      () => api().patch(path).send({ stock: 1000 }),
      () => api().delete(path),
    ];
    for (const attempt of attempts) {
      const anonymous = await attempt();
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ error: { status: 401, code: 'unauthorized' } });
      const notAdmin = await attempt().set('Authorization', bearer(user));
      expect(notAdmin.status).toBe(403);
      expect(notAdmin.body).toMatchObject({ error: { status: 403, code: 'forbidden' } });
    }
    expect((await api().get(path)).body).toEqual(product);
  });

  it('makes an admin with `npm run make-admin`: after a new login, the token says admin', async () => {
    const admin = await registerAdmin(api);
    const res = await api()
      .post('/products')
      .set('Authorization', bearer(admin))
      .send({ name: 'First', priceCents: 100 });
    expect(res.status).toBe(201);
    expect(await makeAdmin('nobody@example.com')).toBe(false);
  });

  it('answers 422 to prices in euros, negative stock, unknown fields and an empty PATCH', async () => {
    const admin = await createAdmin();
    const auth = bearer(admin);
    for (const body of [
      { name: 'x', priceCents: 19.99 },
      { name: 'x', priceCents: -1 },
      { name: 'x', priceCents: 100, stock: -1 },
      { name: '', priceCents: 100 },
      { name: 'x', priceCents: 100, id: '000000000000000000000000' },
    ]) {
      const res = await api().post('/products').set('Authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const product = await createProduct(api, admin, { name: 'Pen', priceCents: 100 });
    for (const body of [{}, { stock: 1.5 }, { imageUrl: 'x' }]) {
      const res = await api().patch(pathOf(product.url)).set('Authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get('/products')).body).toMatchObject({ total: 1 });
  });

  it('answers 404 for ids that are malformed or unknown', async () => {
    const admin = await createAdmin();
    for (const path of ['/products/000000000000000000000000', '/products/not-an-id']) {
      expect((await api().get(path)).status).toBe(404);
      expect(
        (await api().patch(path).set('Authorization', bearer(admin)).send({ stock: 1 })).status,
      ).toBe(404);
      expect((await api().delete(path).set('Authorization', bearer(admin))).status).toBe(404);
    }
  });
});

describe('the product image', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  it('is uploaded by an admin, shown as imageUrl, and served with its type', async () => {
    const admin = await createAdmin();
    const product = await createProduct(api, admin, { name: 'Vase', priceCents: 2000 });
    const path = pathOf(product.url);
    expect((await api().get(`${path}/image`)).status).toBe(404);

    const res = await api()
      .put(`${path}/image`)
      .set('Authorization', bearer(admin))
      .attach('image', png, { filename: 'vase.png', contentType: 'image/png' });
    expect(res.status).toBe(200);
    expect((res.body as ProductJson).imageUrl).toBe(`${product.url}/image`);
    const listed = await api().get('/products');
    expect((listed.body as Page).data[0]?.imageUrl).toBe(`${product.url}/image`);

    const image = await api().get(`${path}/image`).buffer(true);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(image.body as Buffer, png)).toBe(0);
  });

  it('refuses a file too large (413), of the wrong type (415), missing (422), or from a user (403)', async () => {
    const admin = await createAdmin();
    const user = await createUser('Shopper');
    const product = await createProduct(api, admin, { name: 'Vase', priceCents: 2000 });
    const path = `${pathOf(product.url)}/image`;

    const tooBig = await api()
      .put(path)
      .set('Authorization', bearer(admin))
      .attach('image', Buffer.alloc(1_000_001), { filename: 'big.png', contentType: 'image/png' });
    expect(tooBig.status).toBe(413);
    const pdf = await api()
      .put(path)
      .set('Authorization', bearer(admin))
      .attach('image', Buffer.from('%PDF-1.7'), {
        filename: 'x.pdf',
        contentType: 'application/pdf',
      });
    expect(pdf.status).toBe(415);
    const none = await api().put(path).set('Authorization', bearer(admin)).field('note', 'no file');
    expect(none.status).toBe(422);
    const notAdmin = await api()
      .put(path)
      .set('Authorization', bearer(user))
      .attach('image', png, { filename: 'vase.png', contentType: 'image/png' });
    expect(notAdmin.status).toBe(403);
    expect((await api().get(path)).status).toBe(404);
  });
});
