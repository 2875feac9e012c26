// The two date conditions every token lookup of this API needs, in one place. Each returns a
// MongoDB operator object (`{ $gt: now }`) built here, never from client input, and marked
// `trusted` so that Mongoose's `sanitizeFilter` (switched on at the advanced stage against
// NoSQL injection, see src/security/headers.ts there) lets it through as an operator.
import mongoose from 'mongoose';

/** `expiresAt` still in the future: the token or session is live. */
export function notExpired(now = new Date()) {
  return mongoose.trusted({ $gt: now });
}

/** `expiresAt` reached: what a sweep deletes. */
export function expired(now = new Date()) {
  return mongoose.trusted({ $lte: now });
}
