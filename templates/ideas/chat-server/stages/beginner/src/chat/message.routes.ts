// The HTTP side of the chat: what was said recently, for clients that are not connected (or
// that just connected and want the history). Messages are created over the socket only.
//
//   GET /messages?limit=50   200  the newest messages, newest first (at most 100), or 400
import { Router } from 'express';
import { HttpError } from '../http/errors.js';
import { MessageModel } from './message.model.js';
import { listMessagesQuery } from './message.schemas.js';

export const messageRouter = Router();

messageRouter.get('/', async (req, res) => {
  // TODO(mistake:skipping-http-basics): an unbounded `MessageModel.find()` answered with
  // whatever status, or a bad `?limit=` silently ignored, looks fine with ten messages. A chat
  // grows without end, so the list is bounded, newest first, and a bad query is a 400.
  // `npm test -- messages` fails when the status, order or bound is wrong.
  const query = listMessagesQuery.safeParse(req.query);
  if (!query.success) {
    throw new HttpError(400, 'invalid_query', 'limit must be a whole number from 1 to 100.');
  }
  const { limit } = query.data;
  const messages = await MessageModel.find().sort({ createdAt: -1, _id: -1 }).limit(limit);
  res.status(200).json(
    messages.map((message) => ({
      id: message.id,
      name: message.name,
      text: message.text,
      createdAt: message.createdAt,
    })),
  );
});
