// What a request's log line says: enough to find the request (id, method, URL, status, time),
// and no header, so no credential, ever reaches the log through it.
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { httpLogger, redact } from '../src/logger.js';

/** An app whose request log lines land in `lines`, one parsed object per line. */
function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const app = express();
  app.use(httpLogger(pino({ redact }, sink)));
  app.get('/todos/:id', (_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  return { app, lines };
}

describe('the request log', () => {
  it('writes one line per request: id, method, URL, status and duration', async () => {
    const { app, lines } = loggedApp();
    const res = await request(app).get('/todos/42?fields=title').set('X-Request-Id', 'req-1');
    expect(res.headers['x-request-id']).toBe('req-1');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 40, // warn: a 404 is the client's mistake
      msg: 'GET /todos/42?fields=title → 404',
      req: { id: 'req-1', method: 'GET', url: '/todos/42?fields=title' },
      res: { statusCode: 404 },
    });
    expect(typeof line?.responseTime).toBe('number');
  });

  it('leaves the request headers, and the credentials in them, out', async () => {
    const { app, lines } = loggedApp();
    await request(app)
      .get('/todos/42')
      .set('Authorization', 'Bearer eyJ.secret.token')
      .set('Cookie', 'sid=secret-cookie');
    const text = JSON.stringify(lines);
    expect(lines[0]?.req).not.toHaveProperty('headers');
    expect(text).not.toContain('eyJ.secret.token');
    expect(text).not.toContain('secret-cookie');
  });

  it('replaces a request id that does not look like one', async () => {
    const { app, lines } = loggedApp();
    const res = await request(app).get('/todos/42').set('X-Request-Id', 'not an id; {"forged":1}');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]?.req).toMatchObject({ id: res.headers['x-request-id'] });
  });
});
