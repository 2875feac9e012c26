// A chat room: a name people can find it by and the user who opened it. Who is in a room is not
// stored here but in memberships (membership.model.ts), and what was said in messages
// (message.model.ts): both grow without bound, a room document must not.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const ROOM_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

const roomSchema = new Schema(
  {
    // `unique`: two rooms called "general" would split one conversation in two. The database
    // enforces it (E11000, answered as 409), so two clients creating it at once cannot both win.
    name: { type: String, required: true, unique: true, match: ROOM_NAME_PATTERN },
    topic: { type: String, trim: true, maxlength: 200, default: '' },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
  },
  { timestamps: true },
);

export type Room = InferSchemaType<typeof roomSchema>;
export type RoomDocument = HydratedDocument<Room>;

export const RoomModel = model('Room', roomSchema);

/** What clients see of a room. */
export function toRoomJson(room: Room & { _id: { toString(): string } }) {
  return {
    id: room._id.toString(),
    name: room.name,
    topic: room.topic,
    owner: room.owner.toString(),
    createdAt: room.createdAt.toISOString(),
  };
}
