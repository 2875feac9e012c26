// The OpenAPI document must describe exactly the routes Express really has, and each documented
// path must be answered by a route (not by the 404 handler).
import { describe, expect, it } from 'vitest';
import { documentedRoutes, routesOf } from '../src/http/openapi-registry.js';
import { mounts, openApiDocument } from '../src/openapi.js';
import { useApi } from './api.js';

const api = useApi();

describe('GET /openapi.json', () => {
  it('serves an OpenAPI 3.1 document', async () => {
    const res = await api().get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: '3.1.0', paths: expect.any(Object) as object });
  });

  it('documents every route, and only routes that exist', () => {
    const documented = documentedRoutes(openApiDocument().paths).sort();
    const actual = routesOf(mounts).sort();
    expect(actual.length).toBeGreaterThan(0);
    expect(documented).toEqual(actual);
  });

  it('has a route answering each documented path and method', async () => {
    const sampleId = '665f1f77bcf86cd799439011';
    for (const line of documentedRoutes(openApiDocument().paths)) {
      const [method = '', path = ''] = line.split(' ');
      const url = path.replace(/\{\w+\}/g, sampleId);
      const res = await api()[method.toLowerCase() as 'get'](url);
      // Whatever the answer (401 without a token, 422 without a body…), it must not be the
      // catch-all 404 for URLs no route handles.
      expect(res.text, line).not.toContain('Nothing here');
    }
  });
});
