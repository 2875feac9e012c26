// The notes API: a collection at the router's root, one URL per note. Each handler reads the
// request, does one thing with the database and answers with the status code that says what
// happened. Errors are thrown, never answered here: Express 5 sends whatever a handler throws
// (or rejects with) to the error handler in src/http/errors.ts.
//
//   GET    /notes?tag=&q=  200  list, pinned first, then most recently changed
//   POST   /notes          201  create; Location: the new note's URL
//   GET    /notes/:id      200  one note, or 404
//   PATCH  /notes/:id      200  change title, content, tags or pinned, or 404
//   DELETE /notes/:id      204  delete one, or 404
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { NoteModel, type NoteDocument } from './note.model.js';
import { createNoteSchema, parseListQuery, updateNoteSchema } from './note.schemas.js';
import { noteFilter } from './note.search.js';

export const noteRouter = Router();

/** What clients see of a note: its fields and its own absolute URL. */
function toJson(req: Request, note: NoteDocument) {
  return {
    id: note.id,
    title: note.title,
    content: note.content,
    tags: note.tags,
    pinned: note.pinned,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    url: resourceUrl(req, note.id),
  };
}

/**
 * The id in the URL is client input like any other. One that cannot be an ObjectId names no
 * note, so it is a 404, exactly like a well-formed id that does not exist; never a 500.
 */
async function findNote(id: string): Promise<NoteDocument> {
  const note = isObjectId(id) ? await NoteModel.findById(id) : null;
  if (!note) throw notFound(`No note with id ${id}`);
  return note;
}

noteRouter.get('/', async (req, res) => {
  const query = parseListQuery(req.query);
  const notes = await NoteModel.find(noteFilter(query)).sort({
    pinned: -1,
    updatedAt: -1,
    _id: -1,
  });
  res.status(200).json(notes.map((note) => toJson(req, note)));
});

noteRouter.post('/', async (req, res) => {
  const input = createNoteSchema.parse(req.body);
  const note = await NoteModel.create(input);
  const body = toJson(req, note);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(note)` here and in
  // every handler: 200 for everything, a missing note as `{ message: 'not found' }` with 200
  // too. A client saving a note then cannot tell "saved" from "refused" without parsing each
  // body, and a retry after a timeout cannot know whether the first POST created the note.
  // Say what happened with the status: 201 + Location (the new note's URL) for a creation, 204
  // (no body) for a deletion, 404 / 400 / 422 for the client's mistakes (thrown, see
  // src/http/errors.ts). `npm test -- notes` asserts every status and header exactly; try them
  // by hand in requests.http.
  res.status(201).location(body.url).json(body);
});

noteRouter.get('/:id', async (req, res) => {
  const note = await findNote(req.params.id);
  res.status(200).json(toJson(req, note));
});

noteRouter.patch('/:id', async (req, res) => {
  const note = await findNote(req.params.id);
  const changes = updateNoteSchema.parse(req.body);
  note.set(changes);
  await note.save();
  res.status(200).json(toJson(req, note));
});

noteRouter.delete('/:id', async (req, res) => {
  const note = await findNote(req.params.id);
  await note.deleteOne();
  res.status(204).end();
});
