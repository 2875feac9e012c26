// GET /rooms/:id/messages: a room's history for its members, newest first, with a stable
// cursor. Guard for mistake:poor-schema-design together with test/indexes.test.ts: messages are
// documents of their own, read through the { room, _id } index.
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { MessageModel } from '../src/chat/message.model.js';
import { roomWith, useChatServer } from './chat-clients.js';
import type { TestUser } from './users.js';

const chat = useChatServer();

interface Page {
  data: { id: string; text: string; room: string; author: { id: string; name: string } }[];
  nextCursor: string | null;
}

async function say(room: string, author: TestUser & { id: string }, count: number) {
  // insertMany keeps the order: each _id is greater than the one before.
  await MessageModel.insertMany(
    Array.from({ length: count }, (_, index) => ({
      room,
      author: author.id,
      authorName: author.name,
      text: `message ${String(index + 1)}`,
    })),
  );
}

async function member(name: string) {
  const user = await chat.user(name);
  const me = await chat.api().get('/auth/me').set('Authorization', `Bearer ${user.token}`);
  return { ...user, id: (me.body as { id: string }).id };
}

const get = (path: string, user: TestUser) =>
  chat.api().get(path).set('Authorization', `Bearer ${user.token}`);

describe('GET /rooms/:id/messages', () => {
  it('pages through the history newest first with a stable cursor', async () => {
    const ann = await member('Ann');
    const room = await roomWith(chat, 'history', ann);
    await say(room, ann, 5);

    const first = await get(`/rooms/${room}/messages?limit=2`, ann);
    expect(first.status).toBe(200);
    const page1 = first.body as Page;
    expect(page1.data.map((message) => message.text)).toEqual(['message 5', 'message 4']);
    expect(page1.data[0]).toMatchObject({ room, author: { id: ann.id, name: 'Ann' } });
    expect(page1.nextCursor).toBe(page1.data[1]?.id);

    // New messages arrive at the top: the next page must not shift.
    await say(room, ann, 1);
    const page2 = (
      await get(`/rooms/${room}/messages?limit=2&before=${page1.nextCursor ?? ''}`, ann)
    ).body as Page;
    expect(page2.data.map((message) => message.text)).toEqual(['message 3', 'message 2']);
    const page3 = (
      await get(`/rooms/${room}/messages?limit=2&before=${page2.nextCursor ?? ''}`, ann)
    ).body as Page;
    expect(page3.data.map((message) => message.text)).toEqual(['message 1']);
    expect(page3.nextCursor).toBeNull();
  });

  it('answers 50 messages by default, only of this room', async () => {
    const ann = await member('Ann');
    const room = await roomWith(chat, 'busy', ann);
    const other = await roomWith(chat, 'quiet', ann);
    await say(room, ann, 55);
    await say(other, ann, 1);
    const page = (await get(`/rooms/${room}/messages`, ann)).body as Page;
    expect(page.data).toHaveLength(50);
    expect(page.data.every((message) => message.room === room)).toBe(true);
    expect(page.nextCursor).not.toBeNull();
  });

  it('reads the history through the { room, _id } index', () => {
    expect(MessageModel.schema.indexes()).toContainEqual([{ room: 1, _id: -1 }, expect.anything()]);
  });

  it('is for members only: 401 without a token, 403 for a non-member, 404 for no room', async () => {
    const ann = await member('Ann');
    const eve = await member('Eve');
    const room = await roomWith(chat, 'members', ann);
    expect((await chat.api().get(`/rooms/${room}/messages`)).status).toBe(401);
    const forbidden = await get(`/rooms/${room}/messages`, eve);
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as { error: { code: string } }).error.code).toBe('forbidden');
    const missing = await get(`/rooms/${new Types.ObjectId().toString()}/messages`, eve);
    expect(missing.status).toBe(404);
    expect((await get('/rooms/not-an-id/messages', eve)).status).toBe(404);
  });

  it.each(['limit=0', 'limit=101', 'limit=many', 'before=nope', 'page=2'])(
    'answers ?%s with 400',
    async (query) => {
      const ann = await member('Ann');
      const room = await roomWith(chat, 'queries', ann);
      const res = await get(`/rooms/${room}/messages?${query}`, ann);
      expect(res.status).toBe(400);
      expect((res.body as { error: { code: string } }).error.code).toBe('invalid_query');
    },
  );
});
