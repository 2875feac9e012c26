// The place where a real-time layer (WebSockets) joins the HTTP server that server.ts creates.
// Most projects answer plain HTTP requests only, so here it does nothing; a project that pushes
// messages to connected clients (the chat server) replaces this small file, and server.ts stays
// the same.
import type { Server } from 'node:http';

/** Stops whatever `attachRealtime` started; server.ts calls it while shutting down. */
export type CloseRealtime = () => Promise<void>;

export function attachRealtime(_server: Server): CloseRealtime {
  return () => Promise.resolve();
}
