// What register and login accept. Strict: a body with `role: "admin"` is refused (422), not
// quietly stored. The password length has a maximum too: hashing a 10 MB "password" is a cheap
// way to keep a server busy.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('is not a valid email'));

export const registerSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

export const loginSchema = z.strictObject({
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
