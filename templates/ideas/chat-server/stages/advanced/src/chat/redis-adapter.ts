// Several server processes, one chat: the socket.io Redis adapter. Each process publishes what it
// sends to a room on a Redis channel, and every other process delivers it to its own clients in
// that room. A client on instance A and one on instance B then meet in the same room, whichever
// instance the load balancer picked for each. (Behind a load balancer, turn on sticky sessions or
// use the WebSocket transport only: socket.io's HTTP long-polling needs every request of one
// client to reach the same instance.)
//
// Redis down: each instance keeps serving its own clients (the adapter always delivers locally
// first), messages simply stop crossing to the other instances until Redis is back, and
// GET /health/ready says so.
import { createAdapter } from '@socket.io/redis-adapter';
import { logger } from '../logger.js';
import { redisClient, redisKey, type RedisClient } from '../redis.js';
import type { ChatServer } from './socket-auth.js';

async function closeClient(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close();
  else if (client.isOpen) client.destroy();
}

// TODO(mistake:overengineering): the tempting version, the day a second instance is needed, is
// a separate "chat service" with its own deployment, a message broker (Kafka, RabbitMQ) between
// them and a sharded Redis, before one instance was ever busy. Each piece is another thing to
// deploy, monitor and lose messages in. Here the same app runs as identical instances and one
// adapter shares the rooms: the scaling is this file. `npm test -- scale-out` proves it with two
// real processes; `npm test -- architecture` keeps the modules apart so a split stays possible,
// and docs/scaling.md says which measurement would justify the next step.
/** Connects `io` to the other instances; resolves the returned function to disconnect. */
export function shareRoomsThroughRedis(io: ChatServer): () => Promise<void> {
  const main = redisClient();
  if (!main) {
    logger.warn('Redis is not connected: chat messages reach the clients of this instance only');
    return () => Promise.resolve();
  }
  // Pub/sub needs connections of its own: a subscribed connection can do nothing else. The
  // subscriber queues its SUBSCRIBE commands until it is connected (and node-redis subscribes
  // again after a reconnection); the publisher fails fast like the app's main client.
  const pub = main.duplicate();
  const sub = main.duplicate({ disableOfflineQueue: false });
  for (const client of [pub, sub]) {
    // Without an `error` listener a lost connection kills the process (node-redis rethrows).
    // redis.ts already logs the outage once; these only need to exist.
    client.on('error', () => {});
    client.connect().catch((error: unknown) => {
      logger.warn({ err: error }, 'Could not connect a chat pub/sub client to Redis');
    });
  }
  // The adapter calls `publish` without awaiting it, so a failed PUBLISH (Redis down) would be
  // an unhandled rejection, which ends a Node process. It gets a publisher that skips publishing
  // while Redis is away: local delivery goes on, other instances miss those messages.
  const publisher = {
    publish: (channel: string, message: string) =>
      pub.isReady ? pub.publish(channel, message).catch(() => 0) : Promise.resolve(0),
    // The adapter checks that this method exists to know it talks to node-redis 4 or later.
    pSubscribe: sub.pSubscribe.bind(sub),
    // PUBSUB NUMSUB, for `io.serverCount()`.
    sendCommand: (args: string[]) => pub.sendCommand(args),
    on: (event: string, listener: (...args: unknown[]) => void) => pub.on(event, listener),
    off: (event: string, listener: (...args: unknown[]) => void) => pub.off(event, listener),
  };
  io.adapter(createAdapter(publisher, sub, { key: redisKey('socket.io') }));
  logger.info('Chat rooms are shared with the other instances through Redis');

  return async () => {
    // Unsubscribing is a command too: only send it while Redis can answer.
    if (sub.isReady) await io.of('/').adapter.close();
    await Promise.all([closeClient(pub), closeClient(sub)]);
  };
}
