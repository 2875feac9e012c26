// Login sessions: one document per logged-in device, pointing at its user. The session token
// itself is never stored, only its SHA-256 hash (src/auth/secret-token.ts).
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const sessionSchema = new Schema(
  {
    // A reference, not an embedded array of sessions in the user: logging in on a new device
    // adds a small document here instead of rewriting (and growing) the user document.
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    // Looked up on every authenticated request: the unique index makes that one index read.
    tokenHash: { type: String, required: true, unique: true },
    // A session ends by itself. MongoDB can delete expired documents with a TTL index, but not
    // every MongoDB-compatible database has one (FerretDB, used in CI, does not), so the lookup
    // checks `expiresAt` itself and login clears the user's expired sessions.
    expiresAt: { type: Date, required: true, index: true },
  },
  { timestamps: true },
);

export type Session = InferSchemaType<typeof sessionSchema>;
export type SessionDocument = HydratedDocument<Session>;

export const SessionModel = model('Session', sessionSchema);
