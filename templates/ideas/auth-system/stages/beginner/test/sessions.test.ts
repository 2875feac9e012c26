// Logging in, using the session and logging out, with exact status codes and headers: part of
// the guard for mistake:skipping-http-basics. The tests also hold the security rules: the token
// is stored only as a hash, expired and deleted sessions are refused, and a wrong password and
// an unknown email get the same answer.
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/secret-token.js';
import { SessionModel } from '../src/sessions/session.model.js';
import { useApi } from './api.js';

const api = useApi();

const ann = { name: 'Ann', email: 'ann@example.com', password: 'correct horse battery staple' };

interface LoginJson {
  token: string;
  createdAt: string;
  expiresAt: string;
  user: { id: string; email: string };
}

async function signUpAndLogIn(): Promise<LoginJson> {
  expect((await api().post('/users').send(ann)).status).toBe(201);
  const res = await api().post('/sessions').send({ email: ann.email, password: ann.password });
  expect(res.status).toBe(201);
  return res.body as LoginJson;
}

describe('POST /sessions (log in)', () => {
  it('answers 201 with a token, its expiry and the user; Location is the session', async () => {
    await api().post('/users').send(ann);
    const res = await api()
      .post('/sessions')
      .send({ email: 'ANN@example.com', password: ann.password });
    expect(res.status).toBe(201);
    const body = res.body as LoginJson;
    expect(body.token).toMatch(/^[\w-]{43}$/);
    expect(body.user.email).toBe(ann.email);
    // SESSION_TTL_HOURS defaults to 24.
    const lifetime = Date.parse(body.expiresAt) - Date.parse(body.createdAt);
    expect(lifetime).toBeGreaterThan(24 * 3_600_000 - 5_000);
    expect(lifetime).toBeLessThanOrEqual(24 * 3_600_000 + 5_000);
    expect(res.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sessions\/current$/);
  });

  it('stores only the SHA-256 hash of the token', async () => {
    const { token } = await signUpAndLogIn();
    const stored = await SessionModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('gives every login its own session', async () => {
    const first = await signUpAndLogIn();
    const second = await api().post('/sessions').send({ email: ann.email, password: ann.password });
    expect((second.body as LoginJson).token).not.toBe(first.token);
    expect(await SessionModel.countDocuments()).toBe(2);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    await api().post('/users').send(ann);
    const wrong = await api()
      .post('/sessions')
      .send({ email: ann.email, password: 'wrong password' });
    const unknown = await api()
      .post('/sessions')
      .send({ email: 'nobody@example.com', password: ann.password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expect(wrong.body).toEqual(unknown.body);
    expect(await SessionModel.countDocuments()).toBe(0);
  });

  it('answers 422 for a body without email or password', async () => {
    const res = await api().post('/sessions').send({ email: ann.email });
    expect(res.status).toBe(422);
  });
});

describe('using the session', () => {
  it('GET /me answers 200 and the account with the token', async () => {
    const { token, user } = await signUpAndLogIn();
    const res = await api().get('/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      name: 'Ann',
      email: ann.email,
      createdAt: expect.any(String) as string,
    });
  });

  it('GET /me answers 401 with WWW-Authenticate without a token, or with a bad one', async () => {
    const { token } = await signUpAndLogIn();
    const headers = [undefined, 'Bearer', `Basic ${token}`, `Bearer ${token} extra`, 'Bearer x'];
    for (const header of headers) {
      const request = api().get('/me');
      const res = await (header ? request.set('Authorization', header) : request);
      expect(res.status, header).toBe(401);
      expect(res.headers['www-authenticate'], header).toBe('Bearer');
      expect(res.body).toMatchObject({ error: { status: 401, code: 'unauthorized' } });
    }
  });

  it('refuses a token that is well formed but was never issued', async () => {
    await signUpAndLogIn();
    const res = await api()
      .get('/me')
      .set('Authorization', `Bearer ${'A'.repeat(43)}`);
    expect(res.status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const { token } = await signUpAndLogIn();
    await SessionModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    const res = await api().get('/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('clears the expired sessions of a user at the next login', async () => {
    await signUpAndLogIn();
    await SessionModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    await api().post('/sessions').send({ email: ann.email, password: ann.password });
    expect(await SessionModel.countDocuments()).toBe(1);
  });

  it('GET /sessions/current answers 200 with the expiry of the session sent', async () => {
    const { token, expiresAt } = await signUpAndLogIn();
    const res = await api().get('/sessions/current').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ createdAt: expect.any(String) as string, expiresAt });
  });
});

describe('DELETE /sessions/current (log out)', () => {
  it('answers 204 with no body, and the token stops working at once', async () => {
    const { token } = await signUpAndLogIn();
    const auth = `Bearer ${token}`;
    const res = await api().delete('/sessions/current').set('Authorization', auth);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get('/me').set('Authorization', auth)).status).toBe(401);
    expect((await api().delete('/sessions/current').set('Authorization', auth)).status).toBe(401);
  });

  it('ends only the session that sent it: other devices stay logged in', async () => {
    const phone = await signUpAndLogIn();
    const laptop = await api().post('/sessions').send({ email: ann.email, password: ann.password });
    await api().delete('/sessions/current').set('Authorization', `Bearer ${phone.token}`);
    const res = await api()
      .get('/me')
      .set('Authorization', `Bearer ${(laptop.body as LoginJson).token}`);
    expect(res.status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    expect((await api().delete('/sessions/current')).status).toBe(401);
  });
});
