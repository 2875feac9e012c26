// What a product is, as stored in MongoDB. Mongoose checks every document against this schema
// before saving it, and gives you typed documents back.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const NAME_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 5000;
/** 10 000 000 cents = 100 000.00: a sanity ceiling, so a typo cannot list a product at 1e15. */
export const PRICE_MAX_CENTS = 10_000_000;

const productSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: NAME_MAX_LENGTH },
    // Optional: '' when not given. (`required` would refuse '', so it is not set.)
    description: { type: String, default: '', maxlength: DESCRIPTION_MAX_LENGTH },
    // Money is an integer number of cents, never a float: 0.1 + 0.2 !== 0.3 in JavaScript, and a
    // shop that adds up floats ends up charging 29.999999999999996.
    priceCents: {
      type: Number,
      required: true,
      min: 0,
      max: PRICE_MAX_CENTS,
      validate: { validator: Number.isInteger, message: 'priceCents must be an integer' },
    },
    // How many are left. Never negative: the database refuses it even if a route forgets.
    stock: {
      type: Number,
      required: true,
      min: 0,
      default: 0,
      validate: { validator: Number.isInteger, message: 'stock must be an integer' },
    },
  },
  {
    // createdAt and updatedAt, maintained by Mongoose.
    timestamps: true,
  },
);

// The list is sorted by name; an index lets MongoDB read products in that order.
productSchema.index({ name: 1, _id: 1 });

export type Product = InferSchemaType<typeof productSchema>;
export type ProductDocument = HydratedDocument<Product>;

export const ProductModel = model('Product', productSchema);
