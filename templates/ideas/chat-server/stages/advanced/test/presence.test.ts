// Presence in Redis: what one instance records, another reads; a socket that leaves is gone at
// once; and an entry nobody refreshes (its instance crashed) disappears after the TTL.
import { describe, expect, it } from 'vitest';
import { redisPresence } from '../src/chat/redis-presence.js';
import { redisClient, redisKey } from '../src/redis.js';

const ann = { id: 'a1', name: 'Ann' };
const bob = { id: 'b1', name: 'Bob' };

describe('presence in Redis', () => {
  it('is shared between instances and updated when a socket leaves', async () => {
    const one = redisPresence({ ttlSeconds: 30 });
    const two = redisPresence({ ttlSeconds: 30 });
    try {
      await one.join('room-1', ann, 'socket-a');
      await one.join('room-1', ann, 'socket-a2');
      await two.join('room-1', bob, 'socket-b');
      // Each user once, however many sockets: Ann has two tabs open.
      expect(await one.online('room-1')).toEqual([ann, bob]);
      expect(await two.online('room-1')).toEqual([ann, bob]);
      await two.leave('room-1', 'socket-b');
      expect(await one.online('room-1')).toEqual([ann]);
      expect(await one.online('room-2')).toEqual([]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('forgets the users of an instance that stopped refreshing them', async () => {
    const alive = redisPresence({ ttlSeconds: 1 });
    try {
      await alive.join('room-ghost', ann, 'socket-a');
      // Bob's instance crashed 5 s ago: its heartbeat stopped, and nobody removed his entry.
      await redisClient()?.zAdd(redisKey('presence', 'room-ghost'), {
        score: Date.now() - 5_000,
        value: JSON.stringify({ socket: 'socket-b', id: bob.id, name: bob.name }),
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      // Ann's instance kept vouching for her; Bob's entry was left to expire.
      expect(await alive.online('room-ghost')).toEqual([ann]);
    } finally {
      await alive.close();
    }
  });

  it('lets the room key expire when nobody refreshes it', async () => {
    const presence = redisPresence({ ttlSeconds: 5 });
    try {
      await presence.join('room-ttl', ann, 'socket-a');
      const ttl = await redisClient()?.ttl(redisKey('presence', 'room-ttl'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10);
    } finally {
      await presence.close();
    }
  });
});
