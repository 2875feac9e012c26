// Who can log in, with which role, and whether their email address is proven. Sessions
// (src/sessions/), one-time email tokens (src/accounts/email-token.model.ts) and avatars
// (src/accounts/avatar.model.ts) point at their user; the user document holds none of them.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from './roles.js';

// TODO(mistake:poor-schema-design): the tempting version is `sessions: [{ tokenHash, expiresAt }]`
// and `avatar: Buffer` right here, and no `unique` on `email`. Every request that loads the user
// then drags all their sessions and an image along, each login rewrites the whole document,
// expired sessions pile up inside it until MongoDB's 16 MB limit, and without the unique index
// two sign-ups at the same moment create two accounts for one email. Give each of them its own
// collection pointing here (`user: { type: ObjectId, ref: 'User', index: true }`) and let the
// database enforce uniqueness. `npm test -- indexes` fails when a declared index is missing;
// `npm test -- auth` expects 409 for a second registration with the same email.
const userSchema = new Schema(
  {
    // `unique` creates a unique index: MongoDB itself refuses a second user with this email
    // (error E11000, answered as 409 by src/http/errors.ts).
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 100 },
    // Only the hash is stored; `select: false` leaves it out of every query that does not ask
    // for it by name (`.select('+passwordHash')`, at login only).
    passwordHash: { type: String, required: true, select: false },
    // Never from a request body (the schemas are strict): only an admin route changes it.
    role: { type: String, enum: ROLES, required: true, default: 'user' },
    // Set when the user proves they read mail at this address (POST /auth/verify-email).
    emailVerifiedAt: { type: Date, default: null },
    // exercise:start poor-schema-design
    // exercise:else
    // // TODO(mistake:poor-schema-design): Exercise: POST /auth/login pushes a date onto this
    // // array (auth.routes.ts). The user document is read by every authenticated request, and
    // // now it grows with every login for as long as the account lives: each read carries the
    // // whole history, each login rewrites it, and at 16 MB MongoDB refuses the write, so the
    // // user can no longer log in. This API already keeps what grows per login in a
    // // collection of its own (src/sessions/session.model.ts, with `createdAt` and the
    // // device): drop the array and its $push. `npm run exercises` checks it
    // // (exercises/user-document.test.ts: logging in leaves the user's document as it was).
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
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
