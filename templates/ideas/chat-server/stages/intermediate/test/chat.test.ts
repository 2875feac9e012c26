// The socket side with real socket.io clients on a real port: the handshake (guard for
// mistake:insecure-secrets), room authorization, validated events with acks (guard for
// mistake:weak-validation), delivery to the room and only the room, presence and storage.
import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { MessageModel } from '../src/chat/message.model.js';
import { signToken } from '../src/auth/tokens.js';
import { arrives, emitWithAck, next, roomWith, useChatServer } from './chat-clients.js';

const chat = useChatServer();

describe('the socket handshake', () => {
  it('refuses a client without a token, and says why', async () => {
    await expect(chat.connect(undefined)).rejects.toThrow(/^Authentication required/);
  });

  it('refuses a tampered token', async () => {
    const ann = await chat.user('Ann');
    const [header, payload, signature] = ann.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await expect(chat.connect(`${header}.${forged}.${signature}`)).rejects.toThrow('Invalid token');
  });

  it('refuses a token signed with another secret, or without a signature', async () => {
    const ann = await chat.user('Ann');
    const { sub } = jwt.decode(ann.token) as { sub: string };
    const other = jwt.sign({ role: 'user' }, 'x'.repeat(64), { subject: sub, algorithm: 'HS256' });
    await expect(chat.connect(other)).rejects.toThrow('Invalid token');
    const unsigned = jwt.sign({ role: 'user' }, '', { subject: sub, algorithm: 'none' });
    await expect(chat.connect(unsigned)).rejects.toThrow('Invalid token');
  });

  it('refuses an expired token with a message that says so', async () => {
    const ann = await chat.user('Ann');
    const { sub } = jwt.decode(ann.token) as { sub: string };
    const expired = jwt.sign({ role: 'user' }, config.jwtSecret, {
      subject: sub,
      algorithm: 'HS256',
      expiresIn: -10,
    });
    await expect(chat.connect(expired)).rejects.toThrow('Token expired: log in again');
  });

  it('refuses a valid token of a user that no longer exists', async () => {
    const token = signToken({ id: '000000000000000000000000', role: 'user' });
    await expect(chat.connect(token)).rejects.toThrow(/^Unknown user/);
  });

  it('welcomes a valid token with the user it belongs to', async () => {
    const ann = await chat.user('Ann');
    const { sub } = jwt.decode(ann.token) as { sub: string };
    const client = io(chat.url(), { auth: { token: ann.token }, transports: ['websocket'] });
    try {
      expect(await next(client, 'welcome')).toEqual({ user: { id: sub, name: 'Ann' } });
    } finally {
      client.close();
    }
  });
});

describe('rooms over the socket', () => {
  it('lets members join and refuses others (403) and unknown rooms (404)', async () => {
    const ann = await chat.user('Ann');
    const eve = await chat.user('Eve');
    const room = await roomWith(chat, 'private', ann);
    const annClient = await chat.connect(ann.token);
    const joined = await emitWithAck(annClient, 'join', { room });
    expect(joined).toMatchObject({ ok: true, room: { id: room, name: 'private' } });
    expect(joined.online).toEqual([{ id: expect.any(String) as string, name: 'Ann' }]);

    const eveClient = await chat.connect(eve.token);
    expect(await emitWithAck(eveClient, 'join', { room })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) as string },
    });
    const unknown = await emitWithAck(eveClient, 'join', { room: '000000000000000000000000' });
    expect(unknown.error?.code).toBe('not_found');
  });

  it('delivers a message to the others in the room, not to the sender or other rooms', async () => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const cid = await chat.user('Cid');
    const room = await roomWith(chat, 'general', ann, [bob]);
    const other = await roomWith(chat, 'other', cid);
    const annClient = await chat.connect(ann.token);
    const bobClient = await chat.connect(bob.token);
    const cidClient = await chat.connect(cid.token);
    await emitWithAck(annClient, 'join', { room });
    await emitWithAck(bobClient, 'join', { room });
    await emitWithAck(cidClient, 'join', { room: other });

    const toBob = next<{ text: string; author: { name: string }; room: string }>(
      bobClient,
      'message',
    );
    const toCid = arrives(cidClient, 'message', 300);
    const toAnn = arrives(annClient, 'message', 300);
    const answer = await emitWithAck(annClient, 'message', { room, text: '  hello  ' });
    expect(answer).toMatchObject({ ok: true, message: { text: 'hello', room } });
    expect(await toBob).toMatchObject({ text: 'hello', room, author: { name: 'Ann' } });
    expect(await toCid).toBe(false);
    expect(await toAnn).toBe(false);
  });

  it('stores each message with its room and the token’s user as author', async () => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const room = await roomWith(chat, 'kept', ann);
    const client = await chat.connect(ann.token);
    await emitWithAck(client, 'join', { room });
    const answer = await emitWithAck(client, 'message', { room, text: 'kept' });
    expect(answer.ok).toBe(true);
    const stored = await MessageModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.room.toString()).toBe(room);
    expect(stored[0]?.author.toString()).toBe((jwt.decode(ann.token) as { sub: string }).sub);
    expect(stored[0]?.author.toString()).not.toBe((jwt.decode(bob.token) as { sub: string }).sub);
    expect(stored[0]?.authorName).toBe('Ann');
  });

  it('refuses a message to a room the socket has not joined', async () => {
    const ann = await chat.user('Ann');
    const room = await roomWith(chat, 'notjoined', ann);
    const client = await chat.connect(ann.token);
    const answer = await emitWithAck(client, 'message', { room, text: 'hi' });
    expect(answer.error?.code).toBe('not_joined');
    expect(await MessageModel.countDocuments()).toBe(0);
  });

  it('refuses a message from someone who left the room over HTTP', async () => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const room = await roomWith(chat, 'leaving', ann, [bob]);
    const client = await chat.connect(bob.token);
    await emitWithAck(client, 'join', { room });
    await chat
      .api()
      .delete(`/rooms/${room}/members/me`)
      .set('Authorization', `Bearer ${bob.token}`);
    const answer = await emitWithAck(client, 'message', { room, text: 'still here?' });
    expect(answer.error?.code).toBe('forbidden');
  });

  it('tells the room who is online when someone joins, leaves or disconnects', async () => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const room = await roomWith(chat, 'presence', ann, [bob]);
    const annClient = await chat.connect(ann.token);
    await emitWithAck(annClient, 'join', { room });
    const bobClient = await chat.connect(bob.token);

    const joined = next<{ online: { name: string }[] }>(annClient, 'presence');
    await emitWithAck(bobClient, 'join', { room });
    expect((await joined).online.map((user) => user.name)).toEqual(['Ann', 'Bob']);
    expect((await emitWithAck(annClient, 'online', { room })).online).toHaveLength(2);

    const left = next<{ online: { name: string }[] }>(annClient, 'presence');
    bobClient.close();
    expect((await left).online.map((user) => user.name)).toEqual(['Ann']);
  });
});

describe('invalid events', () => {
  it.each([
    ['an empty text', { text: '   ' }, 'text'],
    ['a text over 500 characters', { text: 'x'.repeat(501) }, 'text'],
    ['an author of its own', { text: 'hi', author: '000000000000000000000000' }, 'author'],
    ['a malformed room id', { text: 'hi', room: 'general' }, 'room'],
  ])('answers %s with a failed ack and a chat-error with details', async (_case, extra, path) => {
    const ann = await chat.user('Ann');
    const bob = await chat.user('Bob');
    const room = await roomWith(chat, 'strict', ann, [bob]);
    const [annClient, bobClient] = [await chat.connect(ann.token), await chat.connect(bob.token)];
    await emitWithAck(annClient, 'join', { room });
    await emitWithAck(bobClient, 'join', { room });
    const error = next<{ event: string; code: string }>(annClient, 'chat-error');
    const delivered = arrives(bobClient, 'message', 300);

    const answer = await emitWithAck(annClient, 'message', { room, ...extra });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('validation_failed');
    expect(answer.error?.details?.map((detail) => detail.path)).toContain(path);
    expect(await error).toMatchObject({ event: 'message', code: 'validation_failed' });
    expect(await delivered).toBe(false);
    expect(await MessageModel.countDocuments()).toBe(0);
  });

  it('answers a payload that is not an object, and stays connected', async () => {
    const ann = await chat.user('Ann');
    const client = await chat.connect(ann.token);
    const answer = await emitWithAck(client, 'join', 'general');
    expect(answer.error?.code).toBe('validation_failed');
    expect(client.connected).toBe(true);
  });
});
