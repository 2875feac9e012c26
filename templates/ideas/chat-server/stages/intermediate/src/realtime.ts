// The chat's real-time side: a socket.io server on the same HTTP server (and port) as the
// Express app. Connections are authenticated in the handshake (chat/socket-auth.ts), and each
// connected client's events are handled in chat/chat-socket.ts. server.ts calls
// `attachRealtime` once and the function it returns while shutting down.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { handleChatConnection } from './chat/chat-socket.js';
import { localPresence } from './chat/presence.js';
import { requireSocketAuth, type ChatServer } from './chat/socket-auth.js';
import { config } from './config.js';

export type CloseRealtime = () => Promise<void>;

export function attachRealtime(server: HttpServer): CloseRealtime {
  // The same CORS rule as the HTTP API: which other web pages may connect.
  const io: ChatServer = new Server(server, { cors: { origin: config.corsOrigin } });
  const presence = localPresence();
  io.use(requireSocketAuth);
  io.on('connection', (socket) => {
    handleChatConnection(io, socket, { presence });
  });

  return async () => {
    // Disconnect every client and close the engine's open transports. Not `io.close()`: that
    // also closes the HTTP server, which server.ts closes itself once requests are done.
    io.disconnectSockets(true);
    io.engine.close();
    await presence.close();
  };
}
