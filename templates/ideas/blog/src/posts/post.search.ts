// Turns `?term=` into a MongoDB filter: a "wildcard" search, case-insensitive, on the title,
// the content or the category. It is written as a `$regex`, so the client's text must be
// escaped first, or `?term=.*` matches everything, `?term=(` is a server error, and a crafted
// pattern like `(a+)+$` can keep the database busy for seconds on one request (a "ReDoS").
import mongoose, { type QueryFilter } from 'mongoose';
import type { Post } from './post.model.js';

/** `a.b (c)` → `a\.b \(c\)`: every character that means something in a regex, made literal. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function postFilter(term: string | undefined): QueryFilter<Post> {
  if (term === undefined || term === '') return {};
  // `trusted()`: this operator object was built here from escaped text, not sent by a client.
  // With Mongoose's `sanitizeFilter` on (the advanced stage turns it on against operator
  // injection like `?term[$ne]=`), every other `$` object in a filter is neutralised.
  const pattern = mongoose.trusted({ $regex: escapeRegex(term), $options: 'i' });
  return { $or: [{ title: pattern }, { content: pattern }, { category: pattern }] };
}
