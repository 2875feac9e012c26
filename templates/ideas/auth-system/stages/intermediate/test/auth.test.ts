// Registration, login, access and refresh tokens, logout: through real HTTP requests and a real
// database. Also the attacks on them: tampered JWTs, mass assignment of `role`, secrets that
// leak into responses or the database.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { hashToken } from '../src/auth/secret-token.js';
import { scryptHash } from '../src/auth/scrypt.js';
import { UserModel } from '../src/auth/user.model.js';
import { SessionModel } from '../src/sessions/session.model.js';
import { useApi } from './api.js';
import { bearer, register } from './accounts.js';

const api = useApi();

const ann = { name: 'Ann', email: 'Ann@Example.com', password: 'correct horse battery staple' };

interface Tokens {
  token: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; role: string; emailVerified: boolean };
}

/** Nothing a client receives may contain the password or its hash. */
function expectNoPassword(text: string) {
  expect(text).not.toContain(ann.password);
  expect(text).not.toContain('$argon2');
  expect(text).not.toContain('passwordHash');
}

describe('register and login', () => {
  it('registers with 201, an access token, a refresh token and the unverified user', async () => {
    const res = await api().post('/auth/register').send(ann);
    expect(res.status).toBe(201);
    const body = res.body as Tokens;
    expect(body).toEqual({
      token: expect.any(String) as string,
      refreshToken: expect.stringMatching(/^[\w-]{43}$/) as string,
      expiresIn: config.jwtTtlSeconds,
      user: expect.objectContaining({
        email: 'ann@example.com',
        role: 'user',
        emailVerified: false,
      }) as object,
    });
    expectNoPassword(res.text);
    const stored = await UserModel.findOne({ email: 'ann@example.com' }).select('+passwordHash');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('stores only the hash of the refresh token', async () => {
    const { refreshToken } = (await api().post('/auth/register').send(ann)).body as Tokens;
    const sessions = await SessionModel.find().lean();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.tokenHash).toBe(hashToken(refreshToken));
    expect(JSON.stringify(sessions)).not.toContain(refreshToken);
  });

  it('answers a second registration with the same email (any case) with 409', async () => {
    await api().post('/auth/register').send(ann);
    const res = await api()
      .post('/auth/register')
      .send({ ...ann, email: 'ann@EXAMPLE.com' });
    expect(res.status).toBe(409);
    expect(await UserModel.countDocuments()).toBe(1);
  });

  it('refuses `role` or `emailVerifiedAt` in the body with 422 (no admin by the back door)', async () => {
    for (const extra of [{ role: 'admin' }, { emailVerifiedAt: new Date().toISOString() }]) {
      const res = await api()
        .post('/auth/register')
        .send({ ...ann, ...extra });
      expect(res.status).toBe(422);
      expect(res.text).toContain(Object.keys(extra)[0]);
    }
    expect(await UserModel.countDocuments()).toBe(0);
  });

  it('logs in with 200 and tokens; the access token opens /me', async () => {
    await api().post('/auth/register').send(ann);
    const res = await api()
      .post('/auth/login')
      .send({ email: 'ann@example.com', password: ann.password });
    expect(res.status).toBe(200);
    const me = await api()
      .get('/me')
      .set('Authorization', `Bearer ${(res.body as Tokens).token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'ann@example.com', role: 'user', hasAvatar: false });
    expectNoPassword(me.text);
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    await api().post('/auth/register').send(ann);
    const wrong = await api()
      .post('/auth/login')
      .send({ email: ann.email, password: 'wrong password' });
    const unknown = await api()
      .post('/auth/login')
      .send({ email: 'nobody@example.com', password: ann.password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('logs in an account with a beginner-stage scrypt hash and upgrades it to argon2id', async () => {
    await UserModel.create({
      name: 'Old',
      email: 'old@example.com',
      passwordHash: await scryptHash(ann.password),
    });
    const res = await api()
      .post('/auth/login')
      .send({ email: 'old@example.com', password: ann.password });
    expect(res.status).toBe(200);
    const stored = await UserModel.findOne({ email: 'old@example.com' }).select('+passwordHash');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('access tokens', () => {
  it('answers 401 with WWW-Authenticate without a token or with a malformed header', async () => {
    for (const header of [undefined, 'Bearer', 'Basic abc', 'Bearer a b']) {
      const req = api().get('/me');
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status, String(header)).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('refuses tokens that are forged, unsigned, expired, of another algorithm or for a deleted user', async () => {
    const user = await register(api);
    const { sub } = jwt.decode(user.token) as { sub: string };
    const forged = jwt.sign({ role: 'admin' }, 'x'.repeat(32), { subject: sub });
    const unsigned = jwt.sign({ role: 'admin' }, '', { subject: sub, algorithm: 'none' });
    const expired = jwt.sign(
      { role: 'user', exp: Math.floor(Date.now() / 1000) - 10 },
      config.jwtSecret,
      { subject: sub },
    );
    const otherAlgorithm = jwt.sign({ role: 'user' }, config.jwtSecret, {
      subject: sub,
      algorithm: 'HS512',
    });
    // A real token with its payload edited to say admin: the signature no longer matches.
    const [header, , signature] = user.token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub, role: 'admin' })).toString('base64url');
    const tampered = `${header}.${payload}.${signature}`;
    for (const token of [forged, unsigned, expired, otherAlgorithm, tampered, 'not.a.jwt']) {
      const res = await api().get('/me').set('Authorization', `Bearer ${token}`);
      expect(res.status, token).toBe(401);
    }
    await UserModel.deleteMany({});
    expect((await api().get('/me').set('Authorization', bearer(user))).status).toBe(401);
  });

  it('expire after JWT_TTL_SECONDS (900 by default)', async () => {
    const user = await register(api);
    const payload = jwt.decode(user.token) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(config.jwtTtlSeconds);
    expect(config.jwtTtlSeconds).toBe(900);
  });
});

describe('refresh and logout', () => {
  it('POST /auth/refresh answers 200 with a new access token', async () => {
    const user = await register(api);
    const res = await api().post('/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(res.status).toBe(200);
    const body = res.body as Tokens;
    expect(body.expiresIn).toBe(config.jwtTtlSeconds);
    expect((await api().get('/me').set('Authorization', `Bearer ${body.token}`)).status).toBe(200);
  });

  it('gives a refreshed token the role the database has now', async () => {
    const user = await register(api);
    await UserModel.updateOne({ _id: user.id }, { role: 'admin' });
    const res = await api().post('/auth/refresh').send({ refreshToken: user.refreshToken });
    expect((jwt.decode((res.body as Tokens).token) as { role: string }).role).toBe('admin');
  });

  it('refuses an unknown, malformed or expired refresh token with 401', async () => {
    const user = await register(api);
    for (const refreshToken of ['A'.repeat(43), 'short']) {
      const res = await api().post('/auth/refresh').send({ refreshToken });
      expect(res.status, refreshToken).toBe(401);
    }
    await SessionModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    const res = await api().post('/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(res.status).toBe(401);
  });

  it('answers 422 for a refresh without a token, an access token, or extra fields', async () => {
    expect((await api().post('/auth/refresh').send({})).status).toBe(422);
    const user = await register(api);
    const access = await api().post('/auth/refresh').send({ refreshToken: user.token });
    expect(access.status).toBe(422);
    const res = await api()
      .post('/auth/refresh')
      .send({ refreshToken: user.refreshToken, role: 'admin' });
    expect(res.status).toBe(422);
  });

  it('POST /auth/logout answers 204 and the refresh token stops working; twice is fine', async () => {
    const user = await register(api);
    const logout = () => api().post('/auth/logout').send({ refreshToken: user.refreshToken });
    const res = await logout();
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await logout()).status).toBe(204);
    const refresh = await api().post('/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('POST /auth/logout-all ends every session of the user, and only theirs', async () => {
    const ann = await register(api);
    const laptop = await api()
      .post('/auth/login')
      .send({ email: ann.email, password: ann.password });
    const bob = await register(api, 'Bob');
    expect((await api().post('/auth/logout-all')).status).toBe(401);
    const res = await api().post('/auth/logout-all').set('Authorization', bearer(ann));
    expect(res.status).toBe(204);
    for (const refreshToken of [ann.refreshToken, (laptop.body as Tokens).refreshToken]) {
      expect((await api().post('/auth/refresh').send({ refreshToken })).status).toBe(401);
    }
    const bobs = await api().post('/auth/refresh').send({ refreshToken: bob.refreshToken });
    expect(bobs.status).toBe(200);
  });
});
