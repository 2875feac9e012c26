// The security probe's plan (scripts/reliability/probe.ts): which attacks each documented
// operation gets. The probe itself runs against real starters in `npm run reliability`.
import { describe, expect, it } from 'vitest';
import { probesFor, type OpenApiDocument } from '../../scripts/reliability/probe.ts';

const document: OpenApiDocument = {
  components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/todos/{id}': {
      get: { security: [{ bearerAuth: [] }] },
      put: {
        security: [{ bearerAuth: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { title: { type: 'string' } } },
            },
          },
        },
      },
    },
    '/articles': {
      get: { security: [{}, { bearerAuth: [] }], parameters: [{ name: 'tag', in: 'query' }] },
    },
  },
};

const probes = probesFor(document, { word: 'Bearer', token: 'valid' }, 'x'.repeat(32));
const labels = probes.map((probe) => probe.label);

describe('the security probe plan', () => {
  it('sends forged tokens to operations that require a login, expecting 401', () => {
    for (const name of ['no token', 'alg none token', 'another secret token', 'expired token']) {
      const probe = probes.find((entry) => entry.label === `GET /todos/{id}: ${name}`);
      expect(probe?.expected).toBe('401');
      expect(probe?.expect(200)).toBe(false);
    }
    const none = probes.find((entry) => entry.label === 'GET /todos/{id}: alg none token');
    const header = none?.headers?.authorization?.split(' ')[1]?.split('.')[0] ?? '';
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'none' });
  });

  it('skips forged tokens where the login is optional', () => {
    expect(labels.some((label) => label.startsWith('GET /articles: no token'))).toBe(false);
  });

  it('injects operators into query strings, bodies and path parameters', () => {
    expect(labels).toContain('GET /articles: ?tag[$ne]=x');
    expect(labels).toContain('PUT /todos/{id}: path parameter ../../etc/passwd');
    const body = probes.find(
      (entry) => entry.label === 'PUT /todos/{id}: operators in the JSON body',
    );
    expect(JSON.parse(body?.body ?? '{}')).toEqual({ title: { $gt: '' } });
    expect(body?.expect(500)).toBe(false);
    expect(body?.expect(422)).toBe(true);
  });

  it('expects 413 for an oversized body', () => {
    const big = probes.find((entry) => entry.label === 'PUT /todos/{id}: a 2 MB JSON body');
    expect(big?.expected).toBe('413');
    expect(big?.body?.length).toBeGreaterThan(2 * 1024 * 1024);
  });
});
