// Redis goes away while the app runs: a dedicated redis-server is started for this file and
// stopped in the middle of it. The app must keep answering from MongoDB, /health (liveness) must
// stay 200, and /health/ready must say 503 and name Redis.
import { model, Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { readThrough } from '../src/cache/index.js';
import { useApi } from './api.js';
import { useRedisOfItsOwn } from './redis-of-its-own.js';

const api = useApi();
const Item = model('OutageProbeItem', new Schema({ name: String }));

const { stopRedis } = useRedisOfItsOwn('outage:');

const readItems = () =>
  readThrough({ key: 'items', tags: ['items'], ttlSeconds: 60 }, async () =>
    (await Item.find({}, { name: 1, _id: 0 }).lean()).map((item) => item.name),
  );

describe('when Redis goes down', () => {
  it('is ready while Redis is up', async () => {
    const res = await api().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  it('keeps answering from MongoDB, stays live and reports not ready', async () => {
    await Item.create({ name: 'kept' });
    expect(await readItems()).toEqual({ value: ['kept'], status: 'MISS' });

    await stopRedis();

    expect(await readItems()).toEqual({ value: ['kept'], status: 'BYPASS' });
    const ready = await api().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'not_ready', checks: { database: 'up', redis: 'down' } });
    // Liveness: the process itself is fine, restarting it would not bring Redis back.
    expect((await api().get('/health')).status).toBe(200);
    // Requests are not refused for want of a rate-limit store.
    expect((await api().get('/no-such-thing')).status).toBe(404);
  }, 30_000);
});
