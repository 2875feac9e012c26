// Idempotency keys on checkout (POST /orders). A phone on a train sends "place order", the
// answer is lost, the app retries: without a key that is two orders and two payments. With
//
//   Idempotency-Key: 0b8e9f5c-…   (any 1–255 visible characters; a UUID per attempt to order)
//
// the first request with a key does the work and its answer is stored; a retry with the same key
// and the same body gets that stored answer again (with `Idempotent-Replayed: true`) and orders
// nothing. The same key with a different body is a 422: the client mixed up two orders. A retry
// that arrives while the first is still running gets 409: try again in a moment. Answers of 500
// and above are not stored, so a retry after a server error really retries. Keys are kept for
// IDEMPOTENCY_KEY_TTL_HOURS (an `expiresAt` field; an expired key is treated as new).
//
// The claim on a key is an insert into a unique `_id`: of two identical requests at the same
// moment, exactly one inserts and checks out; the other sees the key taken. It works on MongoDB
// and on FerretDB alike, and in MongoDB (not Redis) it survives a cache outage.
import { createHash } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import mongoose, { model, Schema } from 'mongoose';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { HttpError, isDuplicateKeyError } from '../http/errors.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

const idempotencyKeySchema = new Schema({
  // `<user id>:<key>`: see the TODO below.
  _id: { type: String, required: true },
  /** sha256 of the request body: the same key must come with the same request. */
  requestHash: { type: String, required: true },
  /** Empty while the first request runs; then the answer to replay. */
  response: {
    status: Number,
    body: Schema.Types.Mixed,
    location: String,
  },
  expiresAt: { type: Date, required: true },
});

export const IdempotencyKeyModel = model('IdempotencyKey', idempotencyKeySchema);

function requestHash(req: Request): string {
  return createHash('sha256')
    .update(JSON.stringify(req.body ?? null))
    .digest('hex');
}

/** Inserts the claim; false when the key is already taken (by this request's twin). */
async function claim(id: string, hash: string): Promise<boolean> {
  const expiresAt = new Date(Date.now() + IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await IdempotencyKeyModel.create({ _id: id, requestHash: hash, expiresAt });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // An expired key is free again: delete it and claim once more.
    const expired = await IdempotencyKeyModel.deleteOne({
      _id: id,
      expiresAt: mongoose.trusted({ $lt: new Date() }),
    });
    if (expired.deletedCount === 0) return false;
  }
  return false;
}

const checkoutOnce: RequestHandler = async (req, res, next) => {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (req.method !== 'POST' || req.path !== '/' || key === undefined) {
    next();
    return;
  }
  if (!KEY_FORMAT.test(key)) {
    throw new HttpError(
      400,
      'invalid_idempotency_key',
      `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters, e.g. a UUID.`,
    );
  }
  // TODO(mistake:ignoring-security): the tempting record id is the key alone ("keys are random
  // UUIDs, they never collide"). Keys are chosen by clients, not by us: Bob sends the key he saw
  // in Ann's request (a shared proxy log, a bug report) and gets Ann's stored answer replayed,
  // her order and payment id included — broken object level authorization (OWASP API1) through
  // a side door. Scope every key to the user it came from, and authenticate before looking it
  // up. The guard: `npm test -- idempotency` replays Ann's key as Bob and expects his own new
  // order, never Ann's.
  const id = `${currentUser(req).id}:${key}`;
  const hash = requestHash(req);

  if (!(await claim(id, hash))) {
    const stored = await IdempotencyKeyModel.findById(id);
    if (stored && stored.requestHash !== hash) {
      throw new HttpError(
        422,
        'idempotency_key_reused',
        `This ${IDEMPOTENCY_HEADER} was used for a different request. Use a new key per order.`,
      );
    }
    if (!stored?.response?.status) {
      throw new HttpError(
        409,
        'idempotency_request_in_progress',
        'A request with this key is still running; retry in a moment.',
      );
    }
    const { status, location } = stored.response;
    const body: unknown = stored.response.body;
    res.status(status).set('Idempotent-Replayed', 'true');
    if (location) res.location(location);
    res.json(body);
    return;
  }

  // Ours: remember the answer when it is sent. A server error frees the key for a real retry.
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    const status = res.statusCode;
    const location = res.get('Location');
    const saved =
      status >= 500
        ? IdempotencyKeyModel.deleteOne({ _id: id })
        : IdempotencyKeyModel.updateOne(
            { _id: id },
            { $set: { response: { status, body, location } } },
          );
    // Store first, answer second: once the client has the answer it may retry at once, and the
    // retry must find it. A failed store is logged; the answer still goes out.
    void saved
      .catch((error: unknown) =>
        req.log.error({ err: error }, 'Could not store the idempotent answer'),
      )
      .finally(() => send(body));
    return res;
  };
  next();
};

/** In front of the orders router (app.ts): login first, then the key. */
export function idempotentCheckout(): Router {
  const router = Router();
  router.use(requireAuth);
  router.use(checkoutOnce);
  return router;
}
