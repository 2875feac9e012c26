// An order: what one user bought, at what price, and whether it is paid. Created by checkout
// (src/shop/checkout.ts) with status `pending`; the payment webhook moves it to `paid` or
// `failed`, once (src/payments/webhook.routes.ts).
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { CART_MAX_ITEMS } from './cart.model.js';

export const ORDER_STATUSES = ['pending', 'paid', 'failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// TODO(mistake:poor-schema-design): the tempting version is the cart's shape here: lines that
// hold only `{ product: ObjectId, quantity }` and a total computed with populate() on every read.
// Then the order history changes whenever an admin edits a price, a deleted product makes old
// orders unreadable, and the amount the customer paid is nowhere. An order is a record of the
// past: copy `name` and `priceCents` into each line at checkout and store the total, and keep the
// product reference only to link back. Index what the reads filter and sort by (`owner` +
// `createdAt` for "my orders", `paymentId` for the webhook). The guards: `npm test -- orders`
// (a price change after checkout leaves the order as it was) and `npm test -- indexes`.
const orderLineSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    // Copied from the product at the moment its stock was reserved: the price that was charged.
    name: { type: String, required: true },
    priceCents: { type: Number, required: true, min: 0 },
    quantity: { type: Number, required: true, min: 1 },
  },
  { _id: false },
);

const orderSchema = new Schema(
  {
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    lines: {
      type: [orderLineSchema],
      required: true,
      // Bounded like the cart it comes from: an order holds at most the cart's 50 products.
      validate: {
        validator: (lines: unknown[]) => lines.length >= 1 && lines.length <= CART_MAX_ITEMS,
        message: `an order has 1 to ${CART_MAX_ITEMS} lines`,
      },
    },
    totalCents: { type: Number, required: true, min: 0 },
    status: { type: String, enum: ORDER_STATUSES, required: true, default: 'pending' },
    // The provider's id for the payment of this order: the webhook finds the order by it.
    paymentId: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);

// "My orders, newest first" reads exactly this index, in this order.
orderSchema.index({ owner: 1, createdAt: -1, _id: -1 });

export type Order = InferSchemaType<typeof orderSchema>;
export type OrderDocument = HydratedDocument<Order>;

export const OrderModel = model('Order', orderSchema);
