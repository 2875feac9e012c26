// Everything the process must connect to before it accepts requests, in one replaceable place:
// server.ts awaits `openConnections()` before `listen`, and calls the function it returns when
// shutting down. Here that is only MongoDB; a later stage that adds a service (Redis, say)
// replaces this small file and nothing else changes.
import { connectDatabase } from './db.js';

export type CloseConnections = () => Promise<void>;

export async function openConnections(): Promise<CloseConnections> {
  return connectDatabase();
}
