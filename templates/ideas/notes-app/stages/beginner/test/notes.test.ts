// The notes API, request by request, with exact status codes and headers: these tests are the
// guard for mistake:skipping-http-basics. They run against a real database, including the
// filters and the search, and the cases clients get wrong (invalid input, unknown ids).
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';

const api = useApi();

interface NoteJson {
  id: string;
  title: string;
  content: string;
  tags: string[];
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
  url: string;
}

async function createNote(body: object): Promise<NoteJson> {
  const res = await api().post('/notes').send(body);
  expect(res.status).toBe(201);
  return res.body as NoteJson;
}

async function titles(query = ''): Promise<string[]> {
  const res = await api().get(`/notes${query}`);
  expect(res.status, query).toBe(200);
  return (res.body as NoteJson[]).map((note) => note.title);
}

describe('the collection at /notes', () => {
  it('starts empty', async () => {
    const res = await api().get('/notes');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('creates a note: 201, a Location header with its URL, and the note in the body', async () => {
    const res = await api()
      .post('/notes')
      .send({ title: 'Shopping', content: '- milk\n- **bread**', tags: ['home'] });
    expect(res.status).toBe(201);
    const note = res.body as NoteJson;
    expect(note).toMatchObject({
      title: 'Shopping',
      content: '- milk\n- **bread**',
      tags: ['home'],
      pinned: false,
    });
    expect(note.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/notes\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(note.url);
    expect(Date.parse(note.createdAt)).not.toBeNaN();
  });

  it('fills in what the client left out: empty content, no tags, not pinned', async () => {
    const note = await createNote({ title: 'Just a title' });
    expect(note).toMatchObject({ content: '', tags: [], pinned: false });
  });

  it('normalises tags: trimmed, lower case, each once', async () => {
    const note = await createNote({ title: 't', tags: [' Work', 'work', 'IDEAS '] });
    expect(note.tags).toEqual(['work', 'ideas']);
  });

  it('lists pinned notes first, then the most recently changed', async () => {
    await createNote({ title: 'old' });
    await createNote({ title: 'pinned', pinned: true });
    const recent = await createNote({ title: 'recent' });
    expect(await titles()).toEqual(['pinned', 'recent', 'old']);

    await api().patch(pathOf(recent.url)).send({ pinned: true });
    expect(await titles()).toEqual(['recent', 'pinned', 'old']);
  });

  it('lists notes whose URLs lead to the note itself', async () => {
    await createNote({ title: 'read a book' });
    const list = (await api().get('/notes')).body as NoteJson[];
    expect(list).toHaveLength(1);

    const res = await api().get(pathOf(list[0].url));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(list[0]);
  });

  it('stores nothing it does not know', async () => {
    const note = await createNote({ title: 'x', url: 'http://evil', owner: 1, id: 'abc' });
    expect(note).not.toHaveProperty('owner');
    expect(note.url).not.toBe('http://evil');
    expect(note.id).not.toBe('abc');
  });
});

describe('filtering and searching the list', () => {
  it('?tag= lists only the notes with that tag, in any letter case', async () => {
    await createNote({ title: 'standup', tags: ['work'] });
    await createNote({ title: 'groceries', tags: ['home'] });
    await createNote({ title: 'review', tags: ['work', 'code'] });
    expect(await titles('?tag=work')).toEqual(['review', 'standup']);
    expect(await titles('?tag=WORK')).toEqual(['review', 'standup']);
    expect(await titles('?tag=nothing')).toEqual([]);
  });

  it('?q= finds the text in the title or the content, ignoring case', async () => {
    await createNote({ title: 'Meeting notes', content: 'agenda' });
    await createNote({ title: 'Recipe', content: 'Pancakes for the MEETING' });
    await createNote({ title: 'Other', content: 'nothing here' });
    expect(await titles('?q=meeting')).toEqual(['Recipe', 'Meeting notes']);
    expect(await titles('?q=pancake')).toEqual(['Recipe']);
  });

  it('?q= is plain text, not a regular expression', async () => {
    await createNote({ title: 'a.c' });
    await createNote({ title: 'abc' });
    await createNote({ title: 'costs (2026)', content: 'in $' });
    expect(await titles('?q=a.c')).toEqual(['a.c']);
    expect(await titles('?q=.*')).toEqual([]);
    expect(await titles(`?q=${encodeURIComponent('(2026)')}`)).toEqual(['costs (2026)']);
    expect(await titles(`?q=${encodeURIComponent('$')}`)).toEqual(['costs (2026)']);
    // Each of these is an invalid pattern on its own: unescaped, it would be a 500.
    const expected: [string, string[]][] = [
      ['(', ['costs (2026)']],
      ['[', []],
      ['\\', []],
      ['*', []],
    ];
    for (const [q, found] of expected) {
      expect(await titles(`?q=${encodeURIComponent(q)}`), q).toEqual(found);
    }
  });

  it('combines ?tag= and ?q=', async () => {
    await createNote({ title: 'plan', tags: ['work'] });
    await createNote({ title: 'plan', content: 'holiday', tags: ['home'] });
    const res = await api().get('/notes?tag=home&q=plan');
    expect((res.body as NoteJson[]).map((note) => note.content)).toEqual(['holiday']);
  });

  it('answers 400 to a query string it cannot use', async () => {
    for (const query of ['?tag=a&tag=b', `?q=${'x'.repeat(101)}`, '?tag=']) {
      const res = await api().get(`/notes${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_query' } });
    }
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault when the title is missing', async () => {
    const res = await api().post('/notes').send({ content: 'no title' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { status: 422, code: 'validation_failed', details: [{ path: 'title' }] },
    });
  });

  it('answers 422 for wrong types and for too many, too long or empty tags', async () => {
    const bodies = [
      { title: '   ' },
      { title: 42 },
      { title: 'ok', content: 7 },
      { title: 'ok', pinned: 'yes' },
      { title: 'ok', tags: 'work' },
      { title: 'ok', tags: [''] },
      { title: 'ok', tags: ['x'.repeat(31)] },
      { title: 'ok', tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) },
      { title: 'x'.repeat(201) },
    ];
    for (const body of bodies) {
      const res = await api().post('/notes').send(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect((await api().get('/notes')).body).toEqual([]);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await api()
      .post('/notes')
      .set('Content-Type', 'application/json')
      .send('{"title": "unfinished');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_json' } });
  });

  it('answers 422 and explains when the body is not sent as JSON', async () => {
    const res = await api().post('/notes').set('Content-Type', 'text/plain').send('# Hello');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: {
        details: [{ path: '', message: expect.stringContaining('Content-Type') as string }],
      },
    });
  });
});

describe('one note at its URL', () => {
  it('changes the content with PATCH, and the change is stored', async () => {
    const note = await createNote({ title: 'draft', content: 'v1' });
    const res = await api().patch(pathOf(note.url)).send({ content: '# v2' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'draft', content: '# v2', url: note.url });

    const again = await api().get(pathOf(note.url));
    expect(again.body).toMatchObject({ content: '# v2' });
  });

  it('replaces the tags and pins it with PATCH, leaving the other fields alone', async () => {
    const note = await createNote({ title: 'keep', content: 'same', tags: ['a'] });
    const res = await api()
      .patch(pathOf(note.url))
      .send({ tags: ['b', 'c'], pinned: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'keep',
      content: 'same',
      tags: ['b', 'c'],
      pinned: true,
    });
  });

  it('answers 422 to a PATCH that changes nothing it knows, and to a bad value', async () => {
    const note = await createNote({ title: 'stay' });
    for (const body of [{}, { url: 'http://elsewhere' }, { pinned: 'yes' }, { title: '' }]) {
      const res = await api().patch(pathOf(note.url)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get(pathOf(note.url))).body).toEqual(note);
  });

  it('deletes it with DELETE: 204 and no body, then it is gone (404)', async () => {
    const note = await createNote({ title: 'temporary' });
    const res = await api().delete(pathOf(note.url));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(pathOf(note.url))).status).toBe(404);
    expect((await api().delete(pathOf(note.url))).status).toBe(404);
  });
});

describe('ids that name no note', () => {
  const unknown = '/notes/000000000000000000000000';
  const malformed = '/notes/not-an-id';

  for (const path of [unknown, malformed]) {
    it(`answers 404 with the JSON error body for GET, PATCH and DELETE ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().patch(path).send({ pinned: true }),
        await api().delete(path),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }
});
