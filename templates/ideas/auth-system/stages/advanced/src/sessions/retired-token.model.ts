// Refresh tokens that were already exchanged (rotation, src/sessions/session.service.ts). Kept
// only to recognise them if they come back: a retired token presented again means two parties
// hold the same session, one of them a thief, and the whole session is ended.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const retiredTokenSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  session: { type: Schema.Types.ObjectId, ref: 'Session', required: true, index: true },
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  // As long as the session could have lived: after that a replay fails anyway. Swept at login
  // (no TTL index on every MongoDB-compatible database).
  expiresAt: { type: Date, required: true, index: true },
});

export type RetiredToken = InferSchemaType<typeof retiredTokenSchema>;
export type RetiredTokenDocument = HydratedDocument<RetiredToken>;

export const RetiredTokenModel = model('RetiredToken', retiredTokenSchema);
