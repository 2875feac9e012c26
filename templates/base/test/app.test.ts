// What every route of this API shares: health, the 404 and error format, CORS, JSON parsing.
// supertest sends real HTTP requests to the app (see test/api.ts).
import { describe, expect, it } from 'vitest';
import { errorBody } from '../src/http/error-body.js';
import { HttpError } from '../src/http/errors.js';
import { useApi } from './api.js';

const api = useApi();

describe('the API as a whole', () => {
  it('reports health with 200 while the database is connected', async () => {
    const res = await api().get('/health');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok', database: 'connected' });
  });

  it('answers an unknown URL with 404 and the JSON error body', async () => {
    const res = await api().get('/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(
      errorBody(new HttpError(404, 'not_found', 'Nothing here: GET /no-such-thing')),
    );
  });

  it('answers broken JSON with 400, not 500', async () => {
    const res = await api()
      .post('/health')
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      errorBody(
        new HttpError(400, 'invalid_json', 'The request body is not a JSON object or array.'),
      ),
    );
  });

  it('allows browsers on other origins to call it (CORS)', async () => {
    const res = await api().get('/health').set('Origin', 'http://example.com');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a CORS preflight for PATCH with 204', async () => {
    const res = await api()
      .options('/health')
      .set('Origin', 'http://example.com')
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toContain('PATCH');
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
  });

  it('does not advertise the framework', async () => {
    const res = await api().get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
