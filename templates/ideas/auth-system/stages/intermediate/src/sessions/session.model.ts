// Login sessions, one per device: each holds the hash of its refresh token (never the token) and
// points at its user. Access tokens (JWT) expire within minutes; a session lives for
// SESSION_TTL_HOURS and lets its device get new access tokens until it ends.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const sessionSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    // Looked up on every refresh: the unique index makes that one index read.
    tokenHash: { type: String, required: true, unique: true },
    // No TTL index (FerretDB, used in CI, has none): lookups check `expiresAt` themselves and
    // each login sweeps the user's expired sessions.
    expiresAt: { type: Date, required: true, index: true },
    lastUsedAt: { type: Date, required: true },
    // Which device, for the user's "where am I logged in?" list. Capped: it is client input.
    userAgent: { type: String, default: '', maxlength: 200 },
  },
  { timestamps: true },
);

export type Session = InferSchemaType<typeof sessionSchema>;
export type SessionDocument = HydratedDocument<Session>;

export const SessionModel = model('Session', sessionSchema);
