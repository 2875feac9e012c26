// Sessions and the tokens they hand out, with refresh-token ROTATION and REUSE DETECTION.
//
// Every POST /auth/refresh exchanges the refresh token for a new one; the old one is retired.
// A session is then a family of refresh tokens of which exactly one is live. If a retired token
// is ever presented again, two parties hold tokens of this family (the user and a thief who
// copied one, from a log, a backup, a compromised device), and the server cannot tell which is
// which: it ends the whole session and revokes its access tokens. The thief's next refresh
// fails, and so does the user's, who logs in again, which is the point.
//
// A client that retries a refresh after a network error, with the token it already spent, is
// treated as a thief too. Clients must store the new refresh token before using it.
import { expired, notExpired } from '../auth/expiry.js';
import type { Types } from 'mongoose';
import { config } from '../config.js';
import { isDuplicateKeyError } from '../http/errors.js';
import { logger } from '../logger.js';
import { revokeSession, revokeUserTokens } from '../auth/revocation.js';
import { unauthorized } from '../auth/require-auth.js';
import { hashToken, looksLikeToken, newSecretToken } from '../auth/secret-token.js';
import { signToken } from '../auth/tokens.js';
import { UserModel, type UserDocument } from '../auth/user.model.js';
import { RetiredTokenModel } from './retired-token.model.js';
import { SessionModel, type SessionDocument } from './session.model.js';

/** What login, registration and refresh answer. */
export interface TokenPair {
  token: string;
  refreshToken: string;
  /** Seconds until `token` expires. */
  expiresIn: number;
}

function tokensFor(user: UserDocument, session: SessionDocument, refreshToken: string): TokenPair {
  return {
    token: signToken({ id: user.id, role: user.role }, session.id),
    refreshToken,
    expiresIn: config.jwtTtlSeconds,
  };
}

/** Opens a session for `user` on one device; the refresh token is returned once, never stored. */
export async function openSession(user: UserDocument, userAgent = ''): Promise<TokenPair> {
  const now = new Date();
  // No TTL index: sweep what expired while we are here.
  await Promise.all([
    SessionModel.deleteMany({ user: user._id, expiresAt: expired(now) }),
    RetiredTokenModel.deleteMany({ user: user._id, expiresAt: expired(now) }),
  ]);
  const { token, hash } = newSecretToken();
  const session = await SessionModel.create({
    user: user._id,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
    lastUsedAt: now,
    userAgent: userAgent.slice(0, 200),
  });
  return tokensFor(user, session, token);
}

/** Ends a session: its refresh tokens are forgotten, its access tokens revoked. */
export async function endSessionById(sessionId: Types.ObjectId): Promise<void> {
  await Promise.all([
    SessionModel.deleteOne({ _id: sessionId }),
    RetiredTokenModel.deleteMany({ session: sessionId }),
  ]);
  await revokeSession(sessionId.toString());
}

const invalid = () => unauthorized('The refresh token is invalid or has expired.');

/** Exchanges a live refresh token for a new pair; a retired one ends its whole session. */
export async function refreshSession(refreshToken: string): Promise<TokenPair> {
  if (!looksLikeToken(refreshToken)) throw invalid();
  const oldHash = hashToken(refreshToken);
  const next = newSecretToken();
  // TODO(mistake:ignoring-security): the tempting version keeps the same refresh token for the
  // whole session (as the intermediate stage did), or rotates it with a find, then a save. A
  // refresh token copied once (a log line, a backup, a shared laptop) then works for weeks
  // and nobody notices; and with find-then-save two requests with the same token both succeed,
  // so a thief racing the user is never caught. Retire the old hash under a unique index, so
  // exactly one request wins, and end the session when a retired hash comes back.
  // `npm test -- rotation` replays a used token and expects the family to be revoked.
  const session = await SessionModel.findOne({ tokenHash: oldHash, expiresAt: notExpired() });
  if (!session) {
    const retired = await RetiredTokenModel.findOne({ tokenHash: oldHash });
    if (retired) {
      logger.warn(
        { userId: retired.user.toString(), sessionId: retired.session.toString() },
        'Refresh token reuse: ending the session (stolen token or a client retrying)',
      );
      await endSessionById(retired.session);
    }
    throw invalid();
  }
  // The unique index on tokenHash decides the race: one insert of the retired hash succeeds,
  // every other gets a duplicate-key error and a 401. A conditional findOneAndUpdate alone is
  // atomic on MongoDB, but not on every server that speaks its protocol (FerretDB 1.x reads,
  // then writes), and the index holds on all of them. The loser's token is retired from now on,
  // so sending it again counts as reuse.
  const won = await RetiredTokenModel.create({
    tokenHash: oldHash,
    session: session._id,
    user: session.user,
    expiresAt: session.expiresAt,
  }).then(
    () => true,
    (error: unknown) => {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    },
  );
  if (!won) throw invalid();
  await SessionModel.updateOne(
    { _id: session._id },
    { $set: { tokenHash: next.hash, lastUsedAt: new Date() } },
  );
  const user = await UserModel.findById(session.user);
  if (!user) throw invalid();
  // The role is read again from the database: an admin who was demoted gets a `user` token now.
  return tokensFor(user, session, next.token);
}

/** Ends the session of a refresh token. Unknown or expired tokens end nothing, quietly. */
export async function endSession(refreshToken: string): Promise<void> {
  if (!looksLikeToken(refreshToken)) return;
  const session = await SessionModel.findOne({ tokenHash: hashToken(refreshToken) });
  if (session) await endSessionById(session._id);
}

/** Logs a user out everywhere: after a password reset, or on request. */
export async function endAllSessions(userId: Types.ObjectId | string): Promise<void> {
  await Promise.all([
    SessionModel.deleteMany({ user: userId }),
    RetiredTokenModel.deleteMany({ user: userId }),
  ]);
  await revokeUserTokens(userId.toString());
}
