// A product's picture, in a collection of its own that points at the product. Product lists are
// read all the time and must stay small; the image bytes are read only when a browser asks for
// that one picture. `unique` on `product`: one image per product, replaced on a new upload.
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

const productImageSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true, unique: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    // At most IMAGE_MAX_BYTES (src/shop/product.routes.ts). Left out of queries unless asked for.
    data: { type: Buffer, required: true, select: false },
  },
  { timestamps: true },
);

export type ProductImage = InferSchemaType<typeof productImageSchema>;
export type ProductImageDocument = HydratedDocument<ProductImage>;

export const ProductImageModel = model('ProductImage', productImageSchema);
