// Test helpers for routes behind a login: create a user through the real API and get a token.
import type request from 'supertest';
import { authRouter } from '../src/auth/auth.routes.js';
import { joinPath } from '../src/http/openapi-registry.js';
import { mounts } from '../src/openapi.js';

/** Where app.ts mounted the auth router (`/auth`, or `/` when an API's contract wants that). */
export function authPath(path: '/register' | '/login' | '/me'): string {
  const mount = mounts.find((entry) => entry.router === authRouter);
  if (!mount) throw new Error('The auth router is not mounted');
  return joinPath(mount.path, path);
}

let counter = 0;

export interface TestUser {
  name: string;
  email: string;
  password: string;
  token: string;
}

/** Registers a new user (a unique email each call) and returns it with its token. */
export async function registerUser(
  api: () => ReturnType<typeof request>,
  name = 'Ann',
): Promise<TestUser> {
  counter += 1;
  const user = {
    name,
    email: `${name.toLowerCase()}.${counter}.${Date.now()}@example.com`,
    password: 'correct horse battery staple',
  };
  const res = await api().post(authPath('/register')).send(user);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return { ...user, token: (res.body as { token: string }).token };
}

/** `Authorization` header value for a user. */
export function bearer(user: { token: string }): string {
  return `Bearer ${user.token}`;
}
