// The notes API behind a login, request by request, with exact status codes and headers: these
// tests are the guard for mistake:skipping-http-basics at this stage, and they prove that notes
// are private (another user's note is a 404), that lists come in pages, and that validation
// refuses what the API does not know. Against a real database.
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

interface NoteJson {
  id: string;
  title: string;
  content: string;
  tags: string[];
  pinned: boolean;
  owner: string;
  createdAt: string;
  updatedAt: string;
  url: string;
}

interface PageJson {
  data: NoteJson[];
  page: number;
  limit: number;
  total: number;
}

async function createNote(user: TestUser, body: object): Promise<NoteJson> {
  const res = await api().post('/notes').set('Authorization', bearer(user)).send(body);
  expect(res.status, res.text).toBe(201);
  return res.body as NoteJson;
}

async function listNotes(user: TestUser, query = ''): Promise<PageJson> {
  const res = await api().get(`/notes${query}`).set('Authorization', bearer(user));
  expect(res.status, `${query} ${res.text}`).toBe(200);
  return res.body as PageJson;
}

describe('authentication', () => {
  it('answers 401 on every notes route without a valid token', async () => {
    const id = '665f1f77bcf86cd799439011';
    const calls = {
      'GET /notes': api().get('/notes'),
      'POST /notes': api().post('/notes').send({ title: 'x' }),
      'POST /notes/upload': api().post('/notes/upload'),
      'GET /notes/:id': api().get(`/notes/${id}`),
      'GET /notes/:id/html': api().get(`/notes/${id}/html`),
      'POST /notes/:id/grammar': api().post(`/notes/${id}/grammar`),
      'PATCH /notes/:id': api().patch(`/notes/${id}`).send({ pinned: true }),
      'DELETE /notes/:id': api().delete(`/notes/${id}`),
      'a token that is not one': api().get('/notes').set('Authorization', 'Bearer not-a-token'),
    };
    for (const [call, pending] of Object.entries(calls)) {
      const res = await pending;
      expect(res.status, call).toBe(401);
      expect(res.headers['www-authenticate'], call).toBe('Bearer');
    }
  });
});

describe('saving and reading notes', () => {
  it('creates a note: 201, a Location header with its URL, and the note with its owner', async () => {
    const ann = await registerUser(api, 'Ann');
    const res = await api()
      .post('/notes')
      .set('Authorization', bearer(ann))
      .send({ title: 'Shopping', content: '- milk\n- **bread**', tags: ['Home', 'home'] });
    expect(res.status).toBe(201);
    const note = res.body as NoteJson;
    expect(note).toMatchObject({
      title: 'Shopping',
      content: '- milk\n- **bread**',
      tags: ['home'],
      pinned: false,
    });
    expect(note.owner).toMatch(/^[0-9a-f]{24}$/);
    expect(note.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/notes\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(note.url);

    const again = await api().get(pathOf(note.url)).set('Authorization', bearer(ann));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(note);
  });

  it('changes a note with PATCH, and deletes it with 204 and no body', async () => {
    const ann = await registerUser(api, 'Ann');
    const note = await createNote(ann, { title: 'draft', content: 'v1' });
    const patched = await api()
      .patch(pathOf(note.url))
      .set('Authorization', bearer(ann))
      .send({ content: '# v2', pinned: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'draft', content: '# v2', pinned: true });

    const deleted = await api().delete(pathOf(note.url)).set('Authorization', bearer(ann));
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await api().get(pathOf(note.url)).set('Authorization', bearer(ann));
    expect(gone.status).toBe(404);
  });

  it('answers 404 for an unknown id and for something that is not an id', async () => {
    const ann = await registerUser(api, 'Ann');
    for (const path of ['/notes/000000000000000000000000', '/notes/not-an-id']) {
      for (const res of [
        await api().get(path).set('Authorization', bearer(ann)),
        await api().get(`${path}/html`).set('Authorization', bearer(ann)),
        await api().patch(path).set('Authorization', bearer(ann)).send({ pinned: true }),
        await api().delete(path).set('Authorization', bearer(ann)),
      ]) {
        expect(res.status, path).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    }
  });
});

describe("someone else's notes", () => {
  it('are a 404 for every route, exactly like a note that does not exist', async () => {
    const ann = await registerUser(api, 'Ann');
    const bob = await registerUser(api, 'Bob');
    const note = await createNote(ann, { title: "Ann's secret", content: 'diary' });
    const path = pathOf(note.url);
    const calls = {
      GET: api().get(path).set('Authorization', bearer(bob)),
      'GET html': api().get(`${path}/html`).set('Authorization', bearer(bob)),
      'POST grammar': api().post(`${path}/grammar`).set('Authorization', bearer(bob)),
      PATCH: api().patch(path).set('Authorization', bearer(bob)).send({ title: 'mine now' }),
      DELETE: api().delete(path).set('Authorization', bearer(bob)),
    };
    for (const [call, pending] of Object.entries(calls)) {
      const res = await pending;
      expect(res.status, call).toBe(404);
      expect(res.body, call).toMatchObject({ error: { status: 404, code: 'not_found' } });
    }
    const still = await api().get(path).set('Authorization', bearer(ann));
    expect(still.body).toEqual(note);
  });

  it('never appear in your list', async () => {
    const ann = await registerUser(api, 'Ann');
    const bob = await registerUser(api, 'Bob');
    await createNote(ann, { title: 'ann 1' });
    await createNote(ann, { title: 'ann 2', tags: ['shared'] });
    await createNote(bob, { title: 'bob 1', tags: ['shared'] });
    const bobs = await listNotes(bob);
    expect(bobs.total).toBe(1);
    expect(bobs.data.map((note) => note.title)).toEqual(['bob 1']);
    expect((await listNotes(bob, '?tag=shared')).data.map((note) => note.title)).toEqual(['bob 1']);
  });
});

describe('the list', () => {
  it('comes in pages: { data, page, limit, total }', async () => {
    const ann = await registerUser(api, 'Ann');
    for (const title of ['a', 'b', 'c', 'd', 'e']) await createNote(ann, { title });

    const first = await listNotes(ann, '?limit=2&sort=title');
    expect(first).toMatchObject({ page: 1, limit: 2, total: 5 });
    expect(first.data.map((note) => note.title)).toEqual(['a', 'b']);
    const last = await listNotes(ann, '?limit=2&page=3&sort=title');
    expect(last.data.map((note) => note.title)).toEqual(['e']);
    const defaults = await listNotes(ann);
    expect(defaults).toMatchObject({ page: 1, limit: 10, total: 5 });
    // The default sort: most recently changed first.
    expect(defaults.data.map((note) => note.title)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('filters by tag, by pinned, and by a plain-text search in title and content', async () => {
    const ann = await registerUser(api, 'Ann');
    await createNote(ann, { title: 'Meeting', content: 'agenda', tags: ['work'] });
    await createNote(ann, { title: 'Recipe', content: 'for the MEETING', pinned: true });
    await createNote(ann, { title: 'a.c', tags: ['work'] });
    const titles = async (query: string) =>
      (await listNotes(ann, query)).data.map((note) => note.title).sort();

    expect(await titles('?tag=WORK')).toEqual(['Meeting', 'a.c']);
    expect(await titles('?pinned=true')).toEqual(['Recipe']);
    expect(await titles('?pinned=false')).toEqual(['Meeting', 'a.c']);
    expect(await titles('?q=meeting')).toEqual(['Meeting', 'Recipe']);
    expect(await titles('?q=a.c')).toEqual(['a.c']);
    expect(await titles(`?q=${encodeURIComponent('(')}`)).toEqual([]);
    expect(await titles('?q=meeting&tag=work')).toEqual(['Meeting']);
  });

  it('answers 400 to a query string it does not accept', async () => {
    const ann = await registerUser(api, 'Ann');
    for (const query of [
      '?limit=1000',
      '?page=0',
      '?sort=owner',
      '?pinned=yes',
      '?tag=a&tag=b',
      '?owner=000000000000000000000000',
    ]) {
      const res = await api().get(`/notes${query}`).set('Authorization', bearer(ann));
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_query' } });
    }
  });
});

describe('invalid bodies', () => {
  it('answers 422 to unknown fields: no choosing the owner, no mass assignment', async () => {
    const ann = await registerUser(api, 'Ann');
    const bob = await registerUser(api, 'Bob');
    const res = await api()
      .post('/notes')
      .set('Authorization', bearer(ann))
      .send({ title: 'x', owner: '000000000000000000000000' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { details: [{ path: 'owner' }] } });

    const note = await createNote(ann, { title: 'mine' });
    const patch = await api()
      .patch(pathOf(note.url))
      .set('Authorization', bearer(ann))
      .send({ owner: bob.email });
    expect(patch.status).toBe(422);
  });

  it('answers 422 for a missing title, wrong types and too many tags', async () => {
    const ann = await registerUser(api, 'Ann');
    for (const body of [
      { content: 'no title' },
      { title: 42 },
      { title: 'ok', pinned: 'yes' },
      { title: 'ok', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
    ]) {
      const res = await api().post('/notes').set('Authorization', bearer(ann)).send(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
    }
    expect((await listNotes(ann)).total).toBe(0);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const ann = await registerUser(api, 'Ann');
    const res = await api()
      .post('/notes')
      .set('Authorization', bearer(ann))
      .set('Content-Type', 'application/json')
      .send('{"title": "unfinished');
    expect(res.status).toBe(400);
  });
});
