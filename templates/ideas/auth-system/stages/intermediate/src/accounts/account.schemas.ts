// What the token, recovery and admin routes accept. Strict like register and login
// (src/auth/auth.schemas.ts, whose email and password rules these reuse): an unknown field is a
// 422, never quietly stored.
import { z } from 'zod';
import { registerSchema } from '../auth/auth.schemas.js';
import { ROLES } from '../auth/roles.js';
import { listQuery } from '../http/pagination.js';

// Opaque tokens are 43 characters (src/auth/secret-token.ts); a bound keeps junk short.
const opaqueToken = z.string().min(1).max(100);

export const refreshSchema = z.strictObject({ refreshToken: opaqueToken });

export const emailTokenSchema = z.strictObject({ token: opaqueToken });

export const forgotPasswordSchema = z.strictObject({ email: registerSchema.shape.email });

export const resetPasswordSchema = z.strictObject({
  token: opaqueToken,
  password: registerSchema.shape.password,
});

// TODO(mistake:weak-validation): the tempting version is `user.set(req.body)` here, or a
// `role: z.string()`. An admin tool then writes whatever arrives (`{ "role": "owner",
// "emailVerifiedAt": null, "passwordHash": "…" }`), and a typo creates a role no check knows.
// Accept exactly one field, from the list of roles, and nothing else. `npm test -- users`
// fails when an unknown field or role gets through; `npm test -- auth` that `role` is refused
// at registration.
export const changeRoleSchema = z.strictObject({ role: z.enum(ROLES) });

export const listUsersQuery = listQuery({
  sortable: ['createdAt', 'email'],
  defaultSort: '-createdAt',
  filters: { role: z.enum(ROLES).optional() },
});
