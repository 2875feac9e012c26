// Who can log in. A user owns other documents (todos, notes…) through a reference to its `_id`
// in those documents, never by holding them: see the TODO below.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from './roles.js';

// TODO(mistake:poor-schema-design): the tempting version is `todos: [todoSchema]` (or
// `todoIds: [ObjectId]`) right here, and no `unique` on `email`. The array grows with every item
// a user creates: each login then loads all of it, updates rewrite the whole document, and at
// 16 MB MongoDB refuses it. Without the unique index, two sign-ups at the same moment both pass
// a `findOne` check and create two accounts for one email. Keep the owner's id on the owned
// document (`owner: { type: ObjectId, ref: 'User', index: true }`) and let the database enforce
// uniqueness. `npm test -- indexes` fails when a declared index is missing from MongoDB;
// `npm test -- auth` expects 409 for a second registration with the same email.
const userSchema = new Schema(
  {
    // `unique` creates a unique index: MongoDB itself refuses a second user with this email
    // (error E11000, answered as 409 by src/http/errors.ts). `lowercase` makes Ann@x.io and
    // ann@x.io the same account.
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 100 },
    // Only the argon2 hash is stored, never the password. `select: false` leaves it out of every
    // query unless one asks for it by name (`.select('+passwordHash')`, in login only), so it
    // cannot slip into a response or a log by accident.
    passwordHash: { type: String, required: true, select: false },
    role: { type: String, enum: ROLES, required: true, default: 'user' },
    // exercise:start poor-schema-design
    // exercise:else
    // // TODO(mistake:poor-schema-design): Exercise: every login adds a date to this array (see
    // // the login route in auth.routes.ts). It never stops growing: every query that loads a
    // // user loads all of it, every login rewrites it, and at 16 MB MongoDB refuses the write
    // // and the user cannot log in any more. Keep events in a collection of their own that
    // // references the user (`user: { type: ObjectId, ref: 'User', index: true }`), or keep
    // // only what you need (`lastLoginAt`). `npm run exercises` checks it
    // // (exercises/indexes.test.ts: a user's document stays the same size however often they
    // // log in).
    // logins: [Date],
    // exercise:end
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;

export const UserModel = model('User', userSchema);

/** What clients see of a user: no hash, no internal fields. */
export function toUserJson(user: UserDocument) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}
