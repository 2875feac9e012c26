// What clients may send to create an account or log in, checked before anything touches the
// database. A failed check throws a ZodError, answered with 422 and one detail per field by
// src/http/errors.ts. Fields that are not listed (`id`, `passwordHash`…) are dropped.
import { z } from 'zod';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';

export const PASSWORD_MIN_LENGTH = 8;
// A maximum too: hashing a 10 MB "password" is a cheap way to keep a server busy.
export const PASSWORD_MAX_LENGTH = 128;

const email = z
  .string('email is required')
  .trim()
  .toLowerCase()
  .max(254, 'email is too long')
  .pipe(z.email('email is not a valid email address'));

export const createUserSchema = z.object(
  {
    name: z
      .string('name is required')
      .trim()
      .min(1, 'name must not be empty')
      .max(100, 'name is too long'),
    email,
    password: z
      .string('password is required')
      .min(PASSWORD_MIN_LENGTH, `password must have at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `password must have at most ${PASSWORD_MAX_LENGTH} characters`),
  },
  NOT_AN_OBJECT,
);

export const loginSchema = z.object(
  {
    email,
    password: z
      .string('password is required')
      .min(1, 'password must not be empty')
      .max(PASSWORD_MAX_LENGTH, `password must have at most ${PASSWORD_MAX_LENGTH} characters`),
  },
  NOT_AN_OBJECT,
);
