// Proving an email address, and getting back into an account whose password is lost. Both work
// with a one-time token sent by email (src/accounts/email-token.service.ts).
//
//   POST /auth/verify-email         204 the address is confirmed             400 invalid token
//   POST /auth/verify-email/resend  202 a new email is on its way            401, 409 verified
//   POST /auth/forgot-password      202 always, whether the email exists or not
//   POST /auth/reset-password       204 new password set, every session ended  400 invalid token
//
// Unverified accounts can log in and use the API, except uploading an avatar (403
// email_not_verified) and being promoted by ADMIN_EMAIL.
import { Router } from 'express';
import { config } from '../config.js';
import { hashPassword } from '../auth/passwords.js';
import { currentUser, requireAuth, unauthorized } from '../auth/require-auth.js';
import { UserModel } from '../auth/user.model.js';
import { HttpError } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { logger } from '../logger.js';
import { endAllSessions } from '../sessions/session.service.js';
import { sendPasswordResetMail, sendVerificationMail } from './account.mails.js';
import { emailTokenSchema, forgotPasswordSchema, resetPasswordSchema } from './account.schemas.js';
import { issueEmailToken, useEmailToken } from './email-token.service.js';

export const recoveryRouter = Router();

const verify = validate({ body: emailTokenSchema });
const forgot = validate({ body: forgotPasswordSchema });
const reset = validate({ body: resetPasswordSchema });

recoveryRouter.post('/verify-email', verify, async (req, res) => {
  const userId = await useEmailToken(verify.input(req).body.token, 'verify-email');
  const user = await UserModel.findById(userId);
  if (user && user.emailVerifiedAt === null) {
    user.emailVerifiedAt = new Date();
    // The first admin: the account whose *proven* address is ADMIN_EMAIL. Proven, because
    // anyone can register with any address.
    if (config.adminEmail !== undefined && user.email === config.adminEmail) user.role = 'admin';
    await user.save();
  }
  res.status(204).end();
});

recoveryRouter.post('/verify-email/resend', requireAuth, async (req, res) => {
  const user = await UserModel.findById(currentUser(req).id);
  if (!user) throw unauthorized();
  if (user.emailVerifiedAt !== null) {
    throw new HttpError(409, 'already_verified', 'This email address is already verified.');
  }
  const token = await issueEmailToken(user._id, 'verify-email', config.verifyTokenTtlHours * 60);
  await sendVerificationMail(user, token);
  res.status(202).end();
});

recoveryRouter.post('/forgot-password', forgot, async (req, res) => {
  const user = await UserModel.findOne({ email: forgot.input(req).body.email });
  if (user) {
    const token = await issueEmailToken(user._id, 'reset-password', config.resetTokenTtlMinutes);
    // Not awaited into the answer: whether mail could be sent must not show in the response
    // either (or in its timing, as far as we can help it).
    await sendPasswordResetMail(user, token).catch((error: unknown) => {
      logger.error({ err: error, userId: user.id }, 'Could not send the password reset email');
    });
  }
  // The same 202 for every address: a different answer for unknown emails would let anyone
  // check who has an account here.
  res.status(202).end();
});

recoveryRouter.post('/reset-password', reset, async (req, res) => {
  const { token, password } = reset.input(req).body;
  const userId = await useEmailToken(token, 'reset-password');
  const user = await UserModel.findById(userId);
  if (!user) throw new HttpError(400, 'invalid_token', 'This account no longer exists.');
  user.passwordHash = await hashPassword(password);
  // Reading the reset email proves the address too.
  user.emailVerifiedAt ??= new Date();
  await user.save();
  // Whoever knew the old password (maybe the reason for this reset) is logged out everywhere.
  await endAllSessions(user._id);
  res.status(204).end();
});

describeRoutes(recoveryRouter, {
  '/verify-email': {
    post: {
      summary: 'Confirm the email address with the token from the verification email',
      body: emailTokenSchema,
      responses: { 204: 'Verified', 400: 'Invalid, used or expired token' },
    },
  },
  '/verify-email/resend': {
    post: {
      summary: 'Send a new verification email',
      auth: true,
      responses: { 202: 'Sent', 401: 'No valid token', 409: 'Already verified' },
    },
  },
  '/forgot-password': {
    post: {
      summary: 'Email a password reset link, if the address has an account',
      body: forgotPasswordSchema,
      responses: { 202: 'Accepted (the same answer for every address)' },
    },
  },
  '/reset-password': {
    post: {
      summary: 'Set a new password with the token from the reset email',
      body: resetPasswordSchema,
      responses: { 204: 'Password changed; every session ended', 400: 'Invalid token' },
    },
  },
});
