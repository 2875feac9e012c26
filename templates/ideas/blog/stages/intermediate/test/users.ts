// Test helpers for routes behind a login: create a user through the real API and get a token.
import type request from 'supertest';

let counter = 0;

export interface TestUser {
  username: string;
  email: string;
  password: string;
  token: string;
}

/** Registers a new user (a unique username and email each call) and returns it with its token. */
export async function registerUser(
  api: () => ReturnType<typeof request>,
  name = 'ann',
): Promise<TestUser> {
  counter += 1;
  const user = {
    username: `${name}-${counter}-${Date.now().toString(36)}`,
    email: `${name}.${counter}.${Date.now()}@example.com`,
    password: 'correct horse battery staple',
  };
  const res = await api().post('/api/users').send({ user });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return { ...user, token: (res.body as { user: { token: string } }).user.token };
}

/** `Authorization` header value for a user: the contract's `Token <jwt>`. */
export function tokenOf(user: { token: string }): string {
  return `Token ${user.token}`;
}
