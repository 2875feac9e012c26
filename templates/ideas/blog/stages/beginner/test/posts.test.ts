// The blog API, request by request, with exact status codes and headers: these tests are the
// guard for mistake:skipping-http-basics. They run against a real database, including the
// search, and the cases clients get wrong (invalid input, unknown ids).
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';

const api = useApi();

interface PostJson {
  id: string;
  title: string;
  content: string;
  category: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  url: string;
}

const article = {
  title: 'My First Blog Post',
  content: 'This is the content of my first blog post.',
  category: 'Technology',
  tags: ['Tech', 'Programming'],
};

async function createPost(body: Partial<typeof article>): Promise<PostJson> {
  const res = await api()
    .post('/posts')
    .send({ ...article, ...body });
  expect(res.status).toBe(201);
  return res.body as PostJson;
}

async function titles(query = ''): Promise<string[]> {
  const res = await api().get(`/posts${query}`);
  expect(res.status, query).toBe(200);
  return (res.body as PostJson[]).map((post) => post.title);
}

describe('the collection at /posts', () => {
  it('starts empty', async () => {
    const res = await api().get('/posts');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('creates a post: 201, a Location header with its URL, and the post in the body', async () => {
    const res = await api().post('/posts').send(article);
    expect(res.status).toBe(201);
    const post = res.body as PostJson;
    expect(post).toMatchObject(article);
    expect(post.id).toMatch(/^[0-9a-f]{24}$/);
    expect(post.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/posts\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(post.url);
    expect(Date.parse(post.createdAt)).not.toBeNaN();
    expect(post.updatedAt).toBe(post.createdAt);
  });

  it('lists posts newest first, each with a URL that leads to the post itself', async () => {
    await createPost({ title: 'older' });
    await createPost({ title: 'newer' });
    expect(await titles()).toEqual(['newer', 'older']);

    const list = (await api().get('/posts')).body as PostJson[];
    const res = await api().get(pathOf(list[0].url));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(list[0]);
  });

  it('drops duplicate tags and stores nothing it does not know', async () => {
    const res = await api()
      .post('/posts')
      .send({ ...article, tags: ['a', ' a', 'b'], id: 'abc', author: 'me' });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('author');
    expect((res.body as PostJson).id).not.toBe('abc');
    expect((res.body as PostJson).tags).toEqual(['a', 'b']);
  });
});

describe('?term= search', () => {
  it('finds the term in the title, the content or the category, ignoring case', async () => {
    await createPost({ title: 'Tech news', content: 'x', category: 'News' });
    await createPost({ title: 'Cooking', content: 'Pasta with TECHnique', category: 'Food' });
    await createPost({ title: 'Gadgets', content: 'y', category: 'Technology' });
    await createPost({ title: 'Garden', content: 'roses', category: 'Home' });
    expect(await titles('?term=tech')).toEqual(['Gadgets', 'Cooking', 'Tech news']);
    expect(await titles('?term=ROSES')).toEqual(['Garden']);
    expect(await titles('?term=nothing')).toEqual([]);
  });

  it('is plain text, not a regular expression', async () => {
    await createPost({ title: 'a.c' });
    await createPost({ title: 'abc' });
    await createPost({ title: 'costs (2026)' });
    expect(await titles('?term=a.c')).toEqual(['a.c']);
    expect(await titles('?term=.*')).toEqual([]);
    // Each of these is an invalid pattern on its own: unescaped, it would be a 500.
    for (const term of ['(', '[', '\\', '*']) {
      const res = await api().get(`/posts?term=${encodeURIComponent(term)}`);
      expect(res.status, term).toBe(200);
    }
    expect(await titles(`?term=${encodeURIComponent('(')}`)).toEqual(['costs (2026)']);
  });

  it('answers 400 to a query string it cannot use', async () => {
    for (const query of ['?term=a&term=b', `?term=${'x'.repeat(101)}`]) {
      const res = await api().get(`/posts${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_query' } });
    }
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault when a required field is missing', async () => {
    for (const field of ['title', 'content', 'category'] as const) {
      const body: Record<string, unknown> = { ...article };
      delete body[field];
      const res = await api().post('/posts').send(body);
      expect(res.status, field).toBe(422);
      expect(res.body).toMatchObject({
        error: { status: 422, code: 'validation_failed', details: [{ path: field }] },
      });
    }
  });

  it('answers 422 for wrong types and for too many, too long or empty tags', async () => {
    const bodies = [
      { ...article, title: '   ' },
      { ...article, title: 42 },
      { ...article, content: '' },
      { ...article, category: ['a'] },
      { ...article, tags: 'tech' },
      { ...article, tags: [''] },
      { ...article, tags: ['x'.repeat(31)] },
      { ...article, tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) },
      { ...article, title: 'x'.repeat(201) },
    ];
    for (const body of bodies) {
      const res = await api().post('/posts').send(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect((await api().get('/posts')).body).toEqual([]);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await api()
      .post('/posts')
      .set('Content-Type', 'application/json')
      .send('{"title": "unfinished');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_json' } });
  });
});

describe('one post at its URL', () => {
  it('replaces it with PUT: 200, the new fields, the same id and createdAt', async () => {
    const post = await createPost({});
    const replacement = {
      title: 'My Updated Blog Post',
      content: 'Updated content.',
      category: 'Life',
      tags: ['update'],
    };
    const res = await api().put(pathOf(post.url)).send(replacement);
    expect(res.status).toBe(200);
    const updated = res.body as PostJson;
    expect(updated).toMatchObject({ ...replacement, id: post.id, createdAt: post.createdAt });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(post.updatedAt));
    expect((await api().get(pathOf(post.url))).body).toEqual(updated);
  });

  it('answers 422 to a PUT that is not a whole post, and changes nothing', async () => {
    const post = await createPost({});
    for (const body of [{}, { title: 'only a title' }, { ...article, category: '' }]) {
      const res = await api().put(pathOf(post.url)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const bad = await api()
      .put(pathOf(post.url))
      .set('Content-Type', 'application/json')
      .send('{"title"');
    expect(bad.status).toBe(400);
    expect((await api().get(pathOf(post.url))).body).toEqual(post);
  });

  it('deletes it with DELETE: 204 and no body, then it is gone (404)', async () => {
    const post = await createPost({});
    const res = await api().delete(pathOf(post.url));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(pathOf(post.url))).status).toBe(404);
    expect((await api().delete(pathOf(post.url))).status).toBe(404);
  });
});

describe('ids that name no post', () => {
  for (const path of ['/posts/000000000000000000000000', '/posts/not-an-id']) {
    it(`answers 404 with the JSON error body for GET, PUT and DELETE ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().put(path).send(article),
        await api().delete(path),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }
});
