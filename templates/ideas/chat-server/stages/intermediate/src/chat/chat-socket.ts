// The chat's socket events for one connected (and already authenticated) client. Each event is
// handled the same way: validate the payload, check the user may do it, do it, and answer the
// client's acknowledgement callback with `{ ok: true, … }` or `{ ok: false, error }`. A refused
// event also sends a `chat-error` event, for clients that do not pass a callback. The socket
// stays connected either way: one bad event is not a reason to drop a user.
//
//   client → server             ack on success                server → others in the room
//   join    { room }            { ok, room, online }          presence { room, online }
//   leave   { room }            { ok }                        presence { room, online }
//   online  { room }            { ok, online }
//   message { room, text }      { ok, message }               message  { id, room, author, text, createdAt }
import type { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { toDetails } from '../http/validate.js';
import { logger } from '../logger.js';
import { notifyMentions } from './mentions.js';
import { MessageModel, toMessageJson } from './message.model.js';
import { chatMessageSchema, roomEventSchema } from './message.schemas.js';
import type { Presence } from './presence.js';
import { roomForMember } from './room-access.js';
import { toRoomJson } from './room.model.js';
import type { ChatServer, ChatSocket, ChatUser } from './socket-auth.js';

export interface ChatOptions {
  presence: Presence;
  /**
   * Asked before each message is stored: false refuses it (`rate_limited`). The advanced stage
   * passes a per-user limit kept in Redis; without one every message is allowed.
   */
  allowMessage?: (user: ChatUser) => Promise<boolean>;
}

export interface ChatError {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

type Reply = { ok: true } & Record<string, unknown>;
type Ack = (answer: Reply | { ok: false; error: ChatError }) => void;

/** An event the client may not send right now; `code` says why. */
function refused(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

function toChatError(error: unknown): ChatError {
  if (error instanceof HttpError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details && { details: error.details }),
    };
  }
  logger.error({ err: error }, 'A chat event failed');
  return { code: 'internal_error', message: 'Something went wrong: the event was not handled.' };
}

export function handleChatConnection(io: ChatServer, socket: ChatSocket, options: ChatOptions) {
  const { user } = socket.data;
  const { presence } = options;

  /** Tells everyone in `room` (on every server process) who is there now. */
  async function announcePresence(room: string): Promise<ChatUser[]> {
    const online = await presence.online(room);
    io.to(room).emit('presence', { room, online });
    return online;
  }

  function on<S extends z.ZodType>(
    event: string,
    schema: S,
    run: (input: z.output<S>) => Promise<Record<string, unknown>>,
  ): void {
    socket.on(event, (payload: unknown, ack: unknown) => {
      const answer: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
      const fail = (error: unknown) => {
        const chatError = toChatError(error);
        socket.emit('chat-error', { event, ...chatError });
        answer({ ok: false, error: chatError });
      };
      const input = schema.safeParse(payload);
      if (!input.success) {
        fail(
          new HttpError(
            422,
            'validation_failed',
            `Invalid ${event} event.`,
            toDetails(input.error),
          ),
        );
        return;
      }
      run(input.data).then((result) => answer({ ok: true, ...result }), fail);
    });
  }

  on('join', roomEventSchema, async ({ room }) => {
    // Membership is decided over HTTP (PUT /rooms/:id/members/me); the socket only listens in.
    const joined = await roomForMember(room, user.id);
    await socket.join(room);
    await presence.join(room, user, socket.id);
    return { room: toRoomJson(joined), online: await announcePresence(room) };
  });

  on('leave', roomEventSchema, async ({ room }) => {
    await socket.leave(room);
    await presence.leave(room, socket.id);
    await announcePresence(room);
    return {};
  });

  on('online', roomEventSchema, async ({ room }) => {
    if (!socket.rooms.has(room)) throw refused('not_joined', 'Join this room first.');
    return { online: await presence.online(room) };
  });

  on('message', chatMessageSchema, async ({ room, text }) => {
    if (!socket.rooms.has(room)) throw refused('not_joined', 'Join this room first.');
    if (options.allowMessage && !(await options.allowMessage(user))) {
      throw new HttpError(429, 'rate_limited', 'Too many messages: wait a moment and retry.');
    }
    // Checked again for every message: the user may have left the room over HTTP since.
    const joined = await roomForMember(room, user.id);
    const stored = await MessageModel.create({
      room,
      author: user.id,
      authorName: user.name,
      text,
    });
    const message = toMessageJson(stored);
    // `socket.to(room)`: everyone in the room but the sender, whose ack carries the message.
    socket.to(room).emit('message', message);
    // Notifications must not hold up the chat, and a failing webhook must not fail the message.
    notifyMentions(message, joined.name).catch((error: unknown) => {
      logger.warn({ err: error }, 'Could not notify the mentioned users');
    });
    return { message };
  });

  // `disconnecting`, not `disconnect`: the socket still knows its rooms.
  socket.on('disconnecting', () => {
    const rooms = [...socket.rooms].filter((room) => room !== socket.id);
    Promise.all(
      rooms.map(async (room) => {
        await socket.leave(room);
        await presence.leave(room, socket.id);
        await announcePresence(room);
      }),
    ).catch((error: unknown) => {
      logger.warn({ err: error }, 'Could not update presence after a disconnect');
    });
  });

  socket.emit('welcome', { user });
  logger.info({ user: user.id }, 'Chat client connected');
}
