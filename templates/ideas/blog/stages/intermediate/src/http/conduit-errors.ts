// The two errors the Conduit routes throw about a resource, with the key the contract expects:
// the kind of thing (`article`, `comment`, `profile`), so a frontend knows what is missing or
// not theirs.
import { HttpError } from './errors.js';

/** 404: no such article, comment or profile. */
export function missing(resource: string): HttpError {
  return new HttpError(404, 'not_found', `No such ${resource}.`, [
    { path: resource, message: 'not found' },
  ]);
}

/** 403: it exists, it is not yours. */
export function notYours(resource: string): HttpError {
  return new HttpError(403, 'forbidden', `Only its author may change this ${resource}.`, [
    { path: resource, message: 'forbidden' },
  ]);
}

/** 409: a unique value (a username, an email, an article's slug) someone else already has. */
export function taken(field: string): HttpError {
  return new HttpError(409, 'conflict', `This ${field} is already taken.`, [
    { path: field, message: 'has already been taken' },
  ]);
}
