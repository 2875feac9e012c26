// The messages collection: every message said in a room, stored before it is delivered, so the
// history can be read back later (GET /rooms/:id/messages) by anyone who joins.
import { model, Schema, type InferSchemaType } from 'mongoose';
import { MESSAGE_MAX_LENGTH } from './message.schemas.js';

// TODO(mistake:poor-schema-design): the tempting version is `messages: [messageSchema]` inside
// the room document (and `members: [userId]` next to it). A busy room then grows one document
// forever: every message rewrites it, every read of the room loads the whole conversation, and
// at 16 MB MongoDB refuses the next message. Store each message as its own document that
// references its room and its author, with the compound index the history query reads
// (`{ room: 1, _id: -1 }`). `npm test -- indexes` fails when a declared index is missing from
// MongoDB; `npm test -- messages` pages through a room's history with that index.
const messageSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'Room', required: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // The author's name when they said it, copied here so a page of history needs no second
    // query (a deliberate, small duplication: a chat shows the name a message was sent under).
    authorName: { type: String, required: true, maxlength: 100 },
    text: { type: String, required: true, trim: true, maxlength: MESSAGE_MAX_LENGTH },
  },
  { timestamps: true },
);

// The history query: one room's messages, newest first, a page at a time from a cursor
// (`_id < before`). ObjectIds grow with time, so `_id` is both the order and a stable cursor.
messageSchema.index({ room: 1, _id: -1 });
// "Everything a user said", e.g. to delete an account's messages.
messageSchema.index({ author: 1, _id: -1 });

export type Message = InferSchemaType<typeof messageSchema>;

export const MessageModel = model('Message', messageSchema);

/** What clients see of a message, over HTTP and over the socket alike. */
export function toMessageJson(message: Message & { _id: { toString(): string } }) {
  return {
    id: message._id.toString(),
    room: message.room.toString(),
    author: { id: message.author.toString(), name: message.authorName },
    text: message.text,
    createdAt: message.createdAt.toISOString(),
  };
}

export type MessageJson = ReturnType<typeof toMessageJson>;
