// The Broadcast Server with real socket.io clients on a real port: what one client sends reaches
// the others and not the sender, joins and leaves are announced, bad input gets an error event,
// and every broadcast message is stored.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { MessageModel } from '../src/chat/message.model.js';
import { attachRealtime, type CloseRealtime } from '../src/realtime.js';

let server: Server;
let closeRealtime: CloseRealtime;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  server = createServer(createApp());
  closeRealtime = attachRealtime(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  // Wait until the server has seen every client go, so the next test's counts start at zero.
  for (let tries = 0; tries < 100; tries += 1) {
    const open = await new Promise<number>((resolve, reject) => {
      server.getConnections((error, count) => (error ? reject(error) : resolve(count)));
    });
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(async () => {
  await closeRealtime();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
});

/** A connected client that has received its `welcome`. */
async function connect(name: string): Promise<Socket> {
  const client = io(url, { auth: { name }, transports: ['websocket'], forceNew: true });
  clients.push(client);
  await next(client, 'welcome');
  return client;
}

/** Resolves with the next `event` payload, or rejects after `ms`. */
function next<T>(client: Socket, event: string, ms = 2000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${String(ms)} ms`)), ms);
    client.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('the broadcast server', () => {
  it('announces a join to the others, with the number online', async () => {
    const ann = await connect('Ann');
    const joined = next<{ name: string; online: number }>(ann, 'joined');
    await connect('Bob');
    expect(await joined).toEqual({ name: 'Bob', online: 2 });
  });

  it('sends a message to every other client and not back to the sender', async () => {
    const ann = await connect('Ann');
    const bob = await connect('Bob');
    const cid = await connect('Cid');
    let echoed = false;
    ann.on('message', () => {
      echoed = true;
    });
    const toBob = next<{ name: string; text: string }>(bob, 'message');
    const toCid = next<{ name: string; text: string }>(cid, 'message');
    ann.emit('message', { text: '  hello  ' });
    expect(await toBob).toMatchObject({ name: 'Ann', text: 'hello' });
    expect(await toCid).toMatchObject({ name: 'Ann', text: 'hello' });
    // Give a wrongly echoed message time to arrive before concluding it did not.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(echoed).toBe(false);
  });

  it('announces a disconnect to the rest', async () => {
    const ann = await connect('Ann');
    const bob = await connect('Bob');
    const left = next<{ name: string; online: number }>(ann, 'left');
    bob.close();
    expect(await left).toEqual({ name: 'Bob', online: 1 });
  });

  it.each([
    ['an empty text', { text: '   ' }],
    ['a text over 500 characters', { text: 'x'.repeat(501) }],
    ['no text at all', { body: 'hi' }],
    ['a plain string', 'hi'],
  ])('answers %s with a chat-error event and broadcasts nothing', async (_case, payload) => {
    const ann = await connect('Ann');
    const bob = await connect('Bob');
    let delivered = false;
    bob.on('message', () => {
      delivered = true;
    });
    const error = next<{ code: string }>(ann, 'chat-error');
    ann.emit('message', payload);
    expect(await error).toMatchObject({ code: 'invalid_message' });
    expect(delivered).toBe(false);
    expect(await MessageModel.countDocuments()).toBe(0);
  });

  it('stores every broadcast message', async () => {
    const ann = await connect('Ann');
    const bob = await connect('Bob');
    const received = next(bob, 'message');
    ann.emit('message', { text: 'kept' });
    await received;
    const stored = await MessageModel.find().lean();
    expect(stored.map(({ name, text }) => ({ name, text }))).toEqual([
      { name: 'Ann', text: 'kept' },
    ]);
  });
});
