// The Conduit reads behind Redis (src/posts/post.cache.ts), through real HTTP requests, a real
// MongoDB and a real Redis: a repeated read is a HIT, each kind of write makes the next read
// fresh, and what depends on the reader (`favorited`, `following`) never reaches another reader
// through the cache. Every answer is checked against the contract too.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useApi } from './api.js';
import { conduit } from './contract.js';
import { registerUser, tokenOf, type TestUser } from './users.js';

// Each test registers users through the API: argon2 is slow on purpose.
vi.setConfig({ testTimeout: 30_000 });

const raw = useApi();
const api = conduit(raw);

let ann: TestUser;
let bob: TestUser;
let slug = '';

beforeEach(async () => {
  ann = await registerUser(raw, 'ann');
  bob = await registerUser(raw, 'bob');
  const res = await api
    .post('/api/articles')
    .set('Authorization', tokenOf(ann))
    .send({ article: { title: 'Dragons', description: 'd', body: 'b', tagList: ['dragons'] } });
  slug = (res.body as { article: { slug: string } }).article.slug;
});

const as = (user: TestUser | undefined, path: string) => {
  const req = api.get(path);
  return user ? req.set('Authorization', tokenOf(user)) : req;
};

interface ArticleAnswer {
  article: { favorited: boolean; favoritesCount: number; author: { following: boolean } };
}

describe('reading through the cache', () => {
  it('answers a repeated read from Redis (MISS, then HIT) with the same body', async () => {
    for (const path of [`/api/articles/${slug}`, '/api/articles?tag=dragons', '/api/tags']) {
      const first = await as(undefined, path);
      const second = await as(undefined, path);
      expect([first.status, second.status], path).toEqual([200, 200]);
      expect(first.headers['x-cache'], path).toBe('MISS');
      expect(second.headers['x-cache'], path).toBe('HIT');
      expect(second.body).toEqual(first.body);
    }
  });

  it('does not cache the feed, the comments or anything that is not a 200', async () => {
    await as(ann, '/api/articles/feed');
    expect((await as(ann, '/api/articles/feed')).headers['x-cache']).toBeUndefined();
    await as(undefined, `/api/articles/${slug}/comments`);
    expect(
      (await as(undefined, `/api/articles/${slug}/comments`)).headers['x-cache'],
    ).toBeUndefined();
    await as(undefined, '/api/articles/nope');
    const missing = await as(undefined, '/api/articles/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-cache']).toBe('MISS');
  });
});

describe('no leaks between readers', () => {
  it('keeps `favorited` and `following` to the reader who has them', async () => {
    await api.post(`/api/articles/${slug}/favorite`).set('Authorization', tokenOf(bob));
    await api.post(`/api/profiles/${ann.username}/follow`).set('Authorization', tokenOf(bob));
    const bobs = await as(bob, `/api/articles/${slug}`);
    expect((await as(bob, `/api/articles/${slug}`)).headers['x-cache']).toBe('HIT');
    expect((bobs.body as ArticleAnswer).article).toMatchObject({
      favorited: true,
      author: { following: true },
    });
    for (const reader of [ann, undefined]) {
      const res = await as(reader, `/api/articles/${slug}`);
      expect(res.headers['x-cache']).toBe('MISS');
      expect((res.body as ArticleAnswer).article).toMatchObject({
        favorited: false,
        favoritesCount: 1,
        author: { following: false },
      });
    }
  });

  it('answers a bad token with 401 on a cached URL, never with the cached answer', async () => {
    await as(undefined, '/api/articles');
    expect((await as(undefined, '/api/articles')).headers['x-cache']).toBe('HIT');
    const res = await api.get('/api/articles').set('Authorization', 'Token not.a.jwt');
    expect(res.status).toBe(401);
  });

  it('lets a login through with an old token in its header', async () => {
    const res = await api
      .post('/api/users/login')
      .set('Authorization', 'Token expired.or.forged')
      .send({ user: { email: ann.email, password: ann.password } });
    expect(res.status).toBe(200);
  });
});

describe('writes invalidate what they change', () => {
  it('a new article, an update, a favorite, a follow and a rename: each next read is fresh', async () => {
    const path = `/api/articles/${slug}`;
    const read = async () => {
      const res = await as(bob, path);
      expect(res.headers['x-cache']).toBe('MISS');
      return (res.body as ArticleAnswer & { article: { body: string } }).article;
    };
    await as(bob, path);
    await api
      .put(path)
      .set('Authorization', tokenOf(ann))
      .send({ article: { body: 'new' } });
    expect((await read()).body).toBe('new');
    await api.post(`${path}/favorite`).set('Authorization', tokenOf(bob));
    expect((await read()).favorited).toBe(true);
    await api.post(`/api/profiles/${ann.username}/follow`).set('Authorization', tokenOf(bob));
    expect((await read()).author.following).toBe(true);
    await api
      .put('/api/user')
      .set('Authorization', tokenOf(ann))
      .send({ user: { bio: 'hi' } });
    expect((await read()).author).toMatchObject({ bio: 'hi' });

    await as(undefined, '/api/tags');
    await api
      .post('/api/articles')
      .set('Authorization', tokenOf(bob))
      .send({ article: { title: 'Cats', description: 'd', body: 'b', tagList: ['cats'] } });
    const tags = await as(undefined, '/api/tags');
    expect(tags.headers['x-cache']).toBe('MISS');
    expect(tags.body).toEqual({ tags: ['cats', 'dragons'] });
  });

  it('a deleted article is gone at once', async () => {
    await as(undefined, `/api/articles/${slug}`);
    await api.delete(`/api/articles/${slug}`).set('Authorization', tokenOf(ann));
    expect((await as(undefined, `/api/articles/${slug}`)).status).toBe(404);
  });
});
