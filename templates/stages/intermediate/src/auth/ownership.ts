// Authorization for one document: may this user touch it? Call it on EVERY route that takes an
// id, after loading the document. Forgetting it on one route is the most exploited API flaw
// there is (OWASP API1, "broken object level authorization"): any logged-in user could read or
// change anyone's data by trying ids.
import type { Types } from 'mongoose';
import { forbidden, type AuthUser } from './require-auth.js';
import { notFound } from '../http/errors.js';

export interface AccessOptions {
  /**
   * What others get: `forbidden` (403, the document exists but is not yours: some public
   * contracts ask for it) or `not-found` (404, does not even confirm that the id exists; the
   * safer default).
   */
  otherwise?: 'forbidden' | 'not-found';
  /** What to call the document in the 404 message. */
  what?: string;
}

export function isOwner(user: AuthUser, owner: Types.ObjectId | string): boolean {
  return owner.toString() === user.id;
}

/** Throws 403 or 404 unless `user` owns the document or is an admin. */
export function assertCanAccess(
  user: AuthUser,
  owner: Types.ObjectId | string,
  { otherwise = 'not-found', what = 'item' }: AccessOptions = {},
): void {
  if (user.role === 'admin' || isOwner(user, owner)) return;
  throw otherwise === 'forbidden' ? forbidden() : notFound(`No ${what} with this id`);
}
