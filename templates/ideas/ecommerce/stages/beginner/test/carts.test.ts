// The carts API with exact status codes: a cart is created with 201 + Location, lines add up,
// the total is computed in integer cents, and asking for more than the stock is a 409. With
// test/products.test.ts, the guard for mistake:skipping-http-basics. Against a real database.
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';

const api = useApi();

interface CartJson {
  id: string;
  items: {
    productId: string;
    name: string;
    priceCents: number;
    quantity: number;
    lineTotalCents: number;
  }[];
  totalCents: number;
  url: string;
}

async function createProduct(name: string, priceCents: number, stock: number): Promise<string> {
  const res = await api().post('/products').send({ name, priceCents, stock });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function createCart(): Promise<string> {
  const res = await api().post('/carts');
  expect(res.status).toBe(201);
  return pathOf((res.body as CartJson).url);
}

describe('a new cart', () => {
  it('is created empty: 201, a Location header with its URL, total 0', async () => {
    const res = await api().post('/carts');
    expect(res.status).toBe(201);
    const cart = res.body as CartJson;
    expect(cart).toMatchObject({ items: [], totalCents: 0 });
    expect(cart.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/carts\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(cart.url);

    const again = await api().get(pathOf(cart.url));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(cart);
  });
});

describe('items in a cart', () => {
  it('adds products, adds up the same product into one line, and totals in cents', async () => {
    const mug = await createProduct('Mug', 1299, 10);
    const tea = await createProduct('Tea', 350, 10);
    const cart = await createCart();

    const first = await api().post(`${cart}/items`).send({ productId: mug, quantity: 2 });
    expect(first.status).toBe(200);
    await api().post(`${cart}/items`).send({ productId: tea, quantity: 3 });
    const res = await api().post(`${cart}/items`).send({ productId: mug, quantity: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      items: [
        { productId: mug, name: 'Mug', priceCents: 1299, quantity: 3, lineTotalCents: 3897 },
        { productId: tea, name: 'Tea', priceCents: 350, quantity: 3, lineTotalCents: 1050 },
      ],
      totalCents: 4947,
    });
    expect((await api().get(cart)).body).toEqual(res.body);
  });

  it('shows the current price: a product changed after it was added is priced anew', async () => {
    const pen = await createProduct('Pen', 100, 5);
    const cart = await createCart();
    await api().post(`${cart}/items`).send({ productId: pen, quantity: 2 });
    await api().patch(`/products/${pen}`).send({ priceCents: 150 });
    expect((await api().get(cart)).body).toMatchObject({ totalCents: 300 });
  });

  it('answers 409 with a clear message when the cart would hold more than the stock', async () => {
    const lamp = await createProduct('Lamp', 4000, 2);
    const cart = await createCart();
    expect((await api().post(`${cart}/items`).send({ productId: lamp, quantity: 2 })).status).toBe(
      200,
    );
    const res = await api().post(`${cart}/items`).send({ productId: lamp, quantity: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { status: 409, code: 'insufficient_stock' },
    });
    // A message a shopper can act on: which product, and how many are left.
    expect((res.body as { error: { message: string } }).error.message).toBe(
      'Only 2 of "Lamp" in stock; the cart would hold 3.',
    );
    expect((await api().get(cart)).body).toMatchObject({ items: [{ quantity: 2 }] });

    const patch = await api().patch(`${cart}/items/${lamp}`).send({ quantity: 3 });
    expect(patch.status).toBe(409);
  });

  it('sets a quantity with PATCH and removes a line with DELETE (204, no body)', async () => {
    const cup = await createProduct('Cup', 500, 9);
    const cart = await createCart();
    await api().post(`${cart}/items`).send({ productId: cup, quantity: 1 });

    const patch = await api().patch(`${cart}/items/${cup}`).send({ quantity: 4 });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ items: [{ quantity: 4 }], totalCents: 2000 });

    const del = await api().delete(`${cart}/items/${cup}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api().get(cart)).body).toMatchObject({ items: [], totalCents: 0 });
    expect((await api().delete(`${cart}/items/${cup}`)).status).toBe(404);
  });

  it('answers 422 to a quantity that is not a positive integer, or a productId that is not an id', async () => {
    const cup = await createProduct('Cup', 500, 9);
    const cart = await createCart();
    for (const body of [
      { productId: cup, quantity: 0 },
      { productId: cup, quantity: 1.5 },
      { productId: cup },
      { productId: 'nope', quantity: 1 },
    ]) {
      const res = await api().post(`${cart}/items`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get(cart)).body).toMatchObject({ items: [] });
  });

  it('answers 404 for a product that does not exist, and for a line not in the cart', async () => {
    const cart = await createCart();
    const unknown = '000000000000000000000000';
    expect(
      (await api().post(`${cart}/items`).send({ productId: unknown, quantity: 1 })).status,
    ).toBe(404);
    expect((await api().patch(`${cart}/items/${unknown}`).send({ quantity: 1 })).status).toBe(404);
  });
});

describe('carts that do not exist', () => {
  for (const path of ['/carts/000000000000000000000000', '/carts/not-an-id']) {
    it(`answers 404 for GET, DELETE and adding items at ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().delete(path),
        await api()
          .post(`${path}/items`)
          .send({ productId: '000000000000000000000000', quantity: 1 }),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }

  it('deletes a cart: 204, then 404', async () => {
    const cart = await createCart();
    expect((await api().delete(cart)).status).toBe(204);
    expect((await api().get(cart)).status).toBe(404);
  });
});
