// A cart's lines and total, computed in code from the populated products. Integer cents all the
// way, so the sum is exact. (An aggregation pipeline could do this in the database, but $multiply
// is one of the operators FerretDB does not have, and a cart is small enough to add up here.)

/** What the cart needs to know of a product to price a line. */
export interface PricedProduct {
  id: string;
  name: string;
  priceCents: number;
}

export interface CartLine {
  productId: string;
  name: string;
  priceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export function cartLines(items: { product: PricedProduct; quantity: number }[]): CartLine[] {
  return items.map(({ product, quantity }) => ({
    productId: product.id,
    name: product.name,
    priceCents: product.priceCents,
    quantity,
    lineTotalCents: product.priceCents * quantity,
  }));
}

export function cartTotalCents(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
}
