// The todo API behind Redis (src/todos/todo.cache.ts), through real HTTP requests, a real MongoDB
// and a real Redis: a repeated read is a HIT, every write invalidates what it changed, a cached
// todo is still only its owner's, and a dedicated Redis stopped mid-test does not stop the API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { connectRedis, isRedisReady, type CloseRedis } from '../src/redis.js';
import { useApi } from './api.js';
import { startRedisServer } from './redis-server.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

let ann: TestUser;
let bob: TestUser;

beforeEach(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

async function createTodo(user: TestUser, title = 'Buy milk') {
  const res = await api()
    .post('/todos')
    .set('Authorization', bearer(user))
    .send({ title, description: 'Oat, 2 l' });
  expect(res.status).toBe(201);
  return res.body as { id: string; title: string };
}

const get = (user: TestUser, path: string) => api().get(path).set('Authorization', bearer(user));

describe('reading todos through the cache', () => {
  it('answers a repeated GET /todos/:id from Redis (MISS, then HIT) with the same body', async () => {
    const { id } = await createTodo(ann);
    const first = await get(ann, `/todos/${id}`);
    const second = await get(ann, `/todos/${id}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
    // A HIT sends the stored JSON text as it is: byte for byte what the MISS sent.
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
  });

  it('caches each page of the list on its own', async () => {
    await createTodo(ann);
    expect((await get(ann, '/todos?page=1&limit=5')).headers['x-cache']).toBe('MISS');
    expect((await get(ann, '/todos?page=1&limit=5')).headers['x-cache']).toBe('HIT');
    expect((await get(ann, '/todos?page=2&limit=5')).headers['x-cache']).toBe('MISS');
  });
});

describe('writes invalidate what they change', () => {
  it('PATCH, PUT and DELETE: the next read is fresh', async () => {
    const { id } = await createTodo(ann);
    await get(ann, `/todos/${id}`);
    await get(ann, '/todos');

    const patched = await api()
      .patch(`/todos/${id}`)
      .set('Authorization', bearer(ann))
      .send({ completed: true });
    expect(patched.status).toBe(200);
    const afterPatch = await get(ann, `/todos/${id}`);
    expect(afterPatch.headers['x-cache']).toBe('MISS');
    expect(afterPatch.body).toMatchObject({ completed: true });
    const list = await get(ann, '/todos');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(list.body).toMatchObject({ data: [{ id, completed: true }] });

    const put = await api()
      .put(`/todos/${id}`)
      .set('Authorization', bearer(ann))
      .send({ title: 'Buy bread', description: 'Rye' });
    expect(put.status).toBe(200);
    expect((await get(ann, `/todos/${id}`)).body).toMatchObject({ title: 'Buy bread' });

    expect((await api().delete(`/todos/${id}`).set('Authorization', bearer(ann))).status).toBe(204);
    expect((await get(ann, `/todos/${id}`)).status).toBe(404);
    expect((await get(ann, '/todos')).body).toMatchObject({ data: [], total: 0 });
  });

  it('POST: a new todo appears in the cached list at once', async () => {
    await createTodo(ann, 'first');
    expect((await get(ann, '/todos')).body).toMatchObject({ total: 1 });
    await createTodo(ann, 'second');
    const list = await get(ann, '/todos');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(list.body).toMatchObject({ total: 2 });
  });
});

describe('security through the cache', () => {
  it('never serves a cached todo to another user (403, as without the cache)', async () => {
    const { id } = await createTodo(ann);
    expect((await get(ann, `/todos/${id}`)).status).toBe(200);
    expect((await get(ann, `/todos/${id}`)).headers['x-cache']).toBe('HIT');
    const asBob = await get(bob, `/todos/${id}`);
    expect(asBob.status).toBe(403);
    expect(asBob.body).toEqual({ message: 'Forbidden' });
    expect((await get(bob, '/todos')).body).toMatchObject({ data: [], total: 0 });
  });

  it('never caches for a request without a valid token (401)', async () => {
    const res = await api().get('/todos');
    expect(res.status).toBe(401);
    expect(res.headers['x-cache']).toBeUndefined();
  });

  it('sends the security headers and a request id on /todos', async () => {
    const res = await get(ann, '/todos');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.headers['ratelimit-policy']).toContain(`q=${config.rateLimitMax}`);
  });

  it('refuses a burst of requests past RATE_LIMIT_MAX with 429', async () => {
    let refused = 0;
    for (let sent = 0; sent <= config.rateLimitMax && refused === 0; sent += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => get(ann, '/todos')));
      refused = batch.filter((res) => res.status === 429).length;
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('with Redis down', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let closeRedis: CloseRedis | undefined;

  beforeAll(async () => {
    // A Redis of this block's own, so stopping it harms no other test.
    server = await startRedisServer();
    closeRedis = await connectRedis({ url: server.url, keyPrefix: 'todo-outage:' });
  });
  afterAll(async () => {
    await closeRedis?.();
    await server?.stop();
  });

  it('keeps answering from MongoDB, and readiness says Redis is down', async () => {
    const { id } = await createTodo(ann);
    expect((await get(ann, `/todos/${id}`)).headers['x-cache']).toBe('MISS');
    await server?.stop();
    const deadline = Date.now() + 10_000;
    while (isRedisReady() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    const res = await get(ann, `/todos/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBe('BYPASS');
    expect(res.body).toMatchObject({ id, title: 'Buy milk' });
    const patched = await api()
      .patch(`/todos/${id}`)
      .set('Authorization', bearer(ann))
      .send({ completed: true });
    expect(patched.status).toBe(200);
    expect((await get(ann, `/todos/${id}`)).body).toMatchObject({ completed: true });
    expect((await api().get('/health/ready')).status).toBe(503);
    expect((await api().get('/health')).status).toBe(200);
  }, 30_000);
});
