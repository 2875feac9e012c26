// Who is online in a room: the users with at least one socket that joined it. chat-socket.ts
// records joins and leaves here and asks for the list; how it is kept is this module's business.
// This one keeps it in the process's memory, which is right for one server process. With
// several processes each would only see its own clients: the advanced stage keeps it in Redis.
import type { ChatUser } from './socket-auth.js';

export interface Presence {
  join(room: string, user: ChatUser, socketId: string): Promise<void>;
  leave(room: string, socketId: string): Promise<void>;
  /** Each user once, however many tabs they have open, in name order. */
  online(room: string): Promise<ChatUser[]>;
  close(): Promise<void>;
}

/** Each user once, in name order. */
export function uniqueUsers(users: Iterable<ChatUser>): ChatUser[] {
  const byId = new Map<string, ChatUser>();
  for (const user of users) byId.set(user.id, user);
  return [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

export function localPresence(): Presence {
  // room → socket id → user
  const rooms = new Map<string, Map<string, ChatUser>>();
  return {
    join(room, user, socketId) {
      const sockets = rooms.get(room) ?? new Map<string, ChatUser>();
      rooms.set(room, sockets.set(socketId, user));
      return Promise.resolve();
    },
    leave(room, socketId) {
      const sockets = rooms.get(room);
      sockets?.delete(socketId);
      if (sockets?.size === 0) rooms.delete(room);
      return Promise.resolve();
    },
    online(room) {
      return Promise.resolve(uniqueUsers(rooms.get(room)?.values() ?? []));
    },
    close() {
      rooms.clear();
      return Promise.resolve();
    },
  };
}
