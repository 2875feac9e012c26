// The room routes: exact statuses, unique names, joining and leaving.
import { describe, expect, it } from 'vitest';
import { roomWith, useChatServer } from './chat-clients.js';
import type { TestUser } from './users.js';

const chat = useChatServer();
const auth = (user: TestUser) => `Bearer ${user.token}`;

describe('rooms', () => {
  it('creates a room: 201, Location, and the creator is a member', async () => {
    const ann = await chat.user('Ann');
    const res = await chat
      .api()
      .post('/rooms')
      .set('Authorization', auth(ann))
      .send({ name: ' General ', topic: 'anything' });
    expect(res.status).toBe(201);
    const room = res.body as { id: string; name: string; topic: string };
    expect(room).toMatchObject({ name: 'general', topic: 'anything' });
    expect(res.headers.location).toBe(`${chat.url()}/rooms/${room.id}`);
    const read = await chat.api().get(`/rooms/${room.id}`).set('Authorization', auth(ann));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: room.id, member: true });
  });

  it('answers a taken name with 409 and an invalid body with 422', async () => {
    const ann = await chat.user('Ann');
    await roomWith(chat, 'taken', ann);
    const again = await chat
      .api()
      .post('/rooms')
      .set('Authorization', auth(ann))
      .send({ name: 'taken' });
    expect(again.status).toBe(409);
    for (const body of [{ name: 'no spaces' }, { name: '' }, { name: 'x', owner: 'me' }, {}]) {
      const res = await chat.api().post('/rooms').set('Authorization', auth(ann)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it('lists rooms a page at a time and finds one by name', async () => {
    const ann = await chat.user('Ann');
    for (const name of ['a-room', 'b-room', 'c-room']) await roomWith(chat, name, ann);
    const page = await chat.api().get('/rooms?limit=2').set('Authorization', auth(ann));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect((page.body as { data: { name: string }[] }).data.map((room) => room.name)).toEqual([
      'a-room',
      'b-room',
    ]);
    const byName = await chat.api().get('/rooms?name=c-room').set('Authorization', auth(ann));
    expect((byName.body as { total: number }).total).toBe(1);
    expect((await chat.api().get('/rooms?limit=1000').set('Authorization', auth(ann))).status).toBe(
      400,
    );
  });

  it('joins and leaves with 204, idempotently', async () => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const room = await roomWith(chat, 'club', ann);
    const path = `/rooms/${room}/members/me`;
    for (let time = 0; time < 2; time += 1) {
      const joined = await chat.api().put(path).set('Authorization', auth(bob));
      expect(joined.status).toBe(204);
      expect(joined.text).toBe('');
    }
    const read = await chat.api().get(`/rooms/${room}`).set('Authorization', auth(bob));
    expect((read.body as { member: boolean }).member).toBe(true);
    for (let time = 0; time < 2; time += 1) {
      expect((await chat.api().delete(path).set('Authorization', auth(bob))).status).toBe(204);
    }
    const after = await chat.api().get(`/rooms/${room}`).set('Authorization', auth(bob));
    expect((after.body as { member: boolean }).member).toBe(false);
  });

  it('answers 401 without a token and 404 for a room that does not exist', async () => {
    const ann = await chat.user('Ann');
    expect((await chat.api().get('/rooms')).status).toBe(401);
    const missing = '/rooms/000000000000000000000000';
    expect((await chat.api().get(missing).set('Authorization', auth(ann))).status).toBe(404);
    expect(
      (await chat.api().put(`${missing}/members/me`).set('Authorization', auth(ann))).status,
    ).toBe(404);
    expect((await chat.api().get('/rooms/nope').set('Authorization', auth(ann))).status).toBe(404);
  });
});
