// The products API, request by request, with exact status codes and headers: with
// test/carts.test.ts, the guard for mistake:skipping-http-basics. Against a real database.
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';

const api = useApi();

interface ProductJson {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  url: string;
}

async function createProduct(body: object): Promise<ProductJson> {
  const res = await api().post('/products').send(body);
  expect(res.status).toBe(201);
  return res.body as ProductJson;
}

describe('the collection at /products', () => {
  it('starts empty', async () => {
    const res = await api().get('/products');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('creates a product: 201, a Location header with its URL, and the product in the body', async () => {
    const res = await api()
      .post('/products')
      .send({ name: 'Mug', description: 'Holds tea', priceCents: 1299, stock: 3 });
    expect(res.status).toBe(201);
    const product = res.body as ProductJson;
    expect(product).toMatchObject({ name: 'Mug', description: 'Holds tea', priceCents: 1299 });
    expect(product.stock).toBe(3);
    expect(product.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/products\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(product.url);
    expect((await api().get(pathOf(product.url))).body).toEqual(product);
  });

  it('lists by name and searches name and description, case-insensitively', async () => {
    await createProduct({ name: 'Teapot', priceCents: 2500 });
    await createProduct({ name: 'Cup', description: 'for TEA', priceCents: 500 });
    await createProduct({ name: 'Plate', priceCents: 700 });

    const all = await api().get('/products');
    expect((all.body as ProductJson[]).map((p) => p.name)).toEqual(['Cup', 'Plate', 'Teapot']);

    const tea = await api().get('/products').query({ q: 'tea' });
    expect(tea.status).toBe(200);
    expect((tea.body as ProductJson[]).map((p) => p.name)).toEqual(['Cup', 'Teapot']);
  });

  it('searches for the literal text: regex characters match only themselves', async () => {
    await createProduct({ name: 'Cable (2 m)', priceCents: 900 });
    await createProduct({ name: 'Cable', priceCents: 800 });
    for (const [q, names] of [
      ['(2', ['Cable (2 m)']],
      ['.*', []],
      ['(a+)+$', []],
    ] as const) {
      const res = await api().get('/products').query({ q });
      expect(res.status, q).toBe(200);
      expect(
        (res.body as ProductJson[]).map((p) => p.name),
        q,
      ).toEqual(names);
    }
  });

  it('answers 400 to a search given twice', async () => {
    const res = await api().get('/products?q=a&q=b');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_query' } });
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault when the name is missing', async () => {
    const res = await api().post('/products').send({ priceCents: 100 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { status: 422, code: 'validation_failed', details: [{ path: 'name' }] },
    });
  });

  it('answers 422 to a price in euros, a negative price or stock, and a fractional stock', async () => {
    for (const body of [
      { name: 'x', priceCents: 19.99 },
      { name: 'x', priceCents: -1 },
      { name: 'x', priceCents: '100' },
      { name: 'x', priceCents: 100, stock: -1 },
      { name: 'x', priceCents: 100, stock: 1.5 },
    ]) {
      const res = await api().post('/products').send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get('/products')).body).toEqual([]);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await api()
      .post('/products')
      .set('Content-Type', 'application/json')
      .send('{"name": "unfinished');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_json' } });
  });
});

describe('one product at its URL', () => {
  it('changes price and stock with PATCH, leaving the rest alone', async () => {
    const product = await createProduct({ name: 'Lamp', priceCents: 4000, stock: 2 });
    const res = await api().patch(pathOf(product.url)).send({ priceCents: 3500, stock: 0 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...product, priceCents: 3500, stock: 0 });
    expect((await api().get(pathOf(product.url))).body).toEqual(res.body);
  });

  it('answers 422 to a PATCH that changes nothing it knows, and to a bad value', async () => {
    const product = await createProduct({ name: 'Stay', priceCents: 100 });
    for (const body of [{}, { url: 'x' }, { stock: -3 }, { priceCents: 1.5 }, { name: '' }]) {
      const res = await api().patch(pathOf(product.url)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get(pathOf(product.url))).body).toEqual(product);
  });

  it('deletes it with DELETE: 204 and no body, then it is gone (404)', async () => {
    const product = await createProduct({ name: 'Gone', priceCents: 100 });
    const res = await api().delete(pathOf(product.url));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(pathOf(product.url))).status).toBe(404);
  });

  for (const path of ['/products/000000000000000000000000', '/products/not-an-id']) {
    it(`answers 404 with the JSON error body for GET, PATCH and DELETE ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().patch(path).send({ stock: 1 }),
        await api().delete(path),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }
});
