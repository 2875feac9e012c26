// The logged-in user's cart, one per user. Its `_id` is the user's id: "one cart per user" is
// then enforced by the primary key itself, and no route takes a cart id that could name someone
// else's cart.
//
//   GET    /cart                      200  lines with product name and price, total in cents
//   DELETE /cart                      204  empty the cart
//   POST   /cart/items                200  add { productId, quantity } (adds to a line)
//   PATCH  /cart/items/:productId     200  set a line's quantity
//   DELETE /cart/items/:productId     204  remove a line
//
// More in the cart than in stock is a 409 Conflict. Stock is only checked here, not taken: it is
// reserved at checkout (src/shop/checkout.ts), where two shoppers can race for the last one.
import { Router } from 'express';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { HttpError, notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { validate } from '../http/validate.js';
import { CART_MAX_ITEMS, CartModel, type CartDocument } from './cart.model.js';
import { cartLines, cartTotalCents } from './cart.total.js';
import type { ProductDocument } from './product.model.js';
import { findProduct } from './product.routes.js';
import { addItemSchema, cartItemParams, setQuantitySchema } from './shop.schemas.js';

export const cartRouter = Router();

cartRouter.use(requireAuth);

/** The user's cart, created empty the first time (one atomic upsert, safe under races). */
async function cartOf(userId: string): Promise<CartDocument> {
  return CartModel.findOneAndUpdate(
    { _id: userId },
    { $setOnInsert: { items: [] } },
    { upsert: true, returnDocument: 'after' },
  ).orFail();
}

/** 409 when the cart would hold more than the shop has, with a message a shopper can read. */
function checkStock(product: ProductDocument, wanted: number): void {
  if (wanted > product.stock) {
    throw new HttpError(
      409,
      'insufficient_stock',
      `Only ${product.stock} of "${product.name}" in stock; the cart would hold ${wanted}.`,
    );
  }
}

/**
 * What clients see of a cart: each line with the product's current name and price, and the
 * total, computed in code (src/shop/cart.total.ts). A product deleted since is left out.
 */
export async function cartJson(userId: string) {
  const cart = await CartModel.findById(userId).populate<{
    items: { product: ProductDocument | null; quantity: number }[];
  }>('items.product');
  const lines = cartLines(
    (cart?.items ?? []).flatMap(({ product, quantity }) =>
      product ? [{ product, quantity }] : [],
    ),
  );
  return { items: lines, totalCents: cartTotalCents(lines) };
}

cartRouter.get('/', async (req, res) => {
  res.status(200).json(await cartJson(currentUser(req).id));
});

cartRouter.delete('/', async (req, res) => {
  await CartModel.updateOne({ _id: currentUser(req).id }, { $set: { items: [] } });
  res.status(204).end();
});

const add = validate({ body: addItemSchema });
cartRouter.post('/items', add, async (req, res) => {
  const { productId, quantity } = add.input(req).body;
  const userId = currentUser(req).id;
  const product = await findProduct(productId);
  const cart = await cartOf(userId);
  // The same product twice is one line with a bigger quantity, not two lines.
  const line = cart.items.find((item) => item.product.equals(product._id));
  const wanted = (line?.quantity ?? 0) + quantity;
  checkStock(product, wanted);
  if (line) {
    line.quantity = wanted;
  } else {
    if (cart.items.length >= CART_MAX_ITEMS) {
      throw new HttpError(409, 'cart_full', `A cart holds at most ${CART_MAX_ITEMS} products.`);
    }
    cart.items.push({ product: product._id, quantity });
  }
  await cart.save();
  res.status(200).json(await cartJson(userId));
});

const setQuantity = validate({ params: cartItemParams, body: setQuantitySchema });
cartRouter.patch('/items/:productId', setQuantity, async (req, res) => {
  const { params, body } = setQuantity.input(req);
  const userId = currentUser(req).id;
  const cart = await cartOf(userId);
  const line = cart.items.find((item) => item.product.toString() === params.productId);
  if (!line) throw notFound(`Product ${params.productId} is not in your cart`);
  checkStock(await findProduct(params.productId), body.quantity);
  line.quantity = body.quantity;
  await cart.save();
  res.status(200).json(await cartJson(userId));
});

const removeItem = validate({ params: cartItemParams });
cartRouter.delete('/items/:productId', removeItem, async (req, res) => {
  const { productId } = removeItem.input(req).params;
  const cart = await cartOf(currentUser(req).id);
  const index = cart.items.findIndex((item) => item.product.toString() === productId);
  if (index === -1) throw notFound(`Product ${productId} is not in your cart`);
  cart.items.splice(index, 1);
  await cart.save();
  res.status(204).end();
});

const noToken = { 401: 'No valid token' };

describeRoutes(cartRouter, {
  '/': {
    get: {
      summary: 'Your cart: lines and total in cents',
      auth: true,
      responses: { 200: '{ items, totalCents }', ...noToken },
    },
    delete: { summary: 'Empty your cart', auth: true, responses: { 204: 'Emptied', ...noToken } },
  },
  '/items': {
    post: {
      summary: 'Add a product to your cart (adds to its line)',
      auth: true,
      body: addItemSchema,
      responses: {
        200: 'The cart',
        ...noToken,
        404: 'No such product',
        409: 'Not enough in stock, or the cart is full',
      },
    },
  },
  '/items/:productId': {
    patch: {
      summary: 'Set the quantity of a line',
      auth: true,
      body: setQuantitySchema,
      responses: {
        200: 'The cart',
        ...noToken,
        404: 'Not in your cart',
        409: 'Not enough in stock',
      },
    },
    delete: {
      summary: 'Remove a line',
      auth: true,
      responses: { 204: 'Removed', ...noToken, 404: 'Not in your cart' },
    },
  },
});
