// Room authorization, in one place for HTTP and the socket alike: a room that does not exist is
// a 404, a room you are not a member of a 403. Every route and every socket event that names a
// room goes through `roomForMember` before it reads or writes anything in it.
import { forbidden } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { MembershipModel } from './membership.model.js';
import { RoomModel, type RoomDocument } from './room.model.js';

/** The room, when it exists; throws 404 otherwise. */
export async function findRoom(roomId: string): Promise<RoomDocument> {
  const room = await RoomModel.findById(roomId);
  if (!room) throw notFound('No room with this id');
  return room;
}

export async function isMember(roomId: string, userId: string): Promise<boolean> {
  return (await MembershipModel.exists({ room: roomId, user: userId })) !== null;
}

/** The room, when it exists and `userId` is a member: 404 or 403 otherwise. */
export async function roomForMember(roomId: string, userId: string): Promise<RoomDocument> {
  const room = await findRoom(roomId);
  if (!(await isMember(roomId, userId))) {
    throw forbidden('Join this room first (PUT /rooms/:id/members/me)');
  }
  return room;
}
