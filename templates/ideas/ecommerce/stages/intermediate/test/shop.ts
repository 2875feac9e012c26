// Test helpers for the shop: an admin, products, a filled cart, a checkout. Everything goes
// through the real API except making the admin (no route can do that, see make-admin.ts).
import type request from 'supertest';
import { expect } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { signToken } from '../src/auth/tokens.js';
import type { Role } from '../src/auth/roles.js';
import { UserModel } from '../src/auth/user.model.js';
import { makeAdmin } from '../src/shop/make-admin.js';
import { authPath, bearer, registerUser, type TestUser } from './users.js';

type Api = () => ReturnType<typeof request>;

export interface ProductJson {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  imageUrl: string | null;
  url: string;
}

export interface OrderJson {
  id: string;
  status: 'pending' | 'paid' | 'failed';
  lines: {
    productId: string;
    name: string;
    priceCents: number;
    quantity: number;
    lineTotalCents: number;
  }[];
  totalCents: number;
  paymentId: string;
  url: string;
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let counter = 0;

/**
 * A user and their token, written straight into the database with one password hash for the
 * whole file: argon2 is slow on purpose, and these tests need dozens of users (the concurrency
 * tests a crowd). Registering through the API is tested in test/auth.test.ts.
 */
export async function createUser(name = 'Ann', role: Role = 'user'): Promise<TestUser> {
  counter += 1;
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${name.toLowerCase()}.${counter}.${Date.now()}@example.com`;
  const user = await UserModel.create({ name, email, passwordHash: await passwordHash, role });
  return { name, email, password: PASSWORD, token: signToken({ id: user.id, role }) };
}

export function createAdmin(): Promise<TestUser> {
  return createUser('Admin', 'admin');
}

/** A user registered through the API, made an admin by `npm run make-admin`, logged in again. */
export async function registerAdmin(api: Api): Promise<TestUser> {
  const user = await registerUser(api, 'Admin');
  expect(await makeAdmin(user.email)).toBe(true);
  const res = await api().post(authPath('/login')).send({
    email: user.email,
    password: user.password,
  });
  expect(res.status).toBe(200);
  return { ...user, token: (res.body as { token: string }).token };
}

export async function createProduct(
  api: Api,
  admin: TestUser,
  body: { name: string; priceCents: number; stock?: number; description?: string },
): Promise<ProductJson> {
  const res = await api().post('/products').set('Authorization', bearer(admin)).send(body);
  expect(res.status, res.text).toBe(201);
  return res.body as ProductJson;
}

export async function addToCart(
  api: Api,
  user: TestUser,
  productId: string,
  quantity: number,
): Promise<{ totalCents: number }> {
  const res = await api()
    .post('/cart/items')
    .set('Authorization', bearer(user))
    .send({ productId, quantity });
  expect(res.status, res.text).toBe(200);
  return res.body as { totalCents: number };
}

/** Checks out the user's cart, confirming the total the cart shows. */
export async function checkoutCart(api: Api, user: TestUser) {
  const cart = await api().get('/cart').set('Authorization', bearer(user));
  const { totalCents } = cart.body as { totalCents: number };
  return api()
    .post('/orders')
    .set('Authorization', bearer(user))
    .send({ expectedTotalCents: totalCents });
}

export async function stockOf(api: Api, productId: string): Promise<number> {
  const res = await api().get(`/products/${productId}`);
  expect(res.status).toBe(200);
  return (res.body as ProductJson).stock;
}
