// Redis goes away: the deny-list and the login counters cannot be asked, and the auth system
// FAILS CLOSED (src/auth/revocation.ts explains why): authenticated requests and logins get 503
// with Retry-After, while public routes keep answering and readiness names Redis.
import { describe, expect, it } from 'vitest';
import { useApi } from './api.js';
import { bearer, register } from './accounts.js';
import { useRedisOfItsOwn } from './redis-of-its-own.js';

const api = useApi();

const { stopRedis } = useRedisOfItsOwn('auth-outage:');

describe('when Redis goes down', () => {
  it('fails closed for tokens and logins, and keeps public routes up', async () => {
    const ann = await register(api);
    expect((await api().get('/me').set('Authorization', bearer(ann))).status).toBe(200);

    await stopRedis();

    const me = await api().get('/me').set('Authorization', bearer(ann));
    expect(me.status).toBe(503);
    expect(me.headers['retry-after']).toBe('5');
    expect(me.headers['www-authenticate']).toBeUndefined();
    const login = await api()
      .post('/auth/login')
      .send({ email: ann.email, password: ann.password });
    expect(login.status).toBe(503);
    expect(login.headers['retry-after']).toBe('5');
    // No token involved: still answered.
    expect((await api().post('/auth/forgot-password').send({ email: ann.email })).status).toBe(202);
    expect((await api().get('/health')).status).toBe(200);
    expect((await api().get('/health/ready')).status).toBe(503);
  }, 30_000);
});
