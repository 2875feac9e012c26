// What the room routes accept. Names are lowercase slugs ("general", "team-42"): easy to type
// in a terminal client, safe in a URL, and unique in the database.
import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { ROOM_NAME_PATTERN } from './room.model.js';

const roomName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(ROOM_NAME_PATTERN, 'is 1-40 lowercase letters, digits and dashes, starting with one');

export const createRoomSchema = z.strictObject({
  name: roomName,
  topic: z.string().trim().max(200).optional(),
});

export const listRoomsQuery = listQuery({
  sortable: ['name', 'createdAt'],
  defaultSort: 'name',
  filters: { name: roomName.optional() },
});
