// What a client may send, checked before anything is broadcast or stored. Input over a
// WebSocket is client input exactly like an HTTP body: never trust its shape or size.
import { z } from 'zod';

export const NAME_MAX_LENGTH = 32;
export const MESSAGE_MAX_LENGTH = 500;

/** The `message` event's payload: `{ text }`. The sender's name comes from the handshake. */
export const chatMessageSchema = z.strictObject({
  text: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
});

/** The name a client connects with (`io(url, { auth: { name } })`). */
export const chatNameSchema = z.string().trim().min(1).max(NAME_MAX_LENGTH);

/** `GET /messages?limit=`: how many of the newest messages, bounded so a list stays small. */
export const listMessagesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
