// Guard for mistake:weak-validation. A small app with one validated route, called over real
// HTTP: unknown fields, malformed ids and over-limit pages must be refused before the handler.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from '../src/http/errors.js';
import { listQuery, MAX_LIMIT } from '../src/http/pagination.js';
import { idParams, validate } from '../src/http/validate.js';

const update = validate({
  params: idParams,
  query: listQuery({
    sortable: ['title'],
    defaultSort: 'title',
    filters: { done: z.stringbool().optional() },
  }),
  body: z.strictObject({ title: z.string().min(1).max(50) }),
});

const app = express();
app.use(express.json());
let reached = 0;
app.put('/things/:id', update, (req, res) => {
  reached += 1;
  // Express 5: req.query cannot be replaced; the parsed, converted values come from input().
  res.status(200).json(update.input(req));
});
app.use(errorHandler);

const id = '665f1f77bcf86cd799439011';

describe('validate()', () => {
  it('passes parsed, converted values to the handler', async () => {
    const res = await request(app).put(`/things/${id}?page=2&done=true`).send({ title: 'Ok' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      params: { id },
      query: { page: 2, limit: 10, sort: 'title', done: true },
      body: { title: 'Ok' },
    });
  });

  it('refuses unknown body fields with 422 and names each one (no mass assignment)', async () => {
    const before = reached;
    const res = await request(app)
      .put(`/things/${id}`)
      .send({ title: 'Ok', owner: id, role: 'admin' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('owner');
    expect(res.text).toContain('role');
    expect(reached).toBe(before);
  });

  it('refuses a wrong type or a missing body with 422', async () => {
    expect((await request(app).put(`/things/${id}`).send({ title: 42 })).status).toBe(422);
    expect((await request(app).put(`/things/${id}`)).status).toBe(422);
  });

  it('answers a malformed id with 404, never 500', async () => {
    for (const bad of ['abc', '665f1f77bcf86cd79943901z', `${id}0`]) {
      const res = await request(app).put(`/things/${bad}`).send({ title: 'Ok' });
      expect(res.status, bad).toBe(404);
    }
  });

  it('refuses over-limit pages, bad sorts and unknown query parameters with 400', async () => {
    for (const query of [
      `limit=${MAX_LIMIT + 1}`,
      'limit=0',
      'page=0',
      'page=1.5',
      'sort=password',
      'done=maybe',
      'admin=true',
    ]) {
      const res = await request(app).put(`/things/${id}?${query}`).send({ title: 'Ok' });
      expect(res.status, query).toBe(400);
    }
    const max = await request(app).put(`/things/${id}?limit=${MAX_LIMIT}`).send({ title: 'Ok' });
    expect(max.status).toBe(200);
  });
});
