// What a cart is, as stored in MongoDB: one document per cart, with its items inside it. Items
// belong to exactly one cart and are always read with it, so embedding them (instead of a
// separate collection) means one read for a whole cart and one atomic write per change.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

/** An embedded array must be bounded, or one document can grow past MongoDB's 16 MB limit. */
export const CART_MAX_ITEMS = 50;
/** Per line: nobody buys 10 000 of one thing through a cart. */
export const QUANTITY_MAX = 999;

const cartItemSchema = new Schema(
  {
    // A reference to the product, not a copy: name and price are read fresh with populate(),
    // so a price change shows in every cart.
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    quantity: {
      type: Number,
      required: true,
      min: 1,
      max: QUANTITY_MAX,
      validate: { validator: Number.isInteger, message: 'quantity must be an integer' },
    },
  },
  { _id: false },
);

const cartSchema = new Schema(
  {
    items: {
      type: [cartItemSchema],
      default: [],
      validate: {
        validator: (items: unknown[]) => items.length <= CART_MAX_ITEMS,
        message: `a cart holds at most ${CART_MAX_ITEMS} different products`,
      },
    },
  },
  { timestamps: true },
);

export type Cart = InferSchemaType<typeof cartSchema>;
export type CartDocument = HydratedDocument<Cart>;

export const CartModel = model('Cart', cartSchema);
