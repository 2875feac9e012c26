// Rooms over HTTP: open one, find one, join and leave. Talking happens over the socket
// (src/realtime.ts), reading the history in message.routes.ts.
//
//   POST   /rooms                  201 + Location  the new room (you are its first member)
//   GET    /rooms?name=&page=      200  { data, page, limit, total }
//   GET    /rooms/:id              200  the room, and whether you are a member
//   PUT    /rooms/:id/members/me   204  you are a member (joining twice changes nothing)
//   DELETE /rooms/:id/members/me   204  you are not (leaving twice changes nothing)
//
// Every route needs `Authorization: Bearer <token>` (401 without).
import { Router } from 'express';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { idParams, validate } from '../http/validate.js';
import { MembershipModel } from './membership.model.js';
import { findRoom, isMember } from './room-access.js';
import { RoomModel, toRoomJson } from './room.model.js';
import { createRoomSchema, listRoomsQuery } from './room.schemas.js';

export const roomRouter = Router();
roomRouter.use(requireAuth);

const create = validate({ body: createRoomSchema });
const list = validate({ query: listRoomsQuery });
const byId = validate({ params: idParams });

roomRouter.post('/', create, async (req, res) => {
  const user = currentUser(req);
  const { name, topic } = create.input(req).body;
  // A name that is taken fails on the unique index: 409, from src/http/errors.ts.
  const room = await RoomModel.create({ name, topic, owner: user.id });
  await MembershipModel.create({ room: room._id, user: user.id });
  res.status(201).location(resourceUrl(req, room.id)).json(toRoomJson(room));
});

roomRouter.get('/', list, async (req, res) => {
  const { name, ...page } = list.input(req).query;
  const result = await paginate(RoomModel, name ? { name } : {}, page);
  res.status(200).json({ ...result, data: result.data.map(toRoomJson) });
});

roomRouter.get('/:id', byId, async (req, res) => {
  const { id } = byId.input(req).params;
  const room = await findRoom(id);
  res.status(200).json({ ...toRoomJson(room), member: await isMember(id, currentUser(req).id) });
});

roomRouter.put('/:id/members/me', byId, async (req, res) => {
  const { id } = byId.input(req).params;
  await findRoom(id);
  // An upsert, not "find, then insert": two joins at the same moment still make one membership.
  const pair = { room: id, user: currentUser(req).id };
  await MembershipModel.updateOne(pair, { $setOnInsert: pair }, { upsert: true });
  res.status(204).end();
});

roomRouter.delete('/:id/members/me', byId, async (req, res) => {
  const { id } = byId.input(req).params;
  await findRoom(id);
  await MembershipModel.deleteOne({ room: id, user: currentUser(req).id });
  res.status(204).end();
});

const unauthorized = { 401: 'No valid token' };
const noRoom = { 404: 'No room with this id' };

describeRoutes(roomRouter, {
  '/': {
    post: {
      summary: 'Open a room (you become its first member)',
      auth: true,
      body: createRoomSchema,
      responses: { 201: 'The room', 409: 'A room with this name exists', ...unauthorized },
    },
    get: {
      summary: 'Rooms, a page at a time (?name= finds one by name)',
      auth: true,
      query: listRoomsQuery,
      responses: { 200: '{ data, page, limit, total }', 400: 'Invalid query', ...unauthorized },
    },
  },
  '/:id': {
    get: {
      summary: 'One room, and whether you are a member',
      auth: true,
      responses: { 200: 'The room', ...unauthorized, ...noRoom },
    },
  },
  '/:id/members/me': {
    put: {
      summary: 'Join the room',
      auth: true,
      responses: { 204: 'You are a member', ...unauthorized, ...noRoom },
    },
    delete: {
      summary: 'Leave the room',
      auth: true,
      responses: { 204: 'You are not a member', ...unauthorized, ...noRoom },
    },
  },
});
