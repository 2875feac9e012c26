// Two instances of the real server (src/server.ts as two child processes on two loopback
// ports), sharing one MongoDB database and one Redis, as they would behind a load balancer. A
// message sent by a client of one instance must reach a client of the other in the same room,
// presence must be the same from both, and when one instance is killed (SIGKILL: no goodbye)
// its users must vanish from the other's presence within PRESENCE_TTL_SECONDS.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MembershipModel } from '../src/chat/membership.model.js';
import { RoomModel } from '../src/chat/room.model.js';
import { config } from '../src/config.js';
import { connectClient, createUser, emitWithAck, next } from './chat-clients.js';
import { requiredEnv } from './required-env.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const PRESENCE_TTL_SECONDS = 2;
const idOf = (user: { token: string }) => (jwt.decode(user.token) as { sub: string }).sub;

interface Instance {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** The worker's own database, so this file sees what the instances write. */
function databaseUri(): string {
  const uri = new URL(inject('mongodbUri'));
  uri.pathname = `/${mongoose.connection.name}`;
  return uri.toString();
}

async function startInstance(): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectDir,
    env: {
      ...requiredEnv,
      // Tokens signed in this test (with this worker's secret) must be valid on both.
      JWT_SECRET: config.jwtSecret,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      MONGODB_URI: databaseUri(),
      REDIS_URL: inject('redisUrl'),
      PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith('Listening') && entry.port !== undefined) resolve(entry.port);
      } catch {
        // not a log line
      }
    });
    child.once('close', () => reject(new Error(`the instance exited:\n${stderr}`)));
  });
  return { child, url: `http://127.0.0.1:${String(port)}`, exited };
}

let one: Instance;
let two: Instance;
const clients: Socket[] = [];

beforeAll(async () => {
  [one, two] = await Promise.all([startInstance(), startInstance()]);
}, 180_000);

afterAll(async () => {
  for (const client of clients) client.close();
  for (const instance of [one, two]) {
    if (instance.child.exitCode === null && instance.child.signalCode === null) {
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
  }
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe.skipIf(process.platform === 'win32')('two instances behind one Redis', () => {
  it('deliver across instances, share presence and forget a crashed one', async () => {
    const ann = await createUser('Ann');
    const bob = await createUser('Bob');
    const annId = idOf(ann);
    const bobId = idOf(bob);
    const room = await RoomModel.create({ name: 'shared', owner: annId });
    await MembershipModel.insertMany([
      { room: room._id, user: annId },
      { room: room._id, user: bobId },
    ]);
    const roomId = room.id;

    const annClient = await connectClient(one.url, ann.token, clients);
    const bobClient = await connectClient(two.url, bob.token, clients);
    expect((await emitWithAck(annClient, 'join', { room: roomId })).ok).toBe(true);
    expect((await emitWithAck(bobClient, 'join', { room: roomId })).ok).toBe(true);

    // Ann is on instance one, Bob on instance two: the message crosses through Redis.
    const toBob = next<{ text: string; author: { name: string } }>(bobClient, 'message', 5000);
    const sent = await emitWithAck(annClient, 'message', { room: roomId, text: 'across' });
    expect(sent.ok).toBe(true);
    expect(await toBob).toMatchObject({ text: 'across', author: { name: 'Ann' } });
    // And back the other way.
    const toAnn = next<{ text: string }>(annClient, 'message', 5000);
    await emitWithAck(bobClient, 'message', { room: roomId, text: 'and back' });
    expect((await toAnn).text).toBe('and back');

    // Both instances see both users online.
    const names = async (client: Socket) =>
      ((await emitWithAck(client, 'online', { room: roomId })).online as { name: string }[]).map(
        (user) => user.name,
      );
    expect(await names(annClient)).toEqual(['Ann', 'Bob']);
    expect(await names(bobClient)).toEqual(['Ann', 'Bob']);

    // Instance two dies without a goodbye: Bob must not stay "online" as a ghost.
    two.child.kill('SIGKILL');
    await two.exited;
    const after = await until(
      () => names(annClient),
      (online) => online.length === 1,
    );
    expect(after).toEqual(['Ann']);
  }, 60_000);

  it('stops the surviving instance cleanly on SIGTERM', async () => {
    one.child.kill('SIGTERM');
    expect(await one.exited).toBe(0);
  }, 30_000);
});
