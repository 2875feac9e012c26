// The server delivers the frontend; the frontend then calls the API like any other client.
import { describe, expect, it } from 'vitest';
import { useApi } from './api.js';

const api = useApi();

describe('the frontend in public/', () => {
  it('is served as an HTML page at /', async () => {
    const res = await api().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<script type="module" src="/app.js"></script>');
  });

  it('serves the browser code the page loads', async () => {
    for (const path of ['/app.js', '/http-log.js']) {
      const res = await api().get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/javascript/);
    }
  });
});
