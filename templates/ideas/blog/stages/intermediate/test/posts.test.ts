// The articles of the Conduit contract: exact statuses, the envelopes, slugs, filters, the feed,
// favorites and who may change what. Every answer is checked against the contract too.
import { describe, expect, it, vi } from 'vitest';
import { ArticleModel } from '../src/posts/post.model.js';
import { useApi } from './api.js';
import { conduit } from './contract.js';
import { registerUser, tokenOf, type TestUser } from './users.js';

// Each test registers users through the API: argon2 is slow on purpose, and more so on a
// busy machine.
vi.setConfig({ testTimeout: 30_000 });

const raw = useApi();
const api = conduit(raw);

const dragon = {
  title: 'How to train your dragon',
  description: 'Ever wonder how?',
  body: 'You have to believe',
  tagList: ['dragons', 'training', 'dragons'],
};

interface ArticleJson {
  slug: string;
  body?: string;
  favorited: boolean;
  favoritesCount: number;
  tagList: string[];
  author: { username: string; following: boolean };
}

async function publish(user: TestUser, article: Partial<typeof dragon> = dragon) {
  const res = await api
    .post('/api/articles')
    .set('Authorization', tokenOf(user))
    .send({ article: { ...dragon, ...article } });
  expect(res.status).toBe(201);
  return (res.body as { article: ArticleJson }).article;
}

describe('POST /api/articles', () => {
  it('publishes with 201, a slug from the title, a Location and the author profile', async () => {
    const ann = await registerUser(raw);
    const res = await api
      .post('/api/articles')
      .set('Authorization', tokenOf(ann))
      .send({ article: dragon });
    expect(res.status).toBe(201);
    expect(res.headers.location).toMatch(/\/api\/articles\/how-to-train-your-dragon$/);
    expect(res.body).toMatchObject({
      article: {
        slug: 'how-to-train-your-dragon',
        body: 'You have to believe',
        tagList: ['dragons', 'training'],
        favorited: false,
        favoritesCount: 0,
        author: { username: ann.username, following: false },
      },
    });
  });

  it('answers 401 without a token, 409 for a taken slug, 422 for bad or extra fields', async () => {
    const ann = await registerUser(raw);
    expect((await api.post('/api/articles').send({ article: dragon })).status).toBe(401);
    await publish(ann);
    const again = await api
      .post('/api/articles')
      .set('Authorization', tokenOf(ann))
      .send({ article: dragon });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ errors: { slug: ['has already been taken'] } });
    const blank = await api
      .post('/api/articles')
      .set('Authorization', tokenOf(ann))
      .send({ article: { title: '', description: 'd', body: 'b' } });
    expect(blank.status).toBe(422);
    expect(blank.body).toEqual({ errors: { title: ["can't be blank"] } });
    const extra = await api
      .post('/api/articles')
      .set('Authorization', tokenOf(ann))
      .send({ article: { ...dragon, title: 'Other', favoritesCount: 1000 } });
    expect(extra.status).toBe(422);
    expect(await ArticleModel.countDocuments()).toBe(1);
  });
});

describe('GET /api/articles', () => {
  it('lists newest first without bodies, with articlesCount, limit and offset', async () => {
    const ann = await registerUser(raw);
    for (const title of ['First', 'Second', 'Third']) await publish(ann, { title });
    const res = await api.get('/api/articles?limit=2&offset=1');
    expect(res.status).toBe(200);
    const body = res.body as { articles: ArticleJson[]; articlesCount: number };
    expect(body.articlesCount).toBe(3);
    expect(body.articles.map((article) => article.slug)).toEqual(['second', 'first']);
    expect(body.articles[0]).not.toHaveProperty('body');
  });

  it('filters by tag, author and favorited; unknown users match nothing', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    await publish(ann, { title: 'Dragons', tagList: ['dragons'] });
    const cats = await publish(bob, { title: 'Cats', tagList: ['cats'] });
    await api.post(`/api/articles/${cats.slug}/favorite`).set('Authorization', tokenOf(ann));
    const slugs = async (query: string) => {
      const res = await api.get(`/api/articles?${query}`);
      expect(res.status, query).toBe(200);
      return (res.body as { articles: ArticleJson[] }).articles.map((article) => article.slug);
    };
    expect(await slugs('tag=dragons')).toEqual(['dragons']);
    expect(await slugs(`author=${bob.username}`)).toEqual(['cats']);
    expect(await slugs(`favorited=${ann.username}`)).toEqual(['cats']);
    expect(await slugs('author=nobody')).toEqual([]);
    expect(await slugs('favorited=nobody')).toEqual([]);
  });

  it('refuses over-limit pages and unknown parameters with 400', async () => {
    for (const query of ['limit=101', 'limit=0', 'offset=-1', 'sort=title', 'tag=a&tag=b']) {
      expect((await api.get(`/api/articles?${query}`)).status, query).toBe(400);
    }
  });

  it('answers a bad token with 401 even where a token is optional', async () => {
    const res = await api.get('/api/articles').set('Authorization', 'Token not.a.jwt');
    expect(res.status).toBe(401);
  });
});

describe('GET /api/articles/feed', () => {
  it('lists the articles of the authors you follow, and needs a login', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const cara = await registerUser(raw, 'cara');
    await publish(bob, { title: 'By Bob' });
    await publish(cara, { title: 'By Cara' });
    expect((await api.get('/api/articles/feed')).status).toBe(401);
    const empty = await api.get('/api/articles/feed').set('Authorization', tokenOf(ann));
    expect(empty.body).toEqual({ articles: [], articlesCount: 0 });
    await api.post(`/api/profiles/${bob.username}/follow`).set('Authorization', tokenOf(ann));
    const res = await api.get('/api/articles/feed').set('Authorization', tokenOf(ann));
    expect(res.status).toBe(200);
    const body = res.body as { articles: ArticleJson[]; articlesCount: number };
    expect(body.articlesCount).toBe(1);
    expect(body.articles[0]).toMatchObject({
      slug: 'by-bob',
      author: { username: bob.username, following: true },
    });
  });
});

describe('GET, PUT and DELETE /api/articles/:slug', () => {
  it('reads one article with its body, or 404', async () => {
    const ann = await registerUser(raw);
    const article = await publish(ann);
    const res = await api.get(`/api/articles/${article.slug}`);
    expect(res.status).toBe(200);
    expect((res.body as { article: ArticleJson }).article.body).toBe(dragon.body);
    const missing = await api.get('/api/articles/no-such-article');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { article: ['not found'] } });
  });

  it('lets the author update (a new title moves the slug) and refuses others with 403', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const article = await publish(ann);
    const theirs = await api
      .put(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(bob))
      .send({ article: { body: 'mine now' } });
    expect(theirs.status).toBe(403);
    expect(theirs.body).toEqual({ errors: { article: ['forbidden'] } });
    const res = await api
      .put(`/api/articles/${article.slug}`)
      .set('Authorization', tokenOf(ann))
      .send({ article: { title: 'Dragons, again', tagList: [] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ article: { slug: 'dragons-again', tagList: [] } });
    expect((await api.get(`/api/articles/${article.slug}`)).status).toBe(404);
    const empty = await api
      .put('/api/articles/dragons-again')
      .set('Authorization', tokenOf(ann))
      .send({ article: {} });
    expect(empty.status).toBe(422);
  });

  it('lets only the author delete: 403 for others, then 204 and 404', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const article = await publish(ann);
    const url = `/api/articles/${article.slug}`;
    expect((await api.delete(url)).status).toBe(401);
    expect((await api.delete(url).set('Authorization', tokenOf(bob))).status).toBe(403);
    const res = await api.delete(url).set('Authorization', tokenOf(ann));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api.get(url)).status).toBe(404);
    expect((await api.delete(url).set('Authorization', tokenOf(ann))).status).toBe(404);
  });
});

describe('favorites', () => {
  it('counts each user once and shows `favorited` to that user only', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const article = await publish(ann);
    const url = `/api/articles/${article.slug}/favorite`;
    expect((await api.post(url)).status).toBe(401);
    await api.post(url).set('Authorization', tokenOf(bob));
    const twice = await api.post(url).set('Authorization', tokenOf(bob));
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ article: { favorited: true, favoritesCount: 1 } });
    const asAnn = await api.get(`/api/articles/${article.slug}`).set('Authorization', tokenOf(ann));
    expect(asAnn.body).toMatchObject({ article: { favorited: false, favoritesCount: 1 } });
    const removed = await api.delete(url).set('Authorization', tokenOf(bob));
    expect(removed.body).toMatchObject({ article: { favorited: false, favoritesCount: 0 } });
    const again = await api.delete(url).set('Authorization', tokenOf(bob));
    expect(again.body).toMatchObject({ article: { favoritesCount: 0 } });
    expect(
      (await api.post('/api/articles/nope/favorite').set('Authorization', tokenOf(bob))).status,
    ).toBe(404);
  });
});

describe('GET /api/tags', () => {
  it('lists every tag in use once', async () => {
    const ann = await registerUser(raw);
    await publish(ann, { title: 'One', tagList: ['b', 'a'] });
    await publish(ann, { title: 'Two', tagList: ['a', 'c'] });
    const res = await api.get('/api/tags');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tags: ['a', 'b', 'c'] });
  });
});
