// Turns the product list's `?q=` into a MongoDB filter. It is a plain-text search written as a
// `$regex`, so the client's text must be escaped first: otherwise `?q=.*` matches everything,
// `?q=(` is a server error, and a crafted pattern like `(a+)+$` can keep the database busy for
// seconds on one request (a "ReDoS").
import mongoose, { type QueryFilter } from 'mongoose';
import type { Product } from './product.model.js';

/** `a.b (c)` → `a\.b \(c\)`: every character that means something in a regex, made literal. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function productFilter(q: string | undefined): QueryFilter<Product> {
  if (q === undefined || q === '') return {};
  // `trusted()`: this operator object was built here from escaped text, not sent by a client.
  // With Mongoose's `sanitizeFilter` on (the advanced stage turns it on against operator
  // injection like `?q[$ne]=`), every other `$` object in a filter is neutralised.
  const pattern = mongoose.trusted({ $regex: escapeRegex(q), $options: 'i' });
  return { $or: [{ name: pattern }, { description: pattern }] };
}
