// What clients may send, checked before anything touches the database. A failed body check
// throws a ZodError, which the error handler (src/http/errors.ts) answers with 422 and the list
// of problems, field by field. A bad query string is a 400: the URL itself is wrong.
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { QUANTITY_MAX } from './cart.model.js';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, PRICE_MAX_CENTS } from './product.model.js';

const NOT_AN_OBJECT = 'Send a JSON object, with the header Content-Type: application/json.';

const name = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(NAME_MAX_LENGTH, `name must be at most ${NAME_MAX_LENGTH} characters`);
const description = z
  .string()
  .max(DESCRIPTION_MAX_LENGTH, `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
// Integers only: 19.99 is a float and gets a 422; send 1999 (cents).
const priceCents = z
  .int('priceCents must be an integer number of cents, like 1999 for 19.99')
  .min(0, 'priceCents must not be negative')
  .max(PRICE_MAX_CENTS, `priceCents must be at most ${PRICE_MAX_CENTS}`);
const stock = z.int('stock must be an integer').min(0, 'stock must not be negative');
const quantity = z
  .int('quantity must be an integer')
  .min(1, 'quantity must be at least 1')
  .max(QUANTITY_MAX, `quantity must be at most ${QUANTITY_MAX}`);

// Fields that are not listed (`id`, `url`, anything else) are dropped, not stored.
export const createProductSchema = z.object(
  { name, description: description.optional(), priceCents, stock: stock.optional() },
  NOT_AN_OBJECT,
);

export const updateProductSchema = z
  .object(
    {
      name: name.optional(),
      description: description.optional(),
      priceCents: priceCents.optional(),
      stock: stock.optional(),
    },
    NOT_AN_OBJECT,
  )
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Send at least one of: name, description, priceCents, stock.',
  );

export const addItemSchema = z.object(
  { productId: z.string().regex(/^[0-9a-f]{24}$/i, 'productId must be a product id'), quantity },
  NOT_AN_OBJECT,
);

export const setQuantitySchema = z.object({ quantity }, NOT_AN_OBJECT);

// `?q=a&q=b` arrives as an array: one search text only.
const listProductsQuerySchema = z.object({
  q: z.string('q must be given once').max(200, 'q must be at most 200 characters').optional(),
});

/** Checks `req.query`; a bad query string is a 400 Bad Request with the parameter at fault. */
export function parseListQuery(query: unknown): z.infer<typeof listProductsQuerySchema> {
  const result = listProductsQuerySchema.safeParse(query);
  if (result.success) return result.data;
  throw new HttpError(
    400,
    'invalid_query',
    'The query string is not valid for this endpoint.',
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
