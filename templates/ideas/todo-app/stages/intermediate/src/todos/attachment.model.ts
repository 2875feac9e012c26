// A file attached to a todo. Its own collection, pointing at its todo: a todo may have many
// attachments, and reading a list of todos should not drag megabytes of files along.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

// TODO(mistake:poor-schema-design): the tempting version is `attachments: [{ name, data }]`
// inside the todo schema. Every `GET /todos` would then load every file of every todo on the
// page, each new file rewrites the whole todo, and the 16 MB document limit caps a todo's files.
// Reference the parent instead (`todo` below, indexed, because every lookup goes through it).
// `npm test -- indexes` checks the index exists.
const attachmentSchema = new Schema(
  {
    todo: { type: Schema.Types.ObjectId, ref: 'Todo', required: true, index: true },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    // The bytes (at most 1 MB, see the route). Left out of queries unless asked for.
    data: { type: Buffer, required: true, select: false },
  },
  { timestamps: true },
);

export type Attachment = InferSchemaType<typeof attachmentSchema>;
export type AttachmentDocument = HydratedDocument<Attachment>;

export const AttachmentModel = model('Attachment', attachmentSchema);
