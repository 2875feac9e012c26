// The notes API behind Redis (src/notes/note.cache.ts), through real HTTP requests, a real
// MongoDB and a real Redis: a repeated read is a HIT, every write (an upload too) invalidates
// what it changed, and a cached note is still only its owner's.
import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

let ann: TestUser;
let bob: TestUser;

beforeEach(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

async function createNote(user: TestUser, title = 'Trip plan') {
  const res = await api()
    .post('/notes')
    .set('Authorization', bearer(user))
    .send({ title, content: '- book the train', tags: ['travel'] });
  expect(res.status).toBe(201);
  return res.body as { id: string; title: string };
}

const get = (user: TestUser, path: string) => api().get(path).set('Authorization', bearer(user));

describe('reading notes through the cache', () => {
  it('answers a repeated GET /notes/:id from Redis (MISS, then HIT) with the same body', async () => {
    const { id } = await createNote(ann);
    const first = await get(ann, `/notes/${id}`);
    const second = await get(ann, `/notes/${id}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
  });

  it('caches each query of the list on its own', async () => {
    await createNote(ann);
    expect((await get(ann, '/notes?tag=travel')).headers['x-cache']).toBe('MISS');
    expect((await get(ann, '/notes?tag=travel')).headers['x-cache']).toBe('HIT');
    expect((await get(ann, '/notes?q=train')).headers['x-cache']).toBe('MISS');
  });

  it('does not cache the rendered HTML', async () => {
    const { id } = await createNote(ann);
    await get(ann, `/notes/${id}/html`);
    const again = await get(ann, `/notes/${id}/html`);
    expect(again.status).toBe(200);
    expect(again.headers['x-cache']).toBeUndefined();
  });
});

describe('writes invalidate what they change', () => {
  it('PATCH and DELETE: the next read is fresh', async () => {
    const { id } = await createNote(ann);
    await get(ann, `/notes/${id}`);
    await get(ann, '/notes');

    const patched = await api()
      .patch(`/notes/${id}`)
      .set('Authorization', bearer(ann))
      .send({ pinned: true });
    expect(patched.status).toBe(200);
    const afterPatch = await get(ann, `/notes/${id}`);
    expect(afterPatch.headers['x-cache']).toBe('MISS');
    expect(afterPatch.body).toMatchObject({ pinned: true });
    const list = await get(ann, '/notes');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(list.body).toMatchObject({ data: [{ id, pinned: true }] });

    expect((await api().delete(`/notes/${id}`).set('Authorization', bearer(ann))).status).toBe(204);
    expect((await get(ann, `/notes/${id}`)).status).toBe(404);
    expect((await get(ann, '/notes')).body).toMatchObject({ data: [], total: 0 });
  });

  it('POST and upload: a new note appears in the cached list at once', async () => {
    await createNote(ann, 'first');
    expect((await get(ann, '/notes')).body).toMatchObject({ total: 1 });
    await createNote(ann, 'second');
    expect((await get(ann, '/notes')).body).toMatchObject({ total: 2 });

    const uploaded = await api()
      .post('/notes/upload')
      .set('Authorization', bearer(ann))
      .attach('file', Buffer.from('# Third'), { filename: 't.md', contentType: 'text/markdown' });
    expect(uploaded.status).toBe(201);
    const list = await get(ann, '/notes');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(list.body).toMatchObject({ total: 3 });
  });
});

describe('security through the cache', () => {
  it('never serves a cached note to another user (404, as without the cache)', async () => {
    const { id } = await createNote(ann);
    expect((await get(ann, `/notes/${id}`)).status).toBe(200);
    expect((await get(ann, `/notes/${id}`)).headers['x-cache']).toBe('HIT');
    const asBob = await get(bob, `/notes/${id}`);
    expect(asBob.status).toBe(404);
    expect((await get(bob, '/notes')).body).toMatchObject({ data: [], total: 0 });
    expect((await get(bob, '/notes?tag=travel')).body).toMatchObject({ data: [], total: 0 });
  });

  it('never caches for a request without a valid token (401)', async () => {
    const res = await api().get('/notes');
    expect(res.status).toBe(401);
    expect(res.headers['x-cache']).toBeUndefined();
  });
});
