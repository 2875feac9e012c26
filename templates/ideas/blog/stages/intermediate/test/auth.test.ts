// Registration, login and the logged-in user of the Conduit contract, through real HTTP requests
// and a real database. Every answer is also checked against the contract (test/contract.ts).
import jwt from 'jsonwebtoken';
import { describe, expect, it, vi } from 'vitest';
import { config } from '../src/config.js';
import { signToken } from '../src/auth/tokens.js';
import { UserModel } from '../src/auth/user.model.js';
import { useApi } from './api.js';
import { conduit } from './contract.js';
import { registerUser, tokenOf } from './users.js';

// Each test registers users through the API: argon2 is slow on purpose, and more so on a
// busy machine.
vi.setConfig({ testTimeout: 30_000 });

const raw = useApi();
const api = conduit(raw);

const ann = { username: 'ann', email: 'Ann@Example.com', password: 'correct horse battery staple' };

/** Nothing a client receives may contain the password or its hash. */
function expectNoPassword(text: string) {
  expect(text).not.toContain(ann.password);
  expect(text).not.toContain('$argon2');
  expect(text).not.toContain('passwordHash');
}

describe('POST /api/users and /api/users/login', () => {
  it('registers with 201 and { user } with a token, storing only an argon2 hash', async () => {
    const res = await api.post('/api/users').send({ user: ann });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: {
        email: 'ann@example.com',
        username: 'ann',
        bio: null,
        image: null,
        token: expect.any(String) as string,
      },
    });
    expectNoPassword(res.text);
    const stored = await UserModel.findOne({ email: 'ann@example.com' }).select('+passwordHash');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers a taken email (any case) or username with 409 and the field in errors', async () => {
    await api.post('/api/users').send({ user: ann });
    const email = await api
      .post('/api/users')
      .send({ user: { ...ann, username: 'other', email: 'ann@EXAMPLE.com' } });
    expect(email.status).toBe(409);
    expect(email.body).toEqual({ errors: { email: ['has already been taken'] } });
    const name = await api
      .post('/api/users')
      .send({ user: { ...ann, email: 'other@example.com' } });
    expect(name.status).toBe(409);
    expect(name.body).toEqual({ errors: { username: ['has already been taken'] } });
    expect(await UserModel.countDocuments()).toBe(1);
  });

  it('refuses unknown fields (no role: admin by the back door) and bad values with 422', async () => {
    const role = await api.post('/api/users').send({ user: { ...ann, role: 'admin' } });
    expect(role.status).toBe(422);
    expect(role.body).toEqual({ errors: { role: ['is not allowed'] } });
    const bad = await api
      .post('/api/users')
      .send({ user: { username: 'a b', email: 'not-an-email', password: 'short' } });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body as { errors: object }).errors).sort()).toEqual([
      'email',
      'password',
      'username',
    ]);
    const flat = await api.post('/api/users').send(ann);
    expect(flat.status).toBe(422);
    expect(await UserModel.countDocuments()).toBe(0);
  });

  it('logs in with 200 and a token that opens GET /api/user', async () => {
    await api.post('/api/users').send({ user: ann });
    const res = await api
      .post('/api/users/login')
      .send({ user: { email: 'ann@example.com', password: ann.password } });
    expect(res.status).toBe(200);
    const { token } = (res.body as { user: { token: string } }).user;
    const me = await api.get('/api/user').set('Authorization', `Token ${token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: 'ann@example.com', username: 'ann' } });
    expectNoPassword(me.text);
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    await api.post('/api/users').send({ user: ann });
    const wrong = await api
      .post('/api/users/login')
      .send({ user: { email: ann.email, password: 'wrong password' } });
    const unknown = await api
      .post('/api/users/login')
      .send({ user: { email: 'nobody@example.com', password: ann.password } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ errors: { 'email or password': ['is invalid'] } });
  });
});

describe('PUT /api/user', () => {
  it('updates bio, image, username and password; the new password logs in', async () => {
    const user = await registerUser(raw);
    const res = await api
      .put('/api/user')
      .set('Authorization', tokenOf(user))
      .send({
        user: {
          bio: 'I like dragons',
          image: 'https://example.com/me.png',
          username: 'ann-renamed',
          password: 'a brand new password',
        },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { bio: 'I like dragons', image: 'https://example.com/me.png', username: 'ann-renamed' },
    });
    const login = await api
      .post('/api/users/login')
      .send({ user: { email: user.email, password: 'a brand new password' } });
    expect(login.status).toBe(200);
  });

  it('keeps the password on an empty one and clears the image on an empty string', async () => {
    const user = await registerUser(raw);
    const res = await api
      .put('/api/user')
      .set('Authorization', tokenOf(user))
      .send({ user: { password: '', image: '' } });
    expect(res.status).toBe(200);
    expect((res.body as { user: { image: unknown } }).user.image).toBeNull();
    const login = await api
      .post('/api/users/login')
      .send({ user: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
  });

  it('refuses an empty update, a javascript: image and unknown fields with 422', async () => {
    const user = await registerUser(raw);
    for (const body of [
      { user: {} },
      { user: { image: 'javascript:alert(1)' } },
      { user: { role: 'admin' } },
    ]) {
      const res = await api.put('/api/user').set('Authorization', tokenOf(user)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it('answers a username someone else has with 409', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const res = await api
      .put('/api/user')
      .set('Authorization', tokenOf(bob))
      .send({ user: { username: ann.username } });
    expect(res.status).toBe(409);
  });
});

describe('Authorization: Token <jwt>', () => {
  it('answers 401 with { errors: { token } } without a token or with another scheme', async () => {
    const user = await registerUser(raw);
    for (const header of [undefined, 'Token', `Bearer ${user.token}`, 'Token a b', '']) {
      const req = api.get('/api/user');
      const res = await (header === undefined ? req : req.set('Authorization', header));
      expect(res.status, String(header)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Token');
      expect(res.body).toEqual({ errors: { token: ['Unauthorized'] } });
    }
  });

  it('refuses tokens that are forged, unsigned, expired or for a deleted user', async () => {
    const user = await registerUser(raw);
    const { sub } = jwt.decode(user.token) as { sub: string };
    const forged = jwt.sign({ role: 'admin' }, 'x'.repeat(32), { subject: sub });
    const unsigned = jwt.sign({ role: 'admin' }, '', { subject: sub, algorithm: 'none' });
    const expired = jwt.sign(
      { role: 'user', exp: Math.floor(Date.now() / 1000) - 10 },
      config.jwtSecret,
      { subject: sub },
    );
    // HS512 with the right secret: still refused, only HS256 is on the allow-list.
    const otherAlgorithm = jwt.sign({ role: 'user' }, config.jwtSecret, {
      subject: sub,
      algorithm: 'HS512',
    });
    for (const token of [forged, unsigned, expired, otherAlgorithm, 'not.a.jwt']) {
      const res = await api.get('/api/user').set('Authorization', `Token ${token}`);
      expect(res.status, token).toBe(401);
    }
    await UserModel.deleteMany({});
    const gone = await api.get('/api/user').set('Authorization', tokenOf(user));
    expect(gone.status).toBe(401);
  });

  it('signs tokens with HS256 and an expiry of JWT_TTL_SECONDS', () => {
    const token = signToken({ id: '665f1f77bcf86cd799439011', role: 'user' });
    const header = jwt.decode(token, { complete: true })?.header;
    const payload = jwt.decode(token) as { iat: number; exp: number; sub: string };
    expect(header?.alg).toBe('HS256');
    expect(payload.sub).toBe('665f1f77bcf86cd799439011');
    expect(payload.exp - payload.iat).toBe(config.jwtTtlSeconds);
  });
});
