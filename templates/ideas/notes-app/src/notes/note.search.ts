// Turns the list's query string into a MongoDB filter. `?q=` is a plain-text search written as
// a `$regex`: the client's text must be escaped first, or `?q=.*` matches everything, `?q=(`
// is a server error, and a crafted pattern like `(a+)+$` can keep the database busy for
// seconds on a single request (a "ReDoS").
import mongoose, { type QueryFilter } from 'mongoose';
import type { Note } from './note.model.js';

/** The list's filters, already checked (note.schemas.ts). */
export interface NoteSearch {
  tag?: string | undefined;
  q?: string | undefined;
}

/** `a.b (c)` → `a\.b \(c\)`: every character that means something in a regex, made literal. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function noteFilter({ tag, q }: NoteSearch): QueryFilter<Note> {
  const filter: QueryFilter<Note> = {};
  if (tag !== undefined) filter.tags = tag;
  if (q !== undefined && q !== '') {
    // `trusted()`: this operator object was built here from escaped text, not sent by a client.
    // With Mongoose's `sanitizeFilter` on (the advanced stage turns it on against operator
    // injection like `?q[$ne]=`), every other `$` object in a filter is neutralised.
    const pattern = mongoose.trusted({ $regex: escapeRegex(q), $options: 'i' });
    filter.$or = [{ title: pattern }, { content: pattern }];
  }
  return filter;
}
