// Who can log in, and the public profile other readers see (username, bio, image). Whom a user
// follows and which articles they favorited are NOT kept here: see the TODO below.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from './roles.js';

export const USERNAME_MAX_LENGTH = 40;
export const BIO_MAX_LENGTH = 1000;
export const IMAGE_URL_MAX_LENGTH = 2000;

// TODO(mistake:poor-schema-design): the tempting version is `following: [{ type: ObjectId,
// ref: 'User' }]` and `favorites: [{ type: ObjectId, ref: 'Article' }]` right here (it is what
// many Conduit tutorials do), and no `unique` on `username` and `email`. Those arrays grow with
// every follow and every favorite: each login and each profile read loads all of them, two
// follows at the same moment overwrite each other, and a popular user's document heads for
// MongoDB's 16 MB limit. Without the unique indexes, two sign-ups at the same moment both pass a
// `findOne` check. Relations that grow are documents of their own with a unique compound index
// (src/profiles/follow.model.ts, src/posts/favorite.model.ts), and the database enforces
// uniqueness. `npm test -- indexes` fails when a declared index is missing from MongoDB;
// `npm test -- auth` expects 409 for a taken username or email.
const userSchema = new Schema(
  {
    // The name in every URL (`/api/profiles/:username`) and on every article. `unique` creates
    // a unique index: MongoDB itself refuses a second user with this name (E11000 → 409).
    username: {
      type: String,
      required: true,
      unique: true,
      trim: true,
      minlength: 1,
      maxlength: USERNAME_MAX_LENGTH,
    },
    // `lowercase` makes Ann@x.io and ann@x.io the same account.
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    // Only the argon2 hash is stored, never the password. `select: false` leaves it out of every
    // query unless one asks for it by name (`.select('+passwordHash')`, in login only).
    passwordHash: { type: String, required: true, select: false },
    // The contract's `bio` and `image` are null until the user sets them.
    bio: { type: String, default: null, maxlength: BIO_MAX_LENGTH },
    image: { type: String, default: null, maxlength: IMAGE_URL_MAX_LENGTH },
    role: { type: String, enum: ROLES, required: true, default: 'user' },
    // exercise:start poor-schema-design
    // exercise:else
    // // TODO(mistake:poor-schema-design): Exercise: POST /api/users/login pushes a date onto
    // // this array (auth.routes.ts), so the user document grows with every login and never
    // // shrinks. Every article, comment and profile that shows its author loads the user, so
    // // all of them get slower as the author logs in, and at 16 MB MongoDB refuses the write.
    // // Conduit's contract never asks for a login history: delete the array and its $push, or
    // // give the history a collection of its own, as follows and favorites have. `npm run
    // // exercises` checks it (exercises/user-document.test.ts: logging in leaves the user's
    // // document as it was).
    // logins: [Date],
    // exercise:end
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;

export const UserModel = model('User', userSchema);

/** The contract's `user`: the logged-in user, with their token. No hash, no internal fields. */
export function toUserJson(user: UserDocument, token: string) {
  return {
    email: user.email,
    token,
    username: user.username,
    bio: user.bio ?? null,
    image: user.image ?? null,
  };
}
