// The carts API. A cart is anonymous at this stage (users arrive at intermediate): whoever has
// its URL can use it, so the id in the Location header is the only key a client needs.
//
//   POST   /carts                          201  a new empty cart; Location: its URL
//   GET    /carts/:id                      200  lines with product name and price, total in cents
//   DELETE /carts/:id                      204  throw the cart away
//   POST   /carts/:id/items                200  add { productId, quantity } (adds to a line)
//   PATCH  /carts/:id/items/:productId     200  set a line's quantity
//   DELETE /carts/:id/items/:productId     204  remove a line
//
// More in the cart than in stock is a 409 Conflict: the request is well-formed, but the state
// of the shop says no. Stock is only checked here, not taken: it is taken at checkout, which
// arrives with payments at the intermediate stage.
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { HttpError, notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { CART_MAX_ITEMS, CartModel, type CartDocument } from './cart.model.js';
import { cartLines, cartTotalCents } from './cart.total.js';
import type { ProductDocument } from './product.model.js';
import { findProduct } from './product.routes.js';
import { addItemSchema, setQuantitySchema } from './shop.schemas.js';

export const cartRouter = Router();

async function findCart(id: string): Promise<CartDocument> {
  const cart = isObjectId(id) ? await CartModel.findById(id) : null;
  if (!cart) throw notFound(`No cart with id ${id}`);
  return cart;
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
 * total, computed in code (src/shop/cart.total.ts). populate() reads the products the lines
 * point at in one extra query; a product deleted since it was added is left out.
 */
async function cartJson(req: Request, id: string) {
  const cart = isObjectId(id)
    ? await CartModel.findById(id).populate<{
        items: { product: ProductDocument | null; quantity: number }[];
      }>('items.product')
    : null;
  if (!cart) throw notFound(`No cart with id ${id}`);
  const lines = cartLines(
    cart.items.flatMap(({ product, quantity }) => (product ? [{ product, quantity }] : [])),
  );
  return {
    id: cart.id,
    items: lines,
    totalCents: cartTotalCents(lines),
    url: resourceUrl(req, cart.id),
  };
}

cartRouter.post('/', async (req, res) => {
  const cart = await CartModel.create({});
  const body = await cartJson(req, cart.id);
  res.status(201).location(body.url).json(body);
});

cartRouter.get('/:id', async (req, res) => {
  res.status(200).json(await cartJson(req, req.params.id));
});

cartRouter.delete('/:id', async (req, res) => {
  const cart = await findCart(req.params.id);
  await cart.deleteOne();
  res.status(204).end();
});

cartRouter.post('/:id/items', async (req, res) => {
  const cart = await findCart(req.params.id);
  const { productId, quantity } = addItemSchema.parse(req.body);
  const product = await findProduct(productId);
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
  res.status(200).json(await cartJson(req, cart.id));
});

cartRouter.patch('/:id/items/:productId', async (req, res) => {
  const cart = await findCart(req.params.id);
  const { quantity } = setQuantitySchema.parse(req.body);
  const { productId } = req.params;
  const line = cart.items.find((item) => item.product.toString() === productId);
  if (!line) throw notFound(`Product ${productId} is not in this cart`);
  checkStock(await findProduct(productId), quantity);
  line.quantity = quantity;
  await cart.save();
  res.status(200).json(await cartJson(req, cart.id));
});

cartRouter.delete('/:id/items/:productId', async (req, res) => {
  const cart = await findCart(req.params.id);
  const { productId } = req.params;
  const index = cart.items.findIndex((item) => item.product.toString() === productId);
  if (index === -1) throw notFound(`Product ${productId} is not in this cart`);
  cart.items.splice(index, 1);
  await cart.save();
  res.status(204).end();
});
