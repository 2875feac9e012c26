// The notes API of a Markdown note-taking app (roadmap.sh "Markdown Note-taking App"): every
// note belongs to a user, and only that user (or an admin) may see or change it. Each handler
// reads the already validated request, does one thing with the database and answers with the
// status code that says what happened. Errors are thrown, never answered here: Express 5 sends
// whatever a handler throws to the error handler in src/http/errors.ts.
//
//   GET    /notes               200  one page of your notes { data, page, limit, total }
//   POST   /notes               201  create; Location: the new note's URL
//   POST   /notes/upload        201  create from a .md file (multipart, field "file")
//   GET    /notes/:id           200  one note
//   GET    /notes/:id/html      200  the Markdown rendered to sanitized HTML
//   POST   /notes/:id/grammar   200  grammar issues found in the note's content
//   PATCH  /notes/:id           200  change title, content, tags or pinned
//   DELETE /notes/:id           204  delete
//
// Every route: 401 without a valid token; 404 for an id that is not yours, unknown, or not an id.
import { Router, type Request } from 'express';
import type { Types } from 'mongoose';
import { assertCanAccess } from '../auth/ownership.js';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { HttpError } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { idParams, validate } from '../http/validate.js';
import { grammarChecker } from '../services/grammar.js';
import { safeFileName, uploadOne } from '../uploads/upload.js';
import { importMarkdown, MARKDOWN_MAX_BYTES, MARKDOWN_TYPES } from './note.import.js';
import { renderMarkdown } from './note.markdown.js';
import { NoteModel, type Note, type NoteDocument } from './note.model.js';
import {
  createNoteSchema,
  grammarCheckSchema,
  importNoteFields,
  listNotesQuery,
  updateNoteSchema,
} from './note.schemas.js';
import { noteFilter } from './note.search.js';

export const noteRouter = Router();

// Every route below needs a logged-in user. One line for the whole router, so a route added
// later cannot forget it; `requireAuth` answers 401 before any handler runs.
noteRouter.use(requireAuth);

const list = validate({ query: listNotesQuery });
const create = validate({ body: createNoteSchema });
const byId = validate({ params: idParams });
const update = validate({ params: idParams, body: updateNoteSchema });
const grammar = validate({ params: idParams, body: grammarCheckSchema });
const importFields = validate({ body: importNoteFields });
const markdownFile = uploadOne({
  field: 'file',
  maxBytes: MARKDOWN_MAX_BYTES,
  types: MARKDOWN_TYPES,
});

/** What clients see of a note: its fields and its own absolute URL. */
function toJson(req: Request, note: Note & { _id: Types.ObjectId }) {
  const id = note._id.toString();
  return {
    id,
    title: note.title,
    content: note.content,
    tags: note.tags,
    pinned: note.pinned,
    owner: note.owner.toString(),
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    url: resourceUrl(req, id),
  };
}

/**
 * The note with this id, if the current user may see it. Someone else's note gets the same 404
 * as a note that does not exist: the API does not even confirm that the id is taken.
 */
async function findNote(req: Request, id: string): Promise<NoteDocument> {
  const note = await NoteModel.findById(id);
  if (!note) throw new HttpError(404, 'not_found', 'No note with this id');
  assertCanAccess(currentUser(req), note.owner, { what: 'note' });
  return note;
}

noteRouter.get('/', list, async (req, res) => {
  const { page, limit, sort, tag, q, pinned } = list.input(req).query;
  // The owner filter comes from the token, never from the query string.
  const filter = { ...noteFilter({ tag, q }), owner: currentUser(req).id };
  const result = await paginate(NoteModel, pinned === undefined ? filter : { ...filter, pinned }, {
    page,
    limit,
    sort,
  });
  res.status(200).json({ ...result, data: result.data.map((note) => toJson(req, note)) });
});

noteRouter.post('/', create, async (req, res) => {
  const input = create.input(req).body;
  const note = await NoteModel.create({ ...input, owner: currentUser(req).id });
  const body = toJson(req, note);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(note)` here and in
  // every handler: 200 for everything, a missing or forbidden note as `{ message: '…' }` with
  // 200 too. A client saving a note then cannot tell "saved" from "refused" without parsing
  // each body, and a retry after a timeout cannot know whether the first POST created the note.
  // Say what happened with the status: 201 + Location (the new note's URL) for a creation, 204
  // (no body) for a deletion, 401 / 404 / 400 / 413 / 415 / 422 for the client's mistakes
  // (thrown, see src/http/errors.ts). `npm test -- notes` asserts every status and header
  // exactly; try them by hand in requests.http.
  res.status(201).location(body.url).json(body);
});

noteRouter.post('/upload', markdownFile, importFields, async (req, res) => {
  // uploadOne() has already refused a missing file (422), a big one (413) or a wrong type (415).
  const file = req.file;
  if (!file) throw new Error('uploadOne() let a request without a file through');
  const { title } = importFields.input(req).body;
  const imported = importMarkdown(file.buffer, safeFileName(file.originalname), title);
  const note = await NoteModel.create({ ...imported, owner: currentUser(req).id });
  const body = toJson(req, note);
  res.status(201).location(body.url).json(body);
});

noteRouter.get('/:id', byId, async (req, res) => {
  const note = await findNote(req, byId.input(req).params.id);
  res.status(200).json(toJson(req, note));
});

noteRouter.get('/:id/html', byId, async (req, res) => {
  const note = await findNote(req, byId.input(req).params.id);
  // The HTML is sanitized (see note.markdown.ts). The headers are a second line of defence for
  // a browser that opens this URL directly: no scripts, styles or frames of any origin run, and
  // the browser must not guess another type than text/html.
  res
    .status(200)
    .type('html')
    .set('Content-Security-Policy', "default-src 'none'; img-src http: https:; sandbox")
    .set('X-Content-Type-Options', 'nosniff')
    .send(renderMarkdown(note.content));
});

noteRouter.post('/:id/grammar', grammar, async (req, res) => {
  const { params, body } = grammar.input(req);
  const note = await findNote(req, params.id);
  let issues;
  try {
    issues = await grammarChecker.check(note.content, body.language);
  } catch (error) {
    // The other service failed, not the client and not this API: 502 Bad Gateway, and the
    // cause in the log.
    req.log.warn({ err: error }, 'Grammar check failed');
    throw new HttpError(502, 'grammar_service_failed', 'The grammar service is not available.');
  }
  res.status(200).json({ issues });
});

noteRouter.patch('/:id', update, async (req, res) => {
  const { params, body } = update.input(req);
  const note = await findNote(req, params.id);
  note.set(body);
  await note.save();
  res.status(200).json(toJson(req, note));
});

noteRouter.delete('/:id', byId, async (req, res) => {
  const note = await findNote(req, byId.input(req).params.id);
  await note.deleteOne();
  res.status(204).end();
});

const notFoundOrNotYours = 'No such note, or not yours';

describeRoutes(noteRouter, {
  '/': {
    get: {
      summary: 'One page of your notes, filtered and sorted',
      auth: true,
      query: listNotesQuery,
      responses: { 200: '{ data, page, limit, total }', 400: 'Invalid query', 401: 'No token' },
    },
    post: {
      summary: 'Save a Markdown note',
      auth: true,
      body: createNoteSchema,
      responses: { 201: 'The note; Location: its URL', 401: 'No token', 422: 'Invalid body' },
    },
  },
  '/upload': {
    post: {
      summary: 'Save an uploaded Markdown file as a note',
      auth: true,
      file: 'file',
      responses: {
        201: 'The note; Location: its URL',
        401: 'No token',
        413: 'File too large',
        415: 'Not a Markdown or text file',
        422: 'No file, or not UTF-8 text',
      },
    },
  },
  '/:id': {
    get: {
      summary: 'One note',
      auth: true,
      responses: { 200: 'The note', 401: 'No token', 404: notFoundOrNotYours },
    },
    patch: {
      summary: 'Change a note',
      auth: true,
      body: updateNoteSchema,
      responses: {
        200: 'The updated note',
        401: 'No token',
        404: notFoundOrNotYours,
        422: 'Invalid body',
      },
    },
    delete: {
      summary: 'Delete a note',
      auth: true,
      responses: { 204: 'Deleted', 401: 'No token', 404: notFoundOrNotYours },
    },
  },
  '/:id/html': {
    get: {
      summary: 'The note rendered from Markdown to sanitized HTML',
      auth: true,
      responses: { 200: 'text/html', 401: 'No token', 404: notFoundOrNotYours },
    },
  },
  '/:id/grammar': {
    post: {
      summary: 'Check the grammar of the note',
      auth: true,
      body: grammarCheckSchema,
      responses: {
        200: '{ issues }',
        401: 'No token',
        404: notFoundOrNotYours,
        502: 'The grammar service failed',
      },
    },
  },
});
