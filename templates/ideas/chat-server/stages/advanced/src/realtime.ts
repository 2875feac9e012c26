// The chat's real-time side, ready for several instances (replaces the intermediate version):
// rooms are shared through Redis (chat/redis-adapter.ts), presence lives in Redis with a
// heartbeat (chat/redis-presence.ts), and each user's message rate is limited in Redis
// (chat/message-rate-limit.ts). The events themselves are the same, in chat/chat-socket.ts.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { handleChatConnection } from './chat/chat-socket.js';
import { messageRateLimit } from './chat/message-rate-limit.js';
import { shareRoomsThroughRedis } from './chat/redis-adapter.js';
import { redisPresence } from './chat/redis-presence.js';
import { requireSocketAuth, type ChatServer } from './chat/socket-auth.js';
import { config } from './config.js';

export type CloseRealtime = () => Promise<void>;

export function attachRealtime(server: HttpServer): CloseRealtime {
  // The same CORS rule as the HTTP API: which other web pages may connect.
  const io: ChatServer = new Server(server, { cors: { origin: config.corsOrigin } });
  const stopSharing = shareRoomsThroughRedis(io);
  const presence = redisPresence({ ttlSeconds: config.presenceTtlSeconds });
  const allowMessage = messageRateLimit();
  io.use(requireSocketAuth);
  io.on('connection', (socket) => {
    handleChatConnection(io, socket, { presence, allowMessage });
  });

  return async () => {
    // `io.local`: this instance's clients only. Through the adapter, `io.disconnectSockets()`
    // would disconnect the clients of every instance.
    io.local.disconnectSockets(true);
    io.engine.close();
    await presence.close();
    await stopSharing();
  };
}
