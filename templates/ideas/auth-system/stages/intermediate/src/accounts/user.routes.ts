// The admin area: every account, and who is an admin. Behind requireRole('admin'): a user's
// token gets 403, no token 401, before a handler runs.
//
//   GET   /admin/users?page=&limit=&sort=&role=  200 { data, page, limit, total }  401, 403
//   PATCH /admin/users/:id/role  { role }        200 the user                     401, 403, 404
import { Router } from 'express';
import type { QueryFilter } from 'mongoose';
import { currentUser, requireRole } from '../auth/require-auth.js';
import { toUserJson, UserModel, type User } from '../auth/user.model.js';
import { HttpError, notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { idParams, validate } from '../http/validate.js';
import { changeRoleSchema, listUsersQuery } from './account.schemas.js';

export const userRouter = Router();

// TODO(mistake:skipping-http-basics): the tempting version checks the role inside each handler
// and answers `res.json({ error: 'admins only' })`, with 200, or a 404 "to hide the admin area".
// Clients then cannot tell "log in again" (401) from "you may not" (403), a monitoring tool
// counts refused requests as successes, and a 404 for a real route sends people debugging
// URLs. Guard the whole router once, before any handler: 401 + WWW-Authenticate without a
// valid token, 403 for a token without the role. `npm test -- users` asserts both exactly.
userRouter.use(requireRole('admin'));

const list = validate({ query: listUsersQuery });
const changeRole = validate({ params: idParams, body: changeRoleSchema });

userRouter.get('/', list, async (req, res) => {
  const { role, ...page } = list.input(req).query;
  const filter: QueryFilter<User> = role ? { role } : {};
  const result = await paginate(UserModel, filter, page);
  res.status(200).json({
    ...result,
    data: result.data.map((user) => UserModel.hydrate(user)).map(toUserJson),
  });
});

userRouter.patch('/:id/role', changeRole, async (req, res) => {
  const { params, body } = changeRole.input(req);
  // An admin who demotes themselves may leave nobody able to undo it.
  if (params.id === currentUser(req).id) {
    throw new HttpError(409, 'own_role', 'You cannot change your own role.');
  }
  const user = await UserModel.findById(params.id);
  if (!user) throw notFound(`No user with id ${params.id}`);
  user.role = body.role;
  await user.save();
  // Their current access token still says the old role until it expires (JWT_TTL_SECONDS);
  // the next refresh reads the new one.
  res.status(200).json(toUserJson(user));
});

const adminOnly = { 401: 'No valid token', 403: 'Not an admin' };

describeRoutes(userRouter, {
  '/': {
    get: {
      summary: 'One page of all accounts (admins only)',
      auth: true,
      query: listUsersQuery,
      responses: { 200: '{ data, page, limit, total }', 400: 'Invalid query', ...adminOnly },
    },
  },
  '/:id/role': {
    patch: {
      summary: 'Make a user an admin, or not (admins only)',
      auth: true,
      body: changeRoleSchema,
      responses: {
        200: 'The user',
        404: 'No such user',
        409: 'Your own role',
        ...adminOnly,
      },
    },
  },
});
