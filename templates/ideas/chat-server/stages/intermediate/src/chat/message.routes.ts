// A room's history over HTTP, for members only: the newest messages first, one page at a time.
// Messages are created over the socket (src/realtime.ts), never here.
//
//   GET /rooms/:id/messages?limit=50              200 { data, nextCursor }  the newest page
//   GET /rooms/:id/messages?before=<nextCursor>   200 { data, nextCursor }  the page before it
//                                                 400 bad query, 401, 403 not a member, 404
//
// Why a cursor and not `?page=`: new messages keep arriving at the top. With page numbers, page
// 2 shifts by one every time someone speaks, and the reader sees a message twice or never. A
// cursor (the id of the oldest message already shown) stays put: "older than this one".
import { Router } from 'express';
import { trusted } from 'mongoose';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { idParams, validate } from '../http/validate.js';
import { MessageModel, toMessageJson } from './message.model.js';
import { historyQuery } from './message.schemas.js';
import { roomForMember } from './room-access.js';

// `mergeParams`: this router is mounted at /rooms/:id/messages and needs the `:id` of the mount.
export const messageRouter = Router({ mergeParams: true });

const history = validate({ params: idParams, query: historyQuery });

messageRouter.get('/', requireAuth, history, async (req, res) => {
  // TODO(mistake:skipping-http-basics): the tempting version answers every case with 200 and
  // `{ error: 'not allowed' }` or an empty list, and ignores a bad `?before=`. A client then
  // cannot tell "no messages" from "not a member" from "no such room", and retries what can
  // never work. Each case has its status: 400 bad query, 401 no token, 403 not a member, 404 no
  // room. `npm test -- messages` fails when one of them is answered with another status.
  const { params, query } = history.input(req);
  await roomForMember(params.id, currentUser(req).id);
  // One more than asked for: if it exists, there is an older page and the cursor points at it.
  const rows = await MessageModel.find({
    room: params.id,
    // `trusted`: with Mongoose's `sanitizeFilter` on (the advanced stage turns it on against
    // NoSQL injection) an operator object in a filter is neutralised unless the code vouches for
    // it. This one is ours; `before` itself was validated as an id.
    ...(query.before && { _id: trusted({ $lt: query.before }) }),
  })
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? (page.at(-1)?._id.toString() ?? null) : null;
  res.status(200).json({ data: page.map(toMessageJson), nextCursor });
});

describeRoutes(messageRouter, {
  '/': {
    get: {
      summary: 'A page of the room’s messages, newest first (members only)',
      auth: true,
      query: historyQuery,
      responses: {
        200: '{ data, nextCursor }: pass nextCursor as ?before= for the older page (null: no more)',
        400: 'Invalid query',
        401: 'No valid token',
        403: 'Not a member of this room',
        404: 'No room with this id',
      },
    },
  },
});
