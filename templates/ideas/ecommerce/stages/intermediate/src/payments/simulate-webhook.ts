// Plays the payment provider on your machine: sends the signed webhook a real provider would
// send when a shopper pays (or their card is declined). The local fake provider opens payments
// but nobody pays them, so this is how an order leaves `pending` in development:
//
//   npm run pay -- pay_local_… succeeded     (or: failed)
//
// It signs with PAYMENT_WEBHOOK_SECRET from your .env, exactly as the provider signs with the
// secret it shares with you, and posts to the running server (PORT). The tests use it too.
import { pathToFileURL } from 'node:url';
import { config } from '../config.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

export type Outcome = 'succeeded' | 'failed';

export async function sendPaymentWebhook(
  baseUrl: string,
  paymentId: string,
  outcome: Outcome,
): Promise<Response> {
  const body = JSON.stringify({ type: `payment.${outcome}`, data: { paymentId } });
  return fetch(new URL('/webhooks/payments', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(body) },
    body,
  });
}

async function main(args: string[]): Promise<void> {
  const [paymentId, outcome = 'succeeded'] = args;
  if (!paymentId || (outcome !== 'succeeded' && outcome !== 'failed')) {
    console.error('Usage: npm run pay -- <paymentId> [succeeded|failed]');
    process.exitCode = 2;
    return;
  }
  const response = await sendPaymentWebhook(`http://127.0.0.1:${config.port}`, paymentId, outcome);
  console.log(`${response.status} ${await response.text()}`);
  if (!response.ok) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
