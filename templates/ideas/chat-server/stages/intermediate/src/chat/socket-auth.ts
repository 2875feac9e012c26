// Who is on the other end of a socket, decided once, in the handshake: the client connects with
// `io(url, { auth: { token } })`, the same token as `Authorization: Bearer` over HTTP. No valid
// token, no connection: the client gets a `connect_error` whose message says why. Every event
// handler then reads the user from `socket.data.user`, never from what the client sends.
import jwt from 'jsonwebtoken';
import type { DefaultEventsMap, ExtendedError, Server, Socket } from 'socket.io';
import { verifyToken } from '../auth/tokens.js';
import { UserModel } from '../auth/user.model.js';
import { logger } from '../logger.js';

export interface ChatUser {
  id: string;
  name: string;
}

/** What the server keeps on each socket (typed `socket.data`). */
export interface SocketData {
  user: ChatUser;
}

export type ChatServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type ChatSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** A refusal the client may read: its message becomes the `connect_error` message. */
export class HandshakeError extends Error {}

function tokenOf(auth: unknown): string | undefined {
  if (typeof auth !== 'object' || auth === null || !('token' in auth)) return undefined;
  return typeof auth.token === 'string' && auth.token !== '' ? auth.token : undefined;
}

// TODO(mistake:insecure-secrets): the tempting version is `io(url, { auth: { userId } })` and
// `socket.data.user = { id: socket.handshake.auth.userId }`, or decoding the token with
// `jwt.decode` (no signature check) to read its `sub`. Anyone can then type another user's id
// and speak as them in every room. The user comes only from a token verified with JWT_SECRET
// (tokens.ts: explicit algorithm, expiry), and from the database, never from the client's word.
// `npm test -- chat` connects without a token, with a tampered one, an expired one and one
// signed with another secret, and checks that a message's author is the token's user whatever
// the payload claims; `npm test -- secrets` guards the secret itself.
export async function userFromHandshake(auth: unknown): Promise<ChatUser> {
  const token = tokenOf(auth);
  if (!token) throw new HandshakeError('Authentication required: connect with auth: { token }');
  let userId: string;
  try {
    userId = verifyToken(token).sub;
  } catch (error) {
    throw new HandshakeError(
      error instanceof jwt.TokenExpiredError ? 'Token expired: log in again' : 'Invalid token',
    );
  }
  const user = await UserModel.findById(userId);
  if (!user) throw new HandshakeError('Unknown user: this account no longer exists');
  return { id: user.id, name: user.name };
}

/** socket.io middleware (`io.use`): runs once per connection, before `connection`. */
export function requireSocketAuth(socket: ChatSocket, next: (error?: ExtendedError) => void) {
  userFromHandshake(socket.handshake.auth).then(
    (user) => {
      socket.data.user = user;
      next();
    },
    (error: unknown) => {
      if (error instanceof HandshakeError) {
        next(error);
        return;
      }
      // A database outage is ours, not the client's fault: log it, say little.
      logger.error({ err: error }, 'Socket handshake failed');
      next(new Error('The server could not check your token: try again'));
    },
  );
}
