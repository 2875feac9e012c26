// The products API: a collection at the router's root, one URL per product. Each handler reads
// the request, does one thing with the database and answers with the status code that says
// what happened. Errors are thrown, never answered here: Express 5 sends whatever a handler
// throws (or rejects with) to the error handler in src/http/errors.ts.
//
//   GET    /products?q=    200  list by name, optionally searched (name or description)
//   POST   /products       201  create; Location: the new product's URL
//   GET    /products/:id   200  one product, or 404
//   PATCH  /products/:id   200  change name, description, priceCents or stock, or 404
//   DELETE /products/:id   204  delete one, or 404
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { ProductModel, type ProductDocument } from './product.model.js';
import { productFilter } from './product.search.js';
import { createProductSchema, parseListQuery, updateProductSchema } from './shop.schemas.js';

export const productRouter = Router();

/** What clients see of a product: its fields and its own absolute URL. */
function toJson(req: Request, product: ProductDocument) {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    priceCents: product.priceCents,
    stock: product.stock,
    url: resourceUrl(req, product.id),
  };
}

/** An id that cannot be an ObjectId names no product: 404, like an unknown one; never a 500. */
export async function findProduct(id: string): Promise<ProductDocument> {
  const product = isObjectId(id) ? await ProductModel.findById(id) : null;
  if (!product) throw notFound(`No product with id ${id}`);
  return product;
}

productRouter.get('/', async (req, res) => {
  const { q } = parseListQuery(req.query);
  const products = await ProductModel.find(productFilter(q)).sort({ name: 1, _id: 1 });
  res.status(200).json(products.map((product) => toJson(req, product)));
});

productRouter.post('/', async (req, res) => {
  const input = createProductSchema.parse(req.body);
  const product = await ProductModel.create(input);
  const body = toJson(req, product);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(product)` here and in
  // every handler: 200 for everything, "out of stock" as `{ ok: false }` with 200 too. A client
  // then cannot tell "created" from "failed" without parsing each body, and a checkout page
  // happily shows an order that never happened. Say what happened with the status: 201 +
  // Location for a creation, 204 (no body) for a deletion, 404 / 400 / 422 for the client's
  // mistakes and 409 when the stock says no (thrown, see src/http/errors.ts).
  // `npm test -- products carts` asserts every status and header exactly; try them in
  // requests.http.
  res.status(201).location(body.url).json(body);
});

productRouter.get('/:id', async (req, res) => {
  const product = await findProduct(req.params.id);
  res.status(200).json(toJson(req, product));
});

productRouter.patch('/:id', async (req, res) => {
  const product = await findProduct(req.params.id);
  const changes = updateProductSchema.parse(req.body);
  product.set(changes);
  await product.save();
  res.status(200).json(toJson(req, product));
});

productRouter.delete('/:id', async (req, res) => {
  const product = await findProduct(req.params.id);
  await product.deleteOne();
  res.status(204).end();
});
