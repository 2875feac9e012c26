// Numbered ids. The Conduit contract gives comments integer ids (`DELETE …/comments/42`), which
// MongoDB does not make by itself: one small document per sequence holds the last number, and
// one atomic `$inc` hands out the next. No read-then-write, so two comments at the same moment
// never get the same number.
import { model, Schema } from 'mongoose';

const counterSchema = new Schema({
  _id: { type: String, required: true },
  seq: { type: Number, required: true, default: 0 },
});

export const CounterModel = model('Counter', counterSchema);

/** The next number of the sequence `name`: 1, 2, 3… */
export async function nextNumber(name: string): Promise<number> {
  const bump = () =>
    CounterModel.findOneAndUpdate(
      { _id: name },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
  // The very first two calls can race to create the counter: the loser's insert hits the
  // unique _id, and its retry finds the counter there.
  const counter = await bump().catch(() => bump());
  if (!counter) throw new Error(`The counter ${name} could not be read`);
  return counter.seq;
}
