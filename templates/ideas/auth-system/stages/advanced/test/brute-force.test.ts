// Brute-force protection for logins (the guard for mistake:ignoring-security in
// src/auth/login-guard.ts): per account and per IP, 429 with Retry-After, reset on success.
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { useApi } from './api.js';
import { register } from './accounts.js';

const api = useApi();

const login = (email: string, password: string) =>
  api().post('/auth/login').send({ email, password });

describe('brute-force protection', () => {
  it(`refuses an account with 429 and Retry-After after ${config.loginMaxFailures} failures`, async () => {
    const ann = await register(api);
    for (let i = 0; i < config.loginMaxFailures; i += 1) {
      expect((await login(ann.email, `wrong password ${i}`)).status).toBe(401);
    }
    // Even the right password: the lock is checked before the password.
    const locked = await login(ann.email, ann.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'too_many_failed_logins' } });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(config.loginLockoutSeconds);
  });

  it('locks unknown emails exactly like known ones (nothing to learn from it)', async () => {
    for (let i = 0; i < config.loginMaxFailures; i += 1) {
      expect((await login('nobody@example.com', 'guess')).status).toBe(401);
    }
    expect((await login('NOBODY@example.com', 'guess')).status).toBe(429);
  });

  it('resets the account counter on a successful login', async () => {
    const ann = await register(api);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < config.loginMaxFailures - 1; i += 1) {
        expect((await login(ann.email, 'wrong password')).status).toBe(401);
      }
      expect((await login(ann.email, ann.password)).status).toBe(200);
    }
  });

  it('does not count a request that was not a guess (422)', async () => {
    const ann = await register(api);
    for (let i = 0; i < config.loginMaxFailures + 2; i += 1) {
      expect((await api().post('/auth/login').send({ email: ann.email })).status).toBe(422);
    }
    expect((await login(ann.email, ann.password)).status).toBe(200);
  });

  it('refuses one IP after LOGIN_MAX_FAILURES_PER_IP failures across accounts', async () => {
    // A lower limit for this test: each failed login costs one (slow, on purpose) argon2 check.
    const original = config.loginMaxFailuresPerIp;
    config.loginMaxFailuresPerIp = 8;
    try {
      // Password spraying: one guess each against many accounts, all from this test's IP.
      for (let i = 0; i < config.loginMaxFailuresPerIp; i += 1) {
        expect((await login(`user${i}@example.com`, 'Summer2026!')).status).toBe(401);
      }
      const res = await login('someone-else@example.com', 'Summer2026!');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      config.loginMaxFailuresPerIp = original;
    }
  });
});
