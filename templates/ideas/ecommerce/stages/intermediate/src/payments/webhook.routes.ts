// POST /webhooks/payments: the payment provider tells us how a payment ended. This route has no
// login: the signature is the authentication (src/payments/webhook-signature.ts). Its body
// arrives as raw bytes (`rawBody` on its mount, see app.ts), because the signature is computed
// over exactly those bytes.
//
//   { "type": "payment.succeeded" | "payment.failed", "data": { "paymentId": "pay_…" } }
//
//   200  applied, or already applied (providers deliver the same event more than once)
//   400  no or malformed signature header, or a body that is not JSON
//   401  wrong signature, or a timestamp outside the replay window
//   404  no order has this payment
//   409  the order already ended the other way (paid, then "failed"?)
//   415  not application/json
//   422  signed, but not an event this API understands
//   503  the same payment is being settled right now (a retry will succeed)
import { Router } from 'express';
import { z } from 'zod';
import { HttpError, notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { toDetails } from '../http/validate.js';
import { releaseStock } from '../shop/checkout.js';
import { withLock } from '../shop/lock.js';
import { OrderModel, type OrderDocument } from '../shop/order.model.js';
import { SIGNATURE_HEADER, verifySignature } from './webhook-signature.js';

export const webhookRouter = Router();

export const paymentEventSchema = z.strictObject({
  type: z.enum(['payment.succeeded', 'payment.failed']),
  data: z.strictObject({ paymentId: z.string().min(1).max(200) }),
});

export type PaymentEvent = z.infer<typeof paymentEventSchema>;

function parseEvent(rawBody: Buffer): PaymentEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not JSON.');
  }
  const result = paymentEventSchema.safeParse(json);
  if (!result.success) {
    throw new HttpError(
      422,
      'validation_failed',
      'Not a payment event this API understands.',
      toDetails(result.error),
    );
  }
  return result.data;
}

/**
 * pending → paid or failed, once. Providers deliver an event at least once, sometimes twice at
 * the same moment: under the payment's lock (src/shop/lock.ts) a repeated delivery finds the
 * order already settled and changes nothing, so the stock of a failed payment is given back once.
 */
function settle(paymentId: string, status: 'paid' | 'failed'): Promise<OrderDocument> {
  return withLock(`payment:${paymentId}`, async () => {
    const order = await OrderModel.findOne({ paymentId });
    if (!order) throw notFound('No order has this payment');
    if (order.status === status) return order;
    if (order.status !== 'pending') {
      throw new HttpError(409, 'order_already_settled', `The order is already ${order.status}.`);
    }
    order.status = status;
    await order.save();
    if (status === 'failed') await releaseStock(order.lines);
    return order;
  });
}

webhookRouter.post('/payments', async (req, res) => {
  // express.raw() leaves the body undefined for any other Content-Type.
  if (!Buffer.isBuffer(req.body)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the event as application/json.');
  }
  // Check the signature before looking at the content: nothing unsigned is even parsed.
  verifySignature(req.get(SIGNATURE_HEADER), req.body);
  const event = parseEvent(req.body);
  const order = await settle(
    event.data.paymentId,
    event.type === 'payment.succeeded' ? 'paid' : 'failed',
  );
  res.status(200).json({ received: true, orderId: order.id, status: order.status });
});

describeRoutes(webhookRouter, {
  '/payments': {
    post: {
      summary: `The payment provider reports a payment's outcome (signed: ${SIGNATURE_HEADER} header)`,
      body: paymentEventSchema,
      responses: {
        200: '{ received, orderId, status }',
        400: 'No or malformed signature header, or not JSON',
        401: 'Wrong signature, or outside the replay window',
        404: 'No order has this payment',
        409: 'The order already ended the other way',
        415: 'Not application/json',
        503: 'Busy: the same payment is being settled; retry',
        422: 'Not a payment event this API understands',
      },
    },
  },
});
