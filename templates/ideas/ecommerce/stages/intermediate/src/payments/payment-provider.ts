// The payment provider behind an interface. Checkout asks it to open a payment for an order and
// gets back the provider's payment id; the provider tells us later, with a signed webhook
// (src/payments/webhook.routes.ts), whether the shopper paid. Which provider is used is decided
// here, once: this starter ships only the local fake, so development and tests never need the
// network or an account. A real one (Stripe, Adyen, Mollie…) is one more class with the same
// two lines of contract, calling the provider's API with its own key from config.
import { randomUUID } from 'node:crypto';
import { logger } from '../logger.js';

export interface PaymentRequest {
  /** Our order's id: the provider sends it back in the webhook, so we can match them. */
  orderId: string;
  amountCents: number;
}

export interface Payment {
  /** The provider's id for this payment. */
  id: string;
}

export interface PaymentProvider {
  /** Opens a payment; throws when the provider cannot be reached or refuses. */
  createPayment(request: PaymentRequest): Promise<Payment>;
}

/**
 * The fake: accepts every payment and remembers it (tests read `created`). Nobody pays for
 * real, so nothing settles by itself: send the webhook the provider would send with
 * `npm run pay -- <paymentId> succeeded` (or `failed`), see src/payments/simulate-webhook.ts.
 */
export class LocalPaymentProvider implements PaymentProvider {
  readonly created: (PaymentRequest & Payment)[] = [];

  createPayment(request: PaymentRequest): Promise<Payment> {
    const payment = { id: `pay_local_${randomUUID()}` };
    this.created.push({ ...request, ...payment });
    logger.info(
      { paymentId: payment.id, ...request },
      `Payment opened (local fake). Settle it with: npm run pay -- ${payment.id} succeeded`,
    );
    return Promise.resolve(payment);
  }
}

export const paymentProvider: PaymentProvider = new LocalPaymentProvider();
