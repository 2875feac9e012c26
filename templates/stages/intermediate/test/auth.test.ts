// Registration, login and protected routes, through real HTTP requests and a real database.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { signToken } from '../src/auth/tokens.js';
import { UserModel } from '../src/auth/user.model.js';
import { useApi } from './api.js';
import { authPath, bearer, registerUser } from './users.js';

const api = useApi();

const ann = { name: 'Ann', email: 'Ann@Example.com', password: 'correct horse battery staple' };

/** Nothing a client receives may contain the password or its hash. */
function expectNoPassword(text: string) {
  expect(text).not.toContain(ann.password);
  expect(text).not.toContain('$argon2');
  expect(text).not.toContain('passwordHash');
}

describe('register and login', () => {
  it('registers with 201 and a token, storing only an argon2 hash', async () => {
    const res = await api().post(authPath('/register')).send(ann);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String) as string });
    expectNoPassword(res.text);

    const stored = await UserModel.findOne({ email: 'ann@example.com' }).select('+passwordHash');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    // `select: false`: a normal query does not even load the hash.
    const plain = await UserModel.findOne({ email: 'ann@example.com' });
    expect(plain?.toObject()).not.toHaveProperty('passwordHash');
  });

  it('answers a second registration with the same email (any case) with 409', async () => {
    await api().post(authPath('/register')).send(ann);
    const res = await api()
      .post(authPath('/register'))
      .send({ ...ann, email: 'ann@EXAMPLE.com' });
    expect(res.status).toBe(409);
    expect(await UserModel.countDocuments()).toBe(1);
  });

  it('refuses a body with fields it does not know (no role: admin by the back door)', async () => {
    const res = await api()
      .post(authPath('/register'))
      .send({ ...ann, role: 'admin' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('role');
    expect(await UserModel.countDocuments()).toBe(0);
  });

  it('refuses a short password and a malformed email with 422', async () => {
    const res = await api()
      .post(authPath('/register'))
      .send({ ...ann, email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('email');
    expect(res.text).toContain('password');
  });

  it('logs in with 200 and a token that opens /me', async () => {
    await api().post(authPath('/register')).send(ann);
    const res = await api()
      .post(authPath('/login'))
      .send({ email: 'ann@example.com', password: ann.password });
    expect(res.status).toBe(200);
    const token = (res.body as { token: string }).token;

    const me = await api().get(authPath('/me')).set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'ann@example.com', name: 'Ann', role: 'user' });
    expectNoPassword(me.text);
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    await api().post(authPath('/register')).send(ann);
    const wrong = await api()
      .post(authPath('/login'))
      .send({ email: ann.email, password: 'wrong password' });
    const unknown = await api()
      .post(authPath('/login'))
      .send({ email: 'nobody@example.com', password: ann.password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expectNoPassword(wrong.text);
  });
});

describe('requireAuth', () => {
  it('answers 401 with WWW-Authenticate without a token or with a malformed header', async () => {
    for (const header of [undefined, 'Bearer', 'Basic abc', 'Bearer a b']) {
      const req = api().get(authPath('/me'));
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status, String(header)).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('refuses tokens that are forged, unsigned, expired or for a deleted user', async () => {
    const user = await registerUser(api);
    const { sub } = jwt.decode(user.token) as { sub: string };
    const forged = jwt.sign({ role: 'admin' }, 'x'.repeat(32), { subject: sub });
    const unsigned = jwt.sign({ role: 'admin' }, '', { subject: sub, algorithm: 'none' });
    const expired = jwt.sign(
      { role: 'user', exp: Math.floor(Date.now() / 1000) - 10 },
      config.jwtSecret,
      {
        subject: sub,
      },
    );
    // HS512 with the right secret: still refused, only HS256 is on the allow-list.
    const otherAlgorithm = jwt.sign({ role: 'user' }, config.jwtSecret, {
      subject: sub,
      algorithm: 'HS512',
    });
    for (const token of [forged, unsigned, expired, otherAlgorithm, 'not.a.jwt']) {
      const res = await api().get(authPath('/me')).set('Authorization', `Bearer ${token}`);
      expect(res.status, token).toBe(401);
    }

    await UserModel.deleteMany({});
    const gone = await api().get(authPath('/me')).set('Authorization', bearer(user));
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
