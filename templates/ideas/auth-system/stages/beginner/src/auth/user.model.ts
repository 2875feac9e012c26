// Who can log in. Sessions point at their user (src/sessions/session.model.ts), never the
// other way round: a user document does not grow with every login.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const userSchema = new Schema(
  {
    // `unique` creates a unique index: MongoDB itself refuses a second user with this email
    // (error E11000, answered as 409 by src/http/errors.ts). A `findOne` check first would
    // still let two sign-ups at the same moment both pass. `lowercase` makes Ann@x.io and
    // ann@x.io the same account.
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 100 },
    // Only the scrypt hash is stored, never the password. `select: false` leaves it out of every
    // query unless one asks for it by name (`.select('+passwordHash')`, in login only), so it
    // cannot slip into a response or a log by accident.
    passwordHash: { type: String, required: true, select: false },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;

export const UserModel = model('User', userSchema);

/** What clients see of a user: never the hash, nor any internal field. */
export function toUserJson(user: UserDocument) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    createdAt: user.createdAt.toISOString(),
  };
}
