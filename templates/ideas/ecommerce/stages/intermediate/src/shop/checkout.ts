// Checkout: turn the user's cart into an order, take the stock, open the payment. No
// transactions (FerretDB has none, and they are not needed): each product's stock is taken with
// one conditional update (made atomic on FerretDB too by a short lock, see lock.ts), and
// whatever was taken is given back when a later step fails.
//
//   for each line: stock -= quantity, only if stock >= quantity   (or 409: nothing is taken)
//   check the total the shopper saw                                (or 409, stock given back)
//   open the payment with the provider                             (or 502, stock given back)
//   store the order (pending), empty the cart                      → 201
//
// The webhook (src/payments/webhook.routes.ts) later marks the order paid, or failed and gives
// the stock back.
import mongoose, { Types } from 'mongoose';
import { HttpError } from '../http/errors.js';
import { logger } from '../logger.js';
import { paymentProvider } from '../payments/payment-provider.js';
import { CartModel } from './cart.model.js';
import { OrderModel, type OrderDocument } from './order.model.js';
import { ProductModel } from './product.model.js';
import { withLock } from './lock.js';
import { stockChanged } from './stock-changes.js';

export interface StockLine {
  product: Types.ObjectId;
  quantity: number;
}

interface ReservedLine extends StockLine {
  name: string;
  priceCents: number;
}

/**
 * Takes `quantity` of a product if, and only if, that many are left, in one atomic update: the
 * filter and the change happen together inside MongoDB, so two checkouts racing for the last
 * mug cannot both see "1 left" and both take it. A read-then-save (`product.stock -= 1;
 * product.save()`) would let them. `null`: not enough left (or no such product).
 */
function takeStock({ product, quantity }: StockLine) {
  // The lock is for FerretDB, whose updates are not atomic (see lock.ts); the filter is what
  // refuses to sell what is not there, on every database.
  return withLock(`stock:${product.toString()}`, () =>
    ProductModel.findOneAndUpdate(
      // trusted(): an operator built here, not sent by a client (sanitizeFilter would neutralise
      // it).
      { _id: product, stock: mongoose.trusted({ $gte: quantity }) },
      { $inc: { stock: -quantity } },
      { returnDocument: 'after' },
    ),
  );
}

/** Gives stock back (a failed step of checkout, a failed payment). Never throws. */
export async function releaseStock(lines: StockLine[]): Promise<void> {
  if (lines.length === 0) return;
  try {
    await Promise.all(
      lines.map(({ product, quantity }) =>
        withLock(`stock:${product.toString()}`, () =>
          ProductModel.updateOne({ _id: product }, { $inc: { stock: quantity } }),
        ),
      ),
    );
    await stockChanged(lines.map((line) => line.product.toString()));
  } catch (error) {
    // The order is already lost; do not hide its error behind this one. An operator must fix
    // the stock of these products by hand: the log says which.
    logger.error({ err: error, lines }, 'Could not give stock back');
  }
}

async function outOfStock({ product, quantity }: StockLine): Promise<HttpError> {
  const current = await ProductModel.findById(product);
  if (!current) {
    return new HttpError(409, 'product_unavailable', 'A product in your cart is no longer sold.');
  }
  return new HttpError(
    409,
    'insufficient_stock',
    `Only ${current.stock} of "${current.name}" in stock; your cart holds ${quantity}.`,
  );
}

/** Reserves every line, or none: on the first line that cannot be served, the others go back. */
async function reserveAll(items: StockLine[]): Promise<ReservedLine[]> {
  const reserved: ReservedLine[] = [];
  for (const item of items) {
    const product = await takeStock(item);
    if (!product) {
      await releaseStock(reserved);
      throw await outOfStock(item);
    }
    // The price at this moment is the price of the order, copied (see order.model.ts).
    reserved.push({ ...item, name: product.name, priceCents: product.priceCents });
  }
  return reserved;
}

export async function checkout(userId: string, expectedTotalCents: number): Promise<OrderDocument> {
  const cart = await CartModel.findById(userId);
  const items = (cart?.items ?? []).map(({ product, quantity }) => ({ product, quantity }));
  if (items.length === 0) throw new HttpError(409, 'cart_empty', 'Your cart is empty.');

  const lines = await reserveAll(items);
  let order: OrderDocument;
  try {
    const totalCents = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
    if (totalCents !== expectedTotalCents) {
      throw new HttpError(
        409,
        'total_changed',
        `Prices changed: the total is now ${totalCents} cents, not ${expectedTotalCents}. ` +
          'Show the cart again and confirm the new total.',
      );
    }
    const orderId = new Types.ObjectId();
    const payment = await paymentProvider
      .createPayment({ orderId: orderId.toString(), amountCents: totalCents })
      .catch((error: unknown) => {
        logger.error({ err: error, orderId }, 'The payment provider failed');
        throw new HttpError(
          502,
          'payment_unavailable',
          'The payment provider did not answer; nothing was charged. Try again in a moment.',
        );
      });
    order = await OrderModel.create({
      _id: orderId,
      owner: userId,
      lines,
      totalCents,
      paymentId: payment.id,
    });
  } catch (error) {
    await releaseStock(lines);
    throw error;
  }
  await stockChanged(lines.map((line) => line.product.toString()));
  await CartModel.updateOne({ _id: userId }, { $set: { items: [] } });
  return order;
}
