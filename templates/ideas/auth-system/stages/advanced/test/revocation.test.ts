// Access tokens taken back before they expire: the deny-list in Redis that requireAuth checks.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { redisClient } from '../src/redis.js';
import { useApi } from './api.js';
import { bearer, register } from './accounts.js';

const api = useApi();

const me = (token: string) => api().get('/me').set('Authorization', `Bearer ${token}`);

describe('access-token revocation', () => {
  it('logout revokes the access tokens of that session at once', async () => {
    const ann = await register(api);
    expect((await me(ann.token)).status).toBe(200);
    await api().post('/auth/logout').send({ refreshToken: ann.refreshToken });
    const res = await me(ann.token);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('logout-all revokes every token of the user, and nobody else’s', async () => {
    const ann = await register(api);
    const laptop = await api()
      .post('/auth/login')
      .send({ email: ann.email, password: ann.password });
    const bob = await register(api, 'Bob');
    // iat has a precision of one second: a token issued in the same second is refused too.
    expect((await api().post('/auth/logout-all').set('Authorization', bearer(ann))).status).toBe(
      204,
    );
    expect((await me(ann.token)).status).toBe(401);
    expect((await me((laptop.body as { token: string }).token)).status).toBe(401);
    expect((await me(bob.token)).status).toBe(200);
  });

  it('ending one session from the list revokes its access token', async () => {
    const ann = await register(api);
    const laptop = await api()
      .post('/auth/login')
      .send({ email: ann.email, password: ann.password });
    const { sid } = jwt.decode((laptop.body as { token: string }).token) as { sid: string };
    const res = await api().delete(`/sessions/${sid}`).set('Authorization', bearer(ann));
    expect(res.status).toBe(204);
    expect((await me((laptop.body as { token: string }).token)).status).toBe(401);
    expect((await me(ann.token)).status).toBe(200);
  });

  it('keeps each deny-list entry only as long as the tokens it stops', async () => {
    const ann = await register(api);
    await api().post('/auth/logout').send({ refreshToken: ann.refreshToken });
    const redis = redisClient();
    const { sid } = jwt.decode(ann.token) as { sid: string };
    const keys = await redis?.keys(`*revoked:session:${sid}`);
    expect(keys).toHaveLength(1);
    const ttl = await redis?.ttl(keys?.[0] ?? '');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(config.jwtTtlSeconds);
  });

  it('refuses a validly signed token without a session id', async () => {
    const ann = await register(api);
    const { sub } = jwt.decode(ann.token) as { sub: string };
    const legacy = jwt.sign({ role: 'user' }, config.jwtSecret, { subject: sub, expiresIn: 60 });
    expect((await me(legacy)).status).toBe(401);
  });
});
