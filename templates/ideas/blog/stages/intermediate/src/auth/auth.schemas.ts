// What the user routes accept, in the contract's envelopes (`{ "user": { … } }`). Strict: a body
// with `role: "admin"` is refused (422), not quietly stored. The password length has a maximum
// too: hashing a 10 MB "password" is a cheap way to keep a server busy.
import { z } from 'zod';
import { BIO_MAX_LENGTH, IMAGE_URL_MAX_LENGTH, USERNAME_MAX_LENGTH } from './user.model.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('is invalid'));

// Usernames end up in URLs (`/api/profiles/ann-lee`): letters, digits, `_` and `-` only.
export const username = z
  .string()
  .trim()
  .min(1, "can't be blank")
  .max(USERNAME_MAX_LENGTH)
  .regex(/^[\w-]+$/, 'may contain only letters, digits, _ and -');

const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

// An image is shown by every frontend in an <img src>: http(s) URLs only, never `javascript:`.
// An empty string (a cleared form field) means "no image".
const image = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(IMAGE_URL_MAX_LENGTH)])
  .nullable();

// exercise:start weak-validation
export const registerSchema = z.strictObject({
  user: z.strictObject({ username, email, password }),
});
// exercise:else
// // TODO(mistake:weak-validation): Exercise: the envelope is strict but the user inside it is
// // `z.looseObject`: the three named fields are checked and any other one passes, and the
// // register route stores what it got. `{ "user": { …, "role": "admin" } }` signs up an admin
// // (mass assignment, OWASP API3). Make the inner object strict (an unknown field is a 422 with
// // `{ errors: { role: [...] } }`), and create the user from username, email and password only.
// // `npm run exercises` checks it (exercises/auth.test.ts: unknown fields are refused).
// export const registerSchema = z.strictObject({
//   user: z.looseObject({ username, email, password }),
// });
// exercise:end

export const loginSchema = z.strictObject({
  user: z.strictObject({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }),
});

export const updateUserSchema = z.strictObject({
  user: z
    .strictObject({
      email,
      username,
      // Settings forms send an empty password when it is not being changed.
      password: z.union([z.literal(''), password]),
      bio: z.string().max(BIO_MAX_LENGTH).nullable(),
      image,
    })
    .partial()
    .refine((fields) => Object.keys(fields).length > 0, 'at least one field is required'),
});
