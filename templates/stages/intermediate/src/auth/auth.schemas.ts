// What register and login accept. Strict: a body with `role: "admin"` is refused (422), not
// quietly stored. The password length has a maximum too: hashing a 10 MB "password" is a cheap
// way to keep a server busy.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('is not a valid email'));

// exercise:start weak-validation
export const registerSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});
// exercise:else
// // TODO(mistake:weak-validation): Exercise: `z.looseObject` checks the fields it names and lets
// // every other one through, and the register route stores the whole body. A client that sends
// // `"role": "admin"` gets an admin account (mass assignment, OWASP API3). Make the schema strict
// // (`z.strictObject`: an unknown field is a 422 naming it) and create the user from the named
// // fields only. `npm run exercises` checks it (exercises/auth.test.ts: no role: admin by the
// // back door).
// export const registerSchema = z.looseObject({
//   name: z.string().trim().min(1).max(100),
//   email,
//   password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
// });
// exercise:end

export const loginSchema = z.strictObject({
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
