// The messages collection: every chat message that was broadcast is also stored, so a client
// that connects later (or a plain HTTP client) can read what was said recently.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH } from './message.schemas.js';

const messageSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: NAME_MAX_LENGTH },
    text: { type: String, required: true, trim: true, maxlength: MESSAGE_MAX_LENGTH },
  },
  // createdAt (and updatedAt), maintained by Mongoose: the list is read newest first.
  { timestamps: true },
);

// GET /messages reads the newest messages first; this index lets MongoDB read them already
// sorted instead of sorting the whole collection on every request.
messageSchema.index({ createdAt: -1, _id: -1 });

export type Message = InferSchemaType<typeof messageSchema>;
export type MessageDocument = HydratedDocument<Message>;

export const MessageModel = model('Message', messageSchema);
