// Creating accounts and reading your own, with exact status codes and headers: part of the
// guard for mistake:skipping-http-basics. Against a real database, including the unique index
// on email.
import { describe, expect, it } from 'vitest';
import { UserModel } from '../src/auth/user.model.js';
import { useApi } from './api.js';

const api = useApi();

const ann = { name: 'Ann', email: 'ann@example.com', password: 'correct horse battery staple' };

async function logIn(email = ann.email, password = ann.password): Promise<string> {
  const res = await api().post('/sessions').send({ email, password });
  expect(res.status).toBe(201);
  return (res.body as { token: string }).token;
}

describe('POST /users', () => {
  it('creates an account: 201, Location with its URL, and no password or hash', async () => {
    const res = await api().post('/users').send(ann);
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
      name: 'Ann',
      email: 'ann@example.com',
      createdAt: expect.any(String) as string,
    });
    const { id } = res.body as { id: string };
    expect(res.headers.location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/users/${id}$`));
    expect(res.text).not.toContain(ann.password);
    expect(res.text).not.toContain('scrypt');
  });

  it('stores a salted scrypt hash, never the password', async () => {
    await api().post('/users').send(ann);
    const stored = await UserModel.findOne({ email: ann.email }).select('+passwordHash').lean();
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(ann.password);
  });

  it('answers 409 for an email that already has an account, in any letter case', async () => {
    expect((await api().post('/users').send(ann)).status).toBe(201);
    const res = await api()
      .post('/users')
      .send({ ...ann, email: ' ANN@example.com ' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { status: 409, code: 'conflict' } });
    expect(await UserModel.countDocuments()).toBe(1);
  });

  it('answers 422 with the fields at fault for an invalid body', async () => {
    const res = await api()
      .post('/users')
      .send({ name: '', email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(422);
    const paths = (res.body as { error: { details: { path: string }[] } }).error.details.map(
      (detail) => detail.path,
    );
    expect(paths.sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers 422 for a password longer than 128 characters', async () => {
    const res = await api()
      .post('/users')
      .send({ ...ann, password: 'x'.repeat(129) });
    expect(res.status).toBe(422);
  });

  it('answers 400 for a body that is not JSON at all', async () => {
    const res = await api().post('/users').set('Content-Type', 'application/json').send('{"name":');
    expect(res.status).toBe(400);
  });

  it('ignores fields it does not know', async () => {
    const res = await api()
      .post('/users')
      .send({ ...ann, id: 'abc', passwordHash: 'x', admin: true });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('admin');
    expect((res.body as { id: string }).id).not.toBe('abc');
  });
});

describe('GET /users/:id', () => {
  it('gives you your own account with your session', async () => {
    const created = await api().post('/users').send(ann);
    const token = await logIn();
    const res = await api()
      .get(new URL(created.headers.location).pathname)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 401 with WWW-Authenticate without a session', async () => {
    const created = await api().post('/users').send(ann);
    const res = await api().get(new URL(created.headers.location).pathname);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it("answers 404 for someone else's account, exactly as for one that does not exist", async () => {
    const bob = await api()
      .post('/users')
      .send({ ...ann, name: 'Bob', email: 'bob@example.com' });
    await api().post('/users').send(ann);
    const token = await logIn();
    const auth = `Bearer ${token}`;
    const others = await api()
      .get(`/users/${(bob.body as { id: string }).id}`)
      .set('Authorization', auth);
    const missing = await api().get('/users/000000000000000000000000').set('Authorization', auth);
    const malformed = await api().get('/users/not-an-id').set('Authorization', auth);
    for (const res of [others, missing, malformed]) expect(res.status).toBe(404);
    expect(others.text).not.toContain('bob@example.com');
  });
});
