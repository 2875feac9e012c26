// Everything the process connects to before it accepts requests (replaces the base version,
// which connects MongoDB only): MongoDB, the source of truth, then Redis, the cache and the
// rate-limit store. Closed in the opposite order when the server shuts down.
import { connectDatabase } from './db.js';
import { connectRedis } from './redis.js';

export type CloseConnections = () => Promise<void>;

export async function openConnections(): Promise<CloseConnections> {
  const closeDatabase = await connectDatabase();
  const closeRedis = await connectRedis().catch(async (error: unknown) => {
    await closeDatabase();
    throw error;
  });
  return async () => {
    await closeRedis();
    await closeDatabase();
  };
}
