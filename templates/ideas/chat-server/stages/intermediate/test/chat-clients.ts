// Test helpers for the socket side: the app and its socket.io server on a real loopback port for
// the whole test file, and real socket.io clients that connect to it with a user's token.
//
//   const chat = useChatServer();
//   const ann = await chat.connect(annsToken);
//   const answer = await emitWithAck(ann, 'join', { room });
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp } from '../src/app.js';
import { attachRealtime, type CloseRealtime } from '../src/realtime.js';
import { signToken } from '../src/auth/tokens.js';
import { UserModel } from '../src/auth/user.model.js';
import type { TestUser } from './users.js';

export interface ChatTestServer {
  url: () => string;
  api: () => ReturnType<typeof request>;
  /** A connected client; rejects with the server's connect_error. */
  connect: (token: string | undefined) => Promise<Socket>;
  user: (name: string) => Promise<TestUser>;
}

export function useChatServer(): ChatTestServer {
  let server: Server | undefined;
  let closeRealtime: CloseRealtime | undefined;
  const clients: Socket[] = [];

  beforeAll(async () => {
    server = createServer(createApp());
    closeRealtime = attachRealtime(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await closeRealtime?.();
    await new Promise<void>((resolve, reject) => {
      server?.close((error) => (error ? reject(error) : resolve()));
    });
  });

  const url = () => {
    if (!server) throw new Error('useChatServer(): use it inside a test');
    return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  };
  const api = () => request(url());

  return {
    url,
    api,
    connect: (token) => connectClient(url(), token, clients),
    user: createUser,
  };
}

let counter = 0;

/**
 * A user with a token, written straight to the database: hashing a password takes a while by
 * design, and these tests are about the socket (test/auth.test.ts covers registering).
 */
export async function createUser(name: string): Promise<TestUser> {
  counter += 1;
  const email = `${name.toLowerCase()}.${String(counter)}@example.com`;
  const user = await UserModel.create({ name, email, passwordHash: 'not a hash: cannot log in' });
  return { name, email, password: '', token: signToken({ id: user.id, role: user.role }) };
}

/** A client of `url`, connected, or the connect_error that refused it. */
export async function connectClient(
  url: string,
  token: string | undefined,
  clients: Socket[] = [],
): Promise<Socket> {
  const client = io(url, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  return client;
}

export interface Answer {
  ok: boolean;
  error?: { code: string; message: string; details?: { path: string; message: string }[] };
  [key: string]: unknown;
}

/** Emits `event` and resolves with the server's acknowledgement. */
export function emitWithAck(client: Socket, event: string, payload: unknown): Promise<Answer> {
  return client.timeout(3000).emitWithAck(event, payload) as Promise<Answer>;
}

/** Resolves with the next `event` payload, or rejects after `ms`. */
export function next<T>(client: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${String(ms)} ms`)), ms);
    client.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** True if `event` arrives within `ms`: to check that something is NOT delivered. */
export async function arrives(client: Socket, event: string, ms = 200): Promise<boolean> {
  return next(client, event, ms).then(
    () => true,
    () => false,
  );
}

/** Opens a room as `owner` and makes each of `members` a member; resolves with its id. */
export async function roomWith(
  chat: ChatTestServer,
  name: string,
  owner: TestUser,
  members: TestUser[] = [],
): Promise<string> {
  const res = await chat
    .api()
    .post('/rooms')
    .set('Authorization', `Bearer ${owner.token}`)
    .send({ name });
  if (res.status !== 201) throw new Error(`POST /rooms: ${res.status} ${res.text}`);
  const id = (res.body as { id: string }).id;
  for (const member of members) {
    const joined = await chat
      .api()
      .put(`/rooms/${id}/members/me`)
      .set('Authorization', `Bearer ${member.token}`);
    if (joined.status !== 204) throw new Error(`join: ${joined.status}`);
  }
  return id;
}
