// The OWASP API Security Top 10 defences that every route shares (see docs/security.md for the
// full table): security headers, request ids, rate limits in Redis, no internals in production
// errors, safe production settings and NoSQL-injection-proof queries.
import express from 'express';
import { model, Schema } from 'mongoose';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { config, loadConfig } from '../src/config.js';
import { errorHandler, HttpError } from '../src/http/errors.js';
import { httpLogger } from '../src/logger.js';
import { productionProblems } from '../src/security/headers.js';
import { errorBody } from '../src/http/error-body.js';
import { useApi } from './api.js';
import { requiredEnv } from './required-env.js';

const api = useApi();

describe('security headers and request ids', () => {
  it('sends helmet’s headers on every answer', async () => {
    const res = await api().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on a refused body too (the headers come before the body parser)', async () => {
    const res = await api().post('/health').set('Content-Type', 'application/json').send('{"x": ');
    expect(res.status).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives every answer its own X-Request-Id, and keeps a well-formed one from a proxy', async () => {
    const [first, second] = await Promise.all([api().get('/health'), api().get('/health')]);
    expect(first.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    const kept = await api().get('/health').set('X-Request-Id', 'edge-42');
    expect(kept.headers['x-request-id']).toBe('edge-42');
    const replaced = await api().get('/health').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('serves Swagger UI at /docs with a policy loosened for that page only', async () => {
    const res = await api().get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });
});

describe('rate limits', () => {
  it('answers a burst past RATE_LIMIT_MAX with 429, Retry-After and the RateLimit headers', async () => {
    const limit = config.rateLimitMax;
    const first = await api().get('/no-such-thing');
    expect(first.headers['ratelimit-policy']).toContain(
      `q=${limit}; w=${config.rateLimitWindowSeconds}`,
    );
    for (let sent = 1; sent < limit; sent += 50) {
      const batch = Array.from({ length: Math.min(50, limit - sent) }, () =>
        api().get('/no-such-thing'),
      );
      expect((await Promise.all(batch)).every((res) => res.status === 404)).toBe(true);
    }
    const refused = await api().get('/no-such-thing');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(
      errorBody(
        new HttpError(429, 'too_many_requests', 'Too many requests: slow down and retry later.'),
      ),
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Health checks are never limited: the load balancer must still see the instance.
    expect((await api().get('/health')).status).toBe(200);
  });
});

describe('errors in production', () => {
  const wasProduction = config.isProduction;
  afterEach(() => {
    config.isProduction = wasProduction;
  });

  it('never sends a stack trace or an internal message', async () => {
    const app = express();
    app.use(httpLogger());
    app.get('/boom', () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:27017 at Pool.connect (/app/db.js:42)');
    });
    app.use(errorHandler);
    config.isProduction = true;
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(
      errorBody(new HttpError(500, 'internal_error', 'Something went wrong.')),
    );
    expect(res.text).not.toMatch(/ECONNREFUSED|stack|at \w+/);
  });
});

describe('production settings', () => {
  it('refuses CORS_ORIGIN=* in production, not in development', () => {
    expect(productionProblems({ isProduction: true, corsOrigin: '*' })).toHaveLength(1);
    expect(productionProblems({ isProduction: true, corsOrigin: ['https://app.example'] })).toEqual(
      [],
    );
    expect(productionProblems({ isProduction: false, corsOrigin: '*' })).toEqual([]);
  });

  it('reads TRUST_PROXY as a hop count or addresses, and never as "trust everyone"', () => {
    const load = (value: string) => loadConfig({ ...requiredEnv, TRUST_PROXY: value }).trustProxy;
    expect(load('false')).toBe(false);
    expect(load('1')).toBe(1);
    expect(load('10.0.0.0/8, loopback')).toBe('10.0.0.0/8, loopback');
    expect(() => load('true')).toThrow(/TRUST_PROXY/);
  });
});

describe('NoSQL injection', () => {
  const Account = model('InjectionProbeAccount', new Schema({ email: String }));

  it('treats an operator sent as a value as a plain value (sanitizeFilter)', async () => {
    await Account.create({ email: 'ann@example.com' });
    // An email of `{"$ne": null}` in a JSON body: the code expects a string and gets an operator
    // that, without the defence, matches every account.
    const filter = { email: JSON.parse('{"$ne": null}') as string };
    const found = await Account.find(filter).catch(() => []);
    expect(found).toEqual([]);
  });
});
