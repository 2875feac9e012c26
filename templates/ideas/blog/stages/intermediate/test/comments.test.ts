// Comments: integer ids, newest first, only the author deletes, and a notification to the
// article's author through the local fake notifier.
import { describe, expect, it, vi } from 'vitest';
import { LocalNotifier, notifier } from '../src/services/notifier.js';
import { useApi } from './api.js';
import { conduit } from './contract.js';
import { registerUser, tokenOf } from './users.js';

// Each test registers users through the API: argon2 is slow on purpose, and more so on a
// busy machine.
vi.setConfig({ testTimeout: 30_000 });

const raw = useApi();
const api = conduit(raw);

async function setup() {
  const ann = await registerUser(raw, 'ann');
  const bob = await registerUser(raw, 'bob');
  const res = await api
    .post('/api/articles')
    .set('Authorization', tokenOf(ann))
    .send({ article: { title: 'Dragons', description: 'd', body: 'b' } });
  return {
    ann,
    bob,
    url: `/api/articles/${(res.body as { article: { slug: string } }).article.slug}/comments`,
  };
}

describe('comments', () => {
  it('creates with 201 and an integer id, and lists newest first', async () => {
    const { bob, url } = await setup();
    const first = await api
      .post(url)
      .set('Authorization', tokenOf(bob))
      .send({ comment: { body: 'One' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      comment: { id: expect.any(Number) as number, body: 'One' },
    });
    await api
      .post(url)
      .set('Authorization', tokenOf(bob))
      .send({ comment: { body: 'Two' } });
    const list = await api.get(url);
    expect(list.status).toBe(200);
    const comments = (list.body as { comments: { id: number; body: string }[] }).comments;
    expect(comments.map((comment) => comment.body)).toEqual(['Two', 'One']);
    expect(comments[0].id).toBeGreaterThan(comments[1].id);
  });

  it('notifies the article author of a comment by someone else', async () => {
    const { ann, bob, url } = await setup();
    const fake = notifier;
    if (!(fake instanceof LocalNotifier)) throw new Error('Tests run with the local fake notifier');
    const before = fake.sent.length;
    await api
      .post(url)
      .set('Authorization', tokenOf(bob))
      .send({ comment: { body: 'Hi' } });
    await api
      .post(url)
      .set('Authorization', tokenOf(ann))
      .send({ comment: { body: 'Thanks' } });
    const sent = fake.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ event: 'comment.created', data: { by: bob.username } });
  });

  it('answers 401, 404 and 422 as the contract says', async () => {
    const { bob, url } = await setup();
    expect((await api.post(url).send({ comment: { body: 'x' } })).status).toBe(401);
    const blank = await api
      .post(url)
      .set('Authorization', tokenOf(bob))
      .send({ comment: { body: ' ' } });
    expect(blank.status).toBe(422);
    expect(blank.body).toEqual({ errors: { body: ["can't be blank"] } });
    expect((await api.get('/api/articles/nope/comments')).status).toBe(404);
  });

  it('lets only the comment author delete it: 403, then 204, then 404', async () => {
    const { ann, bob, url } = await setup();
    const res = await api
      .post(url)
      .set('Authorization', tokenOf(bob))
      .send({ comment: { body: 'Mine' } });
    const id = (res.body as { comment: { id: number } }).comment.id;
    const theirs = await api.delete(`${url}/${id}`).set('Authorization', tokenOf(ann));
    expect(theirs.status).toBe(403);
    expect(theirs.body).toEqual({ errors: { comment: ['forbidden'] } });
    expect((await api.delete(`${url}/${id}`).set('Authorization', tokenOf(bob))).status).toBe(204);
    expect((await api.delete(`${url}/${id}`).set('Authorization', tokenOf(bob))).status).toBe(404);
    expect(
      (await api.delete(`${url}/not-a-number`).set('Authorization', tokenOf(bob))).status,
    ).toBe(404);
  });
});
