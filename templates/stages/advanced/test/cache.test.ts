// The cache-aside helper against a real Redis and a real MongoDB collection: a repeated read is
// a HIT, a write followed by an invalidation is seen by the next read, and tags invalidate every
// entry stored under them. test/redis-outage.test.ts covers Redis going away.
import { model, Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { invalidate, readThrough, type CacheEntry } from '../src/cache/index.js';

// A collection of this test's own, so the helper is checked apart from any route.
const Note = model('CacheProbeNote', new Schema({ text: String, owner: String }));

function readNotes(owner: string, page: number) {
  const entry: CacheEntry = {
    key: `notes:${owner}:page=${page}`,
    tags: [`notes:${owner}`],
    ttlSeconds: 60,
  };
  return readThrough(entry, async () => {
    const notes = await Note.find({ owner }, { text: 1, _id: 0 }).lean();
    return notes.map((note) => note.text);
  });
}

describe('readThrough and invalidate', () => {
  it('reads from MongoDB once, then from Redis', async () => {
    await Note.create({ text: 'first', owner: 'ann' });
    expect(await readNotes('ann', 1)).toEqual({ value: ['first'], status: 'MISS' });
    expect(await readNotes('ann', 1)).toEqual({ value: ['first'], status: 'HIT' });
  });

  it('serves the new value after a write and its invalidation', async () => {
    await Note.create({ text: 'first', owner: 'ann' });
    await readNotes('ann', 1);
    await Note.create({ text: 'second', owner: 'ann' });
    // Without invalidation the cache still answers with the old list: the reason to invalidate.
    expect((await readNotes('ann', 1)).value).toEqual(['first']);
    await invalidate('notes:ann');
    expect(await readNotes('ann', 1)).toEqual({ value: ['first', 'second'], status: 'MISS' });
  });

  it('invalidates every entry under a tag, and only those', async () => {
    await Note.create([
      { text: 'a', owner: 'ann' },
      { text: 'b', owner: 'bob' },
    ]);
    await readNotes('ann', 1);
    await readNotes('ann', 2);
    await readNotes('bob', 1);
    await invalidate('notes:ann');
    expect((await readNotes('ann', 1)).status).toBe('MISS');
    expect((await readNotes('ann', 2)).status).toBe('MISS');
    expect((await readNotes('bob', 1)).status).toBe('HIT');
  });

  it('keeps an entry stored during an invalidation under its tag', async () => {
    await Note.create({ text: 'first', owner: 'ann' });
    await readNotes('ann', 1);
    // A read whose store lands while an invalidation of its tag is half done: Redis gets the
    // invalidation's "which keys?", then this read's store, then the invalidation's delete.
    // The delete must not take the new entry off the tag, or no later write could reach it.
    let invalidating: Promise<void> = Promise.resolve();
    const entry: CacheEntry = { key: 'notes:ann:page=2', tags: ['notes:ann'], ttlSeconds: 60 };
    await readThrough(entry, () => {
      invalidating = invalidate('notes:ann');
      return Promise.resolve(['first']);
    });
    await invalidating;
    expect((await readNotes('ann', 1)).status).toBe('MISS');
    await invalidate('notes:ann');
    expect((await readNotes('ann', 2)).status).toBe('MISS');
  });
});
