// Orders: checkout creates one from the user's cart; users see only their own.
//
//   POST /orders        201 the order (pending); Location: its URL   checkout, see checkout.ts
//   GET  /orders        200 { data, page, limit, total }              your orders, newest first
//   GET  /orders/:id    200 the order                                 404 when it is not yours
//
// The status moves from `pending` to `paid` or `failed` when the payment provider calls the
// webhook (src/payments/webhook.routes.ts); no client can set it.
import { Router, type Request } from 'express';
import type { Types } from 'mongoose';
import { assertCanAccess } from '../auth/ownership.js';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { validate } from '../http/validate.js';
import { checkout } from './checkout.js';
import { OrderModel, type Order } from './order.model.js';
import { checkoutSchema, idParams, listOrdersQuery } from './shop.schemas.js';

export const orderRouter = Router();

orderRouter.use(requireAuth);

/** What clients see of an order, from a full document or a lean list row alike. */
export function orderJson(req: Request, order: Omit<Order, 'owner'> & { _id: Types.ObjectId }) {
  return {
    id: order._id.toString(),
    status: order.status,
    lines: order.lines.map((line) => ({
      productId: line.product.toString(),
      name: line.name,
      priceCents: line.priceCents,
      quantity: line.quantity,
      lineTotalCents: line.priceCents * line.quantity,
    })),
    totalCents: order.totalCents,
    paymentId: order.paymentId,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    url: resourceUrl(req, order._id.toString()),
  };
}

const place = validate({ body: checkoutSchema });
orderRouter.post('/', place, async (req, res) => {
  const order = await checkout(currentUser(req).id, place.input(req).body.expectedTotalCents);
  const body = orderJson(req, order);
  res.status(201).location(body.url).json(body);
});

const list = validate({ query: listOrdersQuery });
orderRouter.get('/', list, async (req, res) => {
  const { status, ...page } = list.input(req).query;
  // The owner comes from the token, never from the query: a user cannot even ask for others'.
  const filter = { owner: currentUser(req).id, ...(status && { status }) };
  const result = await paginate(OrderModel, filter, page, '-owner');
  res.status(200).json({ ...result, data: result.data.map((row) => orderJson(req, row)) });
});

const one = validate({ params: idParams });
orderRouter.get('/:id', one, async (req, res) => {
  const order = await OrderModel.findById(one.input(req).params.id);
  if (!order) throw notFound('No order with this id');
  // Another user's order is a 404, exactly like one that does not exist: a 403 would confirm
  // that the id is a real order (OWASP API1, broken object level authorization).
  assertCanAccess(currentUser(req), order.owner, { what: 'order' });
  res.status(200).json(orderJson(req, order));
});

describeRoutes(orderRouter, {
  '/': {
    post: {
      summary: 'Check out: turn your cart into an order and open its payment',
      auth: true,
      body: checkoutSchema,
      responses: {
        201: 'The order, pending payment; Location: its URL',
        401: 'No valid token',
        409: 'Empty cart, not enough in stock, a product gone, or the total changed',
        502: 'The payment provider did not answer; nothing was charged',
        503: 'Too many checkouts of the same product at once; retry',
      },
    },
    get: {
      summary: 'One page of your orders',
      auth: true,
      query: listOrdersQuery,
      responses: {
        200: '{ data, page, limit, total }',
        400: 'Invalid query',
        401: 'No valid token',
      },
    },
  },
  '/:id': {
    get: {
      summary: 'One of your orders',
      auth: true,
      responses: { 200: 'The order', 401: 'No valid token', 404: 'No such order of yours' },
    },
  },
});
