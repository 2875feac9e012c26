// The Broadcast Server: a socket.io server on the same HTTP server (and port) as the Express
// app. A client connects with a name, every message it sends goes to every OTHER connected
// client, and everyone hears who joined and left. server.ts calls `attachRealtime` once and the
// function it returns while shutting down.
//
// Events, client → server:  message { text }
// Events, server → client:  message { name, text, createdAt }   someone else said something
//                           joined / left { name, online }       someone connected / went away
//                           chat-error { code, message }         your last event was refused
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { MessageModel } from './chat/message.model.js';
import { chatMessageSchema, chatNameSchema } from './chat/message.schemas.js';
import { config } from './config.js';
import { logger } from './logger.js';

export type CloseRealtime = () => Promise<void>;

export function attachRealtime(server: HttpServer): CloseRealtime {
  // The same CORS rule as the HTTP API: which other web pages may connect.
  const io = new Server(server, { cors: { origin: config.corsOrigin } });

  // Connected chat clients. (Not `io.engine.clientsCount`: while a `disconnect` handler runs,
  // the engine still counts the client that is leaving.)
  const online = () => io.of('/').sockets.size;

  io.on('connection', (socket) => {
    const parsedName = chatNameSchema.safeParse((socket.handshake.auth as { name?: unknown }).name);
    const name = parsedName.success ? parsedName.data : `guest-${socket.id.slice(0, 4)}`;
    // `socket.broadcast` is everyone except this socket: the sender already knows.
    socket.broadcast.emit('joined', { name, online: online() });
    socket.emit('welcome', { name, online: online() });
    logger.info({ name, online: online() }, 'Chat client connected');

    socket.on('message', (payload: unknown) => {
      const input = chatMessageSchema.safeParse(payload);
      if (!input.success) {
        socket.emit('chat-error', {
          code: 'invalid_message',
          message: 'A message is { text } with 1 to 500 characters.',
        });
        return;
      }
      // Store, then broadcast what was stored (with its time). A failed save is reported to
      // the sender instead of becoming an unhandled rejection.
      MessageModel.create({ name, text: input.data.text }).then(
        (message) => {
          socket.broadcast.emit('message', {
            name: message.name,
            text: message.text,
            createdAt: message.createdAt,
          });
        },
        (error: unknown) => {
          logger.error({ err: error }, 'Could not store a chat message');
          socket.emit('chat-error', { code: 'internal', message: 'The message was not sent.' });
        },
      );
    });

    socket.on('disconnect', () => {
      io.emit('left', { name, online: online() });
      logger.info({ name, online: online() }, 'Chat client disconnected');
    });
  });

  return () => {
    // Disconnect every client (each one's `disconnect` handler runs) and close the engine's
    // open transports. Not `io.close()`: that also closes the HTTP server, which server.ts
    // closes itself once the requests in flight are done.
    io.disconnectSockets(true);
    io.engine.close();
    return Promise.resolve();
  };
}
