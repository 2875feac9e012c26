// Who belongs to which room: one small document per (room, user) pair. Joining is an insert,
// leaving a delete, and both lists ("the members of a room", "the rooms of a user") are index
// reads, however many members or rooms there are.
import { model, Schema, type InferSchemaType } from 'mongoose';

const membershipSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'Room', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
);

// One membership per pair (joining twice changes nothing), and the lookup every socket event
// and history read makes: "is this user in this room?".
membershipSchema.index({ room: 1, user: 1 }, { unique: true });
// "Which rooms am I in?", for the user's side.
membershipSchema.index({ user: 1, createdAt: -1 });

export type Membership = InferSchemaType<typeof membershipSchema>;

export const MembershipModel = model('Membership', membershipSchema);
