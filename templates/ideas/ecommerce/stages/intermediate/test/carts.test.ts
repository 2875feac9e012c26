// The cart of the logged-in user: lines add up, totals are integer cents, asking for more than
// the stock is a 409, and every user sees only their own cart. Against a real database.
import { describe, expect, it } from 'vitest';
import { useApi } from './api.js';
import { addToCart, createAdmin, createProduct, createUser } from './shop.js';
import { bearer } from './users.js';

const api = useApi();

describe('the cart', () => {
  it('needs a login: 401 without a token', async () => {
    const res = await api().get('/cart');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('starts empty, adds up the same product into one line and totals in cents', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1299, stock: 10 });
    const tea = await createProduct(api, admin, { name: 'Tea', priceCents: 350, stock: 10 });
    const ann = await createUser('Ann');
    expect((await api().get('/cart').set('Authorization', bearer(ann))).body).toEqual({
      items: [],
      totalCents: 0,
    });

    await addToCart(api, ann, mug.id, 2);
    await addToCart(api, ann, tea.id, 3);
    await addToCart(api, ann, mug.id, 1);
    const res = await api().get('/cart').set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { productId: mug.id, name: 'Mug', priceCents: 1299, quantity: 3, lineTotalCents: 3897 },
        { productId: tea.id, name: 'Tea', priceCents: 350, quantity: 3, lineTotalCents: 1050 },
      ],
      totalCents: 4947,
    });
  });

  it('is one per user: Bob never sees or changes Ann’s cart', async () => {
    const admin = await createAdmin();
    const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1299, stock: 10 });
    const ann = await createUser('Ann');
    const bob = await createUser('Bob');
    await addToCart(api, ann, mug.id, 2);
    expect((await api().get('/cart').set('Authorization', bearer(bob))).body).toEqual({
      items: [],
      totalCents: 0,
    });
    expect(
      (await api().delete(`/cart/items/${mug.id}`).set('Authorization', bearer(bob))).status,
    ).toBe(404);
    expect((await api().get('/cart').set('Authorization', bearer(ann))).body).toMatchObject({
      totalCents: 2598,
    });
  });

  it('answers 409 when the cart would hold more than the stock', async () => {
    const admin = await createAdmin();
    const lamp = await createProduct(api, admin, { name: 'Lamp', priceCents: 4000, stock: 2 });
    const ann = await createUser('Ann');
    await addToCart(api, ann, lamp.id, 2);
    const res = await api()
      .post('/cart/items')
      .set('Authorization', bearer(ann))
      .send({ productId: lamp.id, quantity: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { status: 409, code: 'insufficient_stock' } });
    const patch = await api()
      .patch(`/cart/items/${lamp.id}`)
      .set('Authorization', bearer(ann))
      .send({ quantity: 3 });
    expect(patch.status).toBe(409);
  });

  it('sets a quantity with PATCH, removes a line with DELETE (204), and empties with DELETE /cart', async () => {
    const admin = await createAdmin();
    const cup = await createProduct(api, admin, { name: 'Cup', priceCents: 500, stock: 9 });
    const pen = await createProduct(api, admin, { name: 'Pen', priceCents: 100, stock: 9 });
    const ann = await createUser('Ann');
    const auth = bearer(ann);
    await addToCart(api, ann, cup.id, 1);
    await addToCart(api, ann, pen.id, 1);

    const patch = await api()
      .patch(`/cart/items/${cup.id}`)
      .set('Authorization', auth)
      .send({ quantity: 4 });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ totalCents: 2100 });

    const del = await api().delete(`/cart/items/${cup.id}`).set('Authorization', auth);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await api().delete(`/cart/items/${cup.id}`).set('Authorization', auth)).status).toBe(
      404,
    );

    expect((await api().delete('/cart').set('Authorization', auth)).status).toBe(204);
    expect((await api().get('/cart').set('Authorization', auth)).body).toEqual({
      items: [],
      totalCents: 0,
    });
  });

  it('answers 422 to bad quantities and unknown fields, and 404 to unknown products', async () => {
    const admin = await createAdmin();
    const cup = await createProduct(api, admin, { name: 'Cup', priceCents: 500, stock: 9 });
    const ann = await createUser('Ann');
    const auth = bearer(ann);
    for (const body of [
      { productId: cup.id, quantity: 0 },
      { productId: cup.id, quantity: 1.5 },
      { productId: cup.id },
      { productId: 'nope', quantity: 1 },
      { productId: cup.id, quantity: 1, priceCents: 1 },
    ]) {
      const res = await api().post('/cart/items').set('Authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const unknown = '000000000000000000000000';
    expect(
      (
        await api()
          .post('/cart/items')
          .set('Authorization', auth)
          .send({ productId: unknown, quantity: 1 })
      ).status,
    ).toBe(404);
    expect(
      (await api().patch(`/cart/items/${unknown}`).set('Authorization', auth).send({ quantity: 1 }))
        .status,
    ).toBe(404);
    expect((await api().get('/cart').set('Authorization', auth)).body).toEqual({
      items: [],
      totalCents: 0,
    });
  });
});
