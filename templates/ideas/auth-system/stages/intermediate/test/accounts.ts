// Test helpers for this API: accounts made through the real routes, the local outbox, admins.
import type request from 'supertest';
import { expect, vi } from 'vitest';
import { UserModel } from '../src/auth/user.model.js';
import { mailer, OutboxMailer, type Mail } from '../src/services/mailer.js';

type Api = () => ReturnType<typeof request>;

// argon2 is slow on purpose (that is what protects a leaked hash). A test that registers three
// accounts on a busy CI machine can need more than vitest's default 5 s.
vi.setConfig({ testTimeout: 30_000 });

export interface Account {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

let counter = 0;

/** The outbox the tests run with (no MAIL_API_URL in tests: see src/services/mailer.ts). */
export function outbox(): Mail[] {
  if (!(mailer instanceof OutboxMailer)) throw new Error('The tests must use the local outbox');
  return mailer.sent;
}

/** The token in the last mail to `email` whose subject matches. */
export function tokenFromMail(email: string, subject: RegExp): string {
  const mail = outbox().findLast((sent) => sent.to === email && subject.test(sent.subject));
  const token = mail?.text.match(/token=([\w-]{43})/)?.[1];
  if (!token) throw new Error(`No mail matching ${subject} to ${email}`);
  return token;
}

/** Registers a new account (a unique email each call) through POST /auth/register. */
export async function register(api: Api, name = 'Ann'): Promise<Account> {
  counter += 1;
  const account = {
    name,
    email: `${name.toLowerCase()}.${counter}@example.com`,
    password: 'correct horse battery staple',
  };
  const res = await api().post('/auth/register').send(account);
  expect(res.status, res.text).toBe(201);
  const body = res.body as { token: string; refreshToken: string; user: { id: string } };
  return { ...account, id: body.user.id, token: body.token, refreshToken: body.refreshToken };
}

/** Registers and verifies the email with the link from the outbox. */
export async function registerVerified(api: Api, name = 'Ann'): Promise<Account> {
  const account = await register(api, name);
  const token = tokenFromMail(account.email, /confirm/i);
  expect((await api().post('/auth/verify-email').send({ token })).status).toBe(204);
  return account;
}

/** An admin with a token that says so (promoted in the database, then logged in again). */
export async function registerAdmin(api: Api): Promise<Account> {
  const account = await registerVerified(api, 'Admin');
  await UserModel.updateOne({ _id: account.id }, { role: 'admin' });
  // A refresh reads the role from the database again (and costs no password hash).
  const res = await api().post('/auth/refresh').send({ refreshToken: account.refreshToken });
  expect(res.status).toBe(200);
  const body = res.body as { token: string; refreshToken: string };
  return { ...account, token: body.token, refreshToken: body.refreshToken };
}

export function bearer(account: { token: string }): string {
  return `Bearer ${account.token}`;
}
