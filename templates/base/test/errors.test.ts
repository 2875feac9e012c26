// How failures become statuses, for the errors no route can provoke on purpose: a database that
// went away answers 503 with Retry-After (try again), a bug answers 500 (don't).
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../src/http/errors.js';
import { httpLogger } from '../src/logger.js';

function appThrowing(error: Error) {
  const app = express();
  app.use(httpLogger());
  app.get('/fail', () => {
    throw error;
  });
  app.use(errorHandler);
  return app;
}

describe('the error handler', () => {
  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    const outage = Object.assign(new Error('connection refused'), { name: 'MongoNetworkError' });
    const res = await request(appThrowing(outage)).get('/fail');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
  });

  it('answers 503 for an error caused by a lost connection', async () => {
    const closed = Object.assign(new Error('Server is closed'), { name: 'MongoServerClosedError' });
    const wrapped = new Error('could not load the page', { cause: closed });
    const res = await request(appThrowing(wrapped)).get('/fail');
    expect(res.status).toBe(503);
  });

  it('answers 503 for a socket the server closed, as Node reports it', async () => {
    // What the driver can let through when MongoDB stops between two writes.
    const ended = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
    });
    const res = await request(appThrowing(ended)).get('/fail');
    expect(res.status).toBe(503);
  });

  it('answers 500 without Retry-After for a bug', async () => {
    const res = await request(appThrowing(new TypeError('x is undefined'))).get('/fail');
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });
});
