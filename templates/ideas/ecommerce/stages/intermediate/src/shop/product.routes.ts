// The catalogue. Anyone may browse it; only admins change it (products, prices, stock, images).
// Errors are thrown, never answered here (src/http/errors.ts).
//
//   GET    /products?q=&minPriceCents=&maxPriceCents=&sort=&page=&limit=
//                                  200 { data, page, limit, total }
//   GET    /products/:id           200 the product
//   POST   /products               201 the product; Location: its URL            (admin)
//   PUT    /products/:id           200 the replaced product                      (admin)
//   PATCH  /products/:id           200 the changed product                       (admin)
//   DELETE /products/:id           204                                           (admin)
//   PUT    /products/:id/image     200 the product, with its imageUrl (multipart) (admin)
//   GET    /products/:id/image     200 the image itself
//
// Not an admin: 403 (401 without a token). A malformed or unknown id: 404.
import { Router, type Request, type RequestHandler } from 'express';
import mongoose, { type Types } from 'mongoose';
import { requireRole } from '../auth/require-auth.js';
import { notFound } from '../http/errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { paginate } from '../http/pagination.js';
import { resourceUrl } from '../http/resource-url.js';
import { validate } from '../http/validate.js';
import { IMAGE_TYPES, uploadOne } from '../uploads/upload.js';
import { ProductImageModel } from './product-image.model.js';
import { ProductModel, type Product, type ProductDocument } from './product.model.js';
import { productFilter } from './product.search.js';
import {
  createProductSchema,
  idParams,
  listProductsQuery,
  replaceProductSchema,
  updateProductSchema,
} from './shop.schemas.js';

export const IMAGE_MAX_BYTES = 1_000_000;

export const productRouter = Router();

const adminOnly = requireRole('admin');

/** The fields a product list shows: the only ones it reads from MongoDB (a projection). */
const PRODUCT_FIELDS = 'name description priceCents stock';

type ProductRow = Pick<Product, 'name' | 'description' | 'priceCents' | 'stock'> & {
  _id: Types.ObjectId;
};

/** What clients see of a product, from a full document or a lean list row alike. */
function toJson(req: Request, product: ProductRow, hasImage: boolean) {
  const url = resourceUrl(req, product._id.toString());
  return {
    id: product._id.toString(),
    name: product.name,
    description: product.description,
    priceCents: product.priceCents,
    stock: product.stock,
    imageUrl: hasImage ? `${url}/image` : null,
    url,
  };
}

/** Which of these products have an image: one query for a whole page, not one per product. */
async function withImages(ids: Types.ObjectId[]): Promise<Set<string>> {
  const images = await ProductImageModel.find({ product: mongoose.trusted({ $in: ids }) }).select(
    'product',
  );
  return new Set(images.map((image) => image.product.toString()));
}

async function productJson(req: Request, product: ProductDocument) {
  return toJson(req, product, (await withImages([product._id])).size > 0);
}

/** An id that cannot be an ObjectId names no product: 404, like an unknown one; never a 500. */
export async function findProduct(id: string): Promise<ProductDocument> {
  const product = await ProductModel.findById(id);
  if (!product) throw notFound(`No product with id ${id}`);
  return product;
}

const list = validate({ query: listProductsQuery });
productRouter.get('/', list, async (req, res) => {
  const { q, minPriceCents, maxPriceCents, ...page } = list.input(req).query;
  const price = {
    ...(minPriceCents !== undefined && { $gte: minPriceCents }),
    ...(maxPriceCents !== undefined && { $lte: maxPriceCents }),
  };
  const filter = {
    ...productFilter(q),
    // trusted(): operators built here from validated numbers, not sent by a client (the advanced
    // stage's sanitizeFilter neutralises every other `$` object in a filter).
    ...(Object.keys(price).length > 0 && { priceCents: mongoose.trusted(price) }),
  };
  const result = await paginate(ProductModel, filter, page, PRODUCT_FIELDS);
  const images = await withImages(result.data.map((row) => row._id));
  res.status(200).json({
    ...result,
    data: result.data.map((row) => toJson(req, row, images.has(row._id.toString()))),
  });
});

const one = validate({ params: idParams });
productRouter.get('/:id', one, async (req, res) => {
  const product = await findProduct(one.input(req).params.id);
  res.status(200).json(await productJson(req, product));
});

const create = validate({ body: createProductSchema });
productRouter.post('/', ...adminOnly, create, async (req, res) => {
  const product = await ProductModel.create(create.input(req).body);
  // TODO(mistake:skipping-http-basics): with roles in place it is tempting to answer a user who
  // is not an admin with `res.status(200).json({ error: 'admins only' })`, or with 401 ("log in")
  // although they are logged in. Clients then retry forever or send the user to a login page
  // that cannot help. 401 means "who are you?", 403 "I know, and no"; 201 + Location for a new
  // product, 204 for a deletion. `npm test -- products` asserts each status exactly.
  res
    .status(201)
    .location(resourceUrl(req, product.id))
    .json(toJson(req, product, false));
});

const replace = validate({ params: idParams, body: replaceProductSchema });
productRouter.put('/:id', ...adminOnly, replace, async (req, res) => {
  const { params, body } = replace.input(req);
  const product = await findProduct(params.id);
  product.set(body);
  await product.save();
  res.status(200).json(await productJson(req, product));
});

const update = validate({ params: idParams, body: updateProductSchema });
productRouter.patch('/:id', ...adminOnly, update, async (req, res) => {
  const { params, body } = update.input(req);
  const product = await findProduct(params.id);
  product.set(body);
  await product.save();
  res.status(200).json(await productJson(req, product));
});

productRouter.delete('/:id', ...adminOnly, one, async (req, res) => {
  const product = await findProduct(one.input(req).params.id);
  // Orders keep their own copy of name and price (order.model.ts), so they survive this.
  await ProductImageModel.deleteOne({ product: product._id });
  await product.deleteOne();
  res.status(204).end();
});

// Checked in this order: the role, the id, that the product exists, then the file: an upload is
// read only for a product an admin may change.
const image = uploadOne({ field: 'image', maxBytes: IMAGE_MAX_BYTES, types: IMAGE_TYPES });
const productExists: RequestHandler = async (req, _res, next) => {
  await findProduct(one.input(req).params.id);
  next();
};
productRouter.put('/:id/image', ...adminOnly, one, productExists, image, async (req, res) => {
  const product = await findProduct(one.input(req).params.id);
  // uploadOne() answered 422 already when there is no file.
  const file = req.file as Express.Multer.File;
  // One image per product (a unique index): a new upload replaces the old one.
  await ProductImageModel.updateOne(
    { product: product._id },
    { $set: { contentType: file.mimetype, size: file.size, data: file.buffer } },
    { upsert: true },
  );
  res.status(200).json(toJson(req, product, true));
});

productRouter.get('/:id/image', one, async (req, res) => {
  const product = await findProduct(one.input(req).params.id);
  const saved = await ProductImageModel.findOne({ product: product._id }).select('+data');
  if (!saved) throw notFound('This product has no image');
  // nosniff: the browser must treat the bytes as the image type we stored, never as a page.
  res.status(200).type(saved.contentType).set('X-Content-Type-Options', 'nosniff').send(saved.data);
});

const adminResponses = { 401: 'No valid token', 403: 'Not an admin' };

describeRoutes(productRouter, {
  '/': {
    get: {
      summary: 'One page of the catalogue, searched (?q=) and filtered by price',
      query: listProductsQuery,
      responses: { 200: '{ data, page, limit, total }', 400: 'Invalid query' },
    },
    post: {
      summary: 'Add a product (admin)',
      auth: true,
      body: createProductSchema,
      responses: { 201: 'The product; Location: its URL', ...adminResponses },
    },
  },
  '/:id': {
    get: { summary: 'One product', responses: { 200: 'The product', 404: 'No such product' } },
    put: {
      summary: 'Replace a product (admin)',
      auth: true,
      body: replaceProductSchema,
      responses: { 200: 'The product', ...adminResponses, 404: 'No such product' },
    },
    patch: {
      summary: 'Change some fields of a product, e.g. its stock (admin)',
      auth: true,
      body: updateProductSchema,
      responses: { 200: 'The product', ...adminResponses, 404: 'No such product' },
    },
    delete: {
      summary: 'Delete a product (admin)',
      auth: true,
      responses: { 204: 'Deleted', ...adminResponses, 404: 'No such product' },
    },
  },
  '/:id/image': {
    put: {
      summary: 'Upload or replace the product image: PNG, JPEG or WebP, at most 1 MB (admin)',
      auth: true,
      file: 'image',
      responses: {
        200: 'The product, with its imageUrl',
        ...adminResponses,
        404: 'No such product',
        413: 'File too large',
        415: 'File type not allowed',
        422: 'No file',
      },
    },
    get: {
      summary: 'The product image',
      responses: { 200: 'The image', 404: 'No such product, or no image' },
    },
  },
});
