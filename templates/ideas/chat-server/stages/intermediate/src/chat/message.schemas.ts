// What a client may send, checked before anything is stored or delivered. A socket event is
// client input exactly like an HTTP body: never trust its shape, its size or the ids in it.
import { z } from 'zod';
import { objectId } from '../http/validate.js';

export const MESSAGE_MAX_LENGTH = 500;
export const HISTORY_MAX_LIMIT = 100;

// TODO(mistake:weak-validation): the tempting version is `MessageModel.create({ ...payload,
// author: socket.data.user.id })` or `z.object({ text: z.string() })`. The client then sends a
// 5 MB text, an empty one, `{ "author": "<someone else>" }` or `{ "room": "abc" }`, and it is
// stored, delivered or becomes a crash. Every event payload is a `z.strictObject` (unknown
// fields are an error), ids are checked as ids and the text has bounds on both sides; the
// author always comes from the handshake, never from the payload. `npm test -- chat` sends each
// of these and expects a `chat-error` with details, a failed ack and nothing stored.

/** The `message` event: `{ room, text }`. Who says it is the socket's user. */
export const chatMessageSchema = z.strictObject({
  room: objectId,
  text: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
});

/** The `join`, `leave` and `online` events: `{ room }`. */
export const roomEventSchema = z.strictObject({ room: objectId });

/**
 * `GET /rooms/:id/messages?before=<id>&limit=n`: the page of messages older than `before` (the
 * `nextCursor` of the previous page), newest first.
 */
export const historyQuery = z.strictObject({
  before: objectId.optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_MAX_LIMIT).default(50),
});
