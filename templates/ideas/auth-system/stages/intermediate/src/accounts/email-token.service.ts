// Issuing and using the one-time tokens of the verification and password-reset emails.
import { notExpired } from '../auth/expiry.js';
import type { Types } from 'mongoose';
import { hashToken, looksLikeToken, newSecretToken } from '../auth/secret-token.js';
import { HttpError } from '../http/errors.js';
import { EmailTokenModel, type EmailTokenPurpose } from './email-token.model.js';

/** 400: the link is wrong, used or too old. The client cannot fix the request, only get a new link. */
export function invalidToken(): HttpError {
  return new HttpError(
    400,
    'invalid_token',
    'This link is invalid, was already used or has expired. Ask for a new one.',
  );
}

/** A new token for `user`; older unused ones of the same purpose stop working. */
export async function issueEmailToken(
  user: Types.ObjectId,
  purpose: EmailTokenPurpose,
  ttlMinutes: number,
): Promise<string> {
  const { token, hash } = newSecretToken();
  // TODO(mistake:insecure-secrets): the tempting version stores `token` itself (or puts the
  // user's id and a timestamp in the link). Anyone who reads the database, a backup or a log
  // line with the link can then reset the password of every user with a pending email. Store
  // only the hash, make the token single-use and short-lived, and never log the link.
  // `npm test -- recovery` reads the database and the logs and finds no token in either.
  await EmailTokenModel.deleteMany({ user, purpose, usedAt: null });
  await EmailTokenModel.create({
    user,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + ttlMinutes * 60_000),
  });
  return token;
}

/**
 * Uses a token once and returns the user it was issued to, or throws 400. One conditional
 * update finds and marks it: two requests with the same link at the same moment cannot both
 * succeed (no transaction needed).
 */
export async function useEmailToken(
  token: string,
  purpose: EmailTokenPurpose,
): Promise<Types.ObjectId> {
  if (!looksLikeToken(token)) throw invalidToken();
  const used = await EmailTokenModel.findOneAndUpdate(
    { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: notExpired() },
    { $set: { usedAt: new Date() } },
  );
  if (!used) throw invalidToken();
  return used.user;
}
