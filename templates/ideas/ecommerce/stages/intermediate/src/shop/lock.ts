// A short lock on one key (a product's stock, one payment), for the few writes that must not run
// at the same time as another write to the same document.
//
// Why a lock when checkout uses conditional updates? On MongoDB, `findOneAndUpdate({ _id, stock:
// { $gte: 2 } }, { $inc: { stock: -2 } })` is atomic on its own: filter and change happen
// together. FerretDB 1.x on SQLite, the database the tests here run against, executes an update
// as a read followed by a write, so two concurrent updates of one document can both pass the
// filter and one change is lost (its issue #3040; `npm test -- checkout` fails without this
// lock). The one write it does atomically is an insert into a unique index, here `_id`: the
// first insert of a key wins, every other one gets a duplicate-key error and waits. Know the
// guarantees of the database you run on, and test them under concurrency.
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { model, Schema } from 'mongoose';
import { HttpError, isDuplicateKeyError } from '../http/errors.js';

/** A lock left behind by a crashed process is taken over after this long. */
const LOCK_TTL_MS = 5_000;
/** How long a request waits for a lock before it gives up with 503. */
const WAIT_MS = 5_000;

const lockSchema = new Schema({
  _id: { type: String, required: true },
  expiresAt: { type: Date, required: true },
});

export const LockModel = model('Lock', lockSchema);

async function acquire(key: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await LockModel.create({ _id: key, expiresAt: new Date(Date.now() + LOCK_TTL_MS) });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await LockModel.deleteOne({ _id: key, expiresAt: mongoose.trusted({ $lt: new Date() }) });
    if (Date.now() > deadline) {
      throw new HttpError(503, 'busy', 'Too many requests for the same item at once; try again.');
    }
    // A random pause, so the waiting requests do not all retry at the same moment.
    await sleep(5 + Math.random() * 20);
  }
}

/** Runs `work` while holding the lock on `key`; nobody else holding it runs at the same time. */
export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  await acquire(key);
  try {
    return await work();
  } finally {
    await LockModel.deleteOne({ _id: key });
  }
}
