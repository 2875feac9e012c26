// The payment webhook: only a correctly signed, recent event changes an order, each change
// happens once, and a failed payment gives the stock back. The guard for
// mistake:insecure-secrets at the webhook: unsigned, forged, tampered and replayed requests are
// refused and change nothing.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { sendPaymentWebhook } from '../src/payments/simulate-webhook.js';
import { signatureHeader, verifySignature } from '../src/payments/webhook-signature.js';
import { useApi } from './api.js';
import { requiredEnv } from './required-env.js';
import {
  addToCart,
  checkoutCart,
  createProduct,
  createAdmin,
  createUser,
  stockOf,
  type OrderJson,
} from './shop.js';
import { bearer } from './users.js';

const api = useApi();

/** A product with 5 in stock and a pending order of 2 of them. */
async function pendingOrder() {
  const admin = await createAdmin();
  const mug = await createProduct(api, admin, { name: 'Mug', priceCents: 1000, stock: 5 });
  const ann = await createUser('Ann');
  await addToCart(api, ann, mug.id, 2);
  const res = await checkoutCart(api, ann);
  expect(res.status).toBe(201);
  return { ann, mug, order: res.body as OrderJson };
}

function event(paymentId: string, type = 'payment.succeeded'): string {
  return JSON.stringify({ type, data: { paymentId } });
}

function post(body: string, signature?: string) {
  const req = api().post('/webhooks/payments').set('Content-Type', 'application/json');
  return (signature === undefined ? req : req.set('Payment-Signature', signature)).send(body);
}

async function statusOf(user: { token: string }, order: OrderJson): Promise<string> {
  const res = await api().get(new URL(order.url).pathname).set('Authorization', bearer(user));
  return (res.body as OrderJson).status;
}

describe('a signed payment webhook', () => {
  it('marks the order paid, and a repeated delivery changes nothing (200 both times)', async () => {
    const { ann, mug, order } = await pendingOrder();
    const body = event(order.paymentId);
    const first = await post(body, signatureHeader(body));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, orderId: order.id, status: 'paid' });
    expect(await statusOf(ann, order)).toBe('paid');

    const again = await post(body, signatureHeader(body));
    expect(again.status).toBe(200);
    expect(await stockOf(api, mug.id)).toBe(3);
  });

  it('marks the order failed and gives the stock back, once', async () => {
    const { ann, mug, order } = await pendingOrder();
    expect(await stockOf(api, mug.id)).toBe(3);
    const body = event(order.paymentId, 'payment.failed');
    await Promise.all([post(body, signatureHeader(body)), post(body, signatureHeader(body))]);
    expect(await statusOf(ann, order)).toBe('failed');
    expect(await stockOf(api, mug.id)).toBe(5);
  });

  it('answers 409 when the order already ended the other way, and 404 for an unknown payment', async () => {
    const { ann, order } = await pendingOrder();
    const paid = event(order.paymentId);
    expect((await post(paid, signatureHeader(paid))).status).toBe(200);
    const failed = event(order.paymentId, 'payment.failed');
    const res = await post(failed, signatureHeader(failed));
    expect(res.status).toBe(409);
    expect(await statusOf(ann, order)).toBe('paid');

    const unknown = event('pay_nobody');
    expect((await post(unknown, signatureHeader(unknown))).status).toBe(404);
  });

  it('works with the `npm run pay` helper, as in development', async () => {
    const { ann, order } = await pendingOrder();
    const { url } = api().get('/');
    const res = await sendPaymentWebhook(url, order.paymentId, 'succeeded');
    expect(res.status).toBe(200);
    expect(await statusOf(ann, order)).toBe('paid');
  });

  it('answers 422 to a signed body that is not an event it understands', async () => {
    const body = JSON.stringify({ type: 'payment.refunded', data: { paymentId: 'x' } });
    expect((await post(body, signatureHeader(body))).status).toBe(422);
    const notJson = '{"type": ';
    expect((await post(notJson, signatureHeader(notJson))).status).toBe(400);
  });
});

describe('a webhook that is not what the provider sent', () => {
  it('is refused without a signature header (400) or with a malformed one (400)', async () => {
    const { ann, order } = await pendingOrder();
    const body = event(order.paymentId);
    for (const signature of [undefined, '', 'v1=abc', 't=now,v1=00', `t=${Date.now()}`]) {
      const res = await post(body, signature);
      expect(res.status, String(signature)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_signature_header' } });
    }
    expect(await statusOf(ann, order)).toBe('pending');
  });

  it('is refused when signed with another secret, or when the body was changed (401)', async () => {
    const { ann, order } = await pendingOrder();
    const body = event(order.paymentId);
    const forged = await post(body, signatureHeader(body, undefined, 'x'.repeat(32)));
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'invalid_signature' } });

    // Signed for one body, sent with another: the same JSON with other spacing is other bytes.
    const tampered = await post(event(order.paymentId).replace(':', ': '), signatureHeader(body));
    expect(tampered.status).toBe(401);
    expect(await statusOf(ann, order)).toBe('pending');
  });

  it('is refused as a replay when its timestamp is outside the window (401)', async () => {
    const { ann, order } = await pendingOrder();
    const body = event(order.paymentId);
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301, now + 301]) {
      const res = await post(body, signatureHeader(body, timestamp));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'signature_expired' } });
    }
    expect(await statusOf(ann, order)).toBe('pending');
    expect(() => {
      verifySignature(signatureHeader(body, now - 299), Buffer.from(body), { now });
    }).not.toThrow();
  });

  it('is refused when it is not JSON at all (415)', async () => {
    const res = await api()
      .post('/webhooks/payments')
      .set('Content-Type', 'text/plain')
      .send('payment.succeeded');
    expect(res.status).toBe(415);
  });
});

describe('the webhook secret', () => {
  it('has no default: the server refuses to start without one of 32+ characters', () => {
    const others = { ...requiredEnv, PAYMENT_WEBHOOK_SECRET: undefined };
    expect(() => loadConfig(others)).toThrow(/PAYMENT_WEBHOOK_SECRET: is required/);
    expect(() => loadConfig({ ...others, PAYMENT_WEBHOOK_SECRET: 'whsec_test' })).toThrow(
      /PAYMENT_WEBHOOK_SECRET: must be at least 32/,
    );
    expect(loadConfig(requiredEnv).paymentWebhookSecret).toBe(requiredEnv.PAYMENT_WEBHOOK_SECRET);
  });
});
