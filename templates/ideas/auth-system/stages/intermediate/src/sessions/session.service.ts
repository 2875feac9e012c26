// Sessions and the tokens they hand out. Logging in opens a session and answers with two tokens:
// a short-lived JWT access token for every request (checked without the database, see
// src/auth/tokens.ts) and a long-lived opaque refresh token that only POST /auth/refresh
// accepts. Logging out ends the session: its refresh token stops working at once, and the
// access tokens it issued run out within JWT_TTL_SECONDS.
import { expired, notExpired } from '../auth/expiry.js';
import type { Types } from 'mongoose';
import { config } from '../config.js';
import { hashToken, looksLikeToken, newSecretToken } from '../auth/secret-token.js';
import { unauthorized } from '../auth/require-auth.js';
import { signToken } from '../auth/tokens.js';
import { UserModel, type UserDocument } from '../auth/user.model.js';
import { SessionModel, type SessionDocument } from './session.model.js';

/** What login, registration and refresh answer. */
export interface TokenPair {
  token: string;
  refreshToken: string;
  /** Seconds until `token` expires. */
  expiresIn: number;
}

function sessionExpiry(now = Date.now()): Date {
  return new Date(now + config.sessionTtlHours * 3_600_000);
}

function tokensFor(user: UserDocument, refreshToken: string): TokenPair {
  return {
    token: signToken({ id: user.id, role: user.role }),
    refreshToken,
    expiresIn: config.jwtTtlSeconds,
  };
}

/** Opens a session for `user` on one device; the refresh token is returned once, never stored. */
export async function openSession(user: UserDocument, userAgent = ''): Promise<TokenPair> {
  const now = new Date();
  await SessionModel.deleteMany({ user: user._id, expiresAt: expired(now) });
  const { token, hash } = newSecretToken();
  await SessionModel.create({
    user: user._id,
    tokenHash: hash,
    expiresAt: sessionExpiry(now.getTime()),
    lastUsedAt: now,
    userAgent: userAgent.slice(0, 200),
  });
  return tokensFor(user, token);
}

/** The live session of a refresh token, or undefined. */
async function liveSession(refreshToken: string): Promise<SessionDocument | undefined> {
  if (!looksLikeToken(refreshToken)) return undefined;
  const session = await SessionModel.findOne({
    tokenHash: hashToken(refreshToken),
    expiresAt: notExpired(),
  });
  return session ?? undefined;
}

/**
 * A new access token for a refresh token. The refresh token stays the same until its session
 * ends; the advanced stage replaces it on every use (rotation) and detects a stolen one.
 */
export async function refreshSession(refreshToken: string): Promise<TokenPair> {
  const session = await liveSession(refreshToken);
  const user = session && (await UserModel.findById(session.user));
  if (!session || !user) throw unauthorized('The refresh token is invalid or has expired.');
  session.lastUsedAt = new Date();
  await session.save();
  // The role is read again from the database: an admin who was demoted gets a `user` token now.
  return tokensFor(user, refreshToken);
}

/** Ends the session of a refresh token. Unknown or expired tokens end nothing, quietly. */
export async function endSession(refreshToken: string): Promise<void> {
  if (!looksLikeToken(refreshToken)) return;
  await SessionModel.deleteOne({ tokenHash: hashToken(refreshToken) });
}

/** Ends one session by its id (DELETE /sessions/:id, after the ownership check). */
export async function endSessionById(sessionId: Types.ObjectId): Promise<void> {
  await SessionModel.deleteOne({ _id: sessionId });
}

/** Logs a user out everywhere: after a password reset, or on request. */
export async function endAllSessions(userId: Types.ObjectId | string): Promise<void> {
  await SessionModel.deleteMany({ user: userId });
}
