// The JSON body of every error response. This API follows the RealWorld "Conduit" contract, whose
// errors are one object of field → messages:
//
//   422 { "errors": { "title": ["Too small: expected string to have >=1 characters"] } }
//   409 { "errors": { "username": ["has already been taken"] } }
//   401 { "errors": { "token": ["Unauthorized"] } }
//   404 { "errors": { "article": ["not found"] } }
//
// Conduit frontends show these messages next to the form field of the same name, so a field's
// path is written without the envelope (`user.email` → `email`). errors.ts still decides the
// status; this module only shapes the body (the base version of this file nests everything
// under "error", with a machine code).

import type { ErrorInfo } from './error-info.js';

export interface ErrorBody {
  errors: Record<string, string[]>;
}

/** The request envelopes of the contract: `{ "user": { … } }`, `{ "article": { … } }`. */
const ENVELOPES = new Set(['user', 'article', 'comment']);

function fieldOf(path: string): string {
  const [first, ...rest] = path.split('.');
  const field = first !== undefined && ENVELOPES.has(first) && rest.length > 0 ? rest : [first];
  return field.join('.') || 'body';
}

/** Errors without field details get the key the contract uses for them. */
function keyOf(code: string): string {
  if (code === 'unauthorized') return 'token';
  if (code === 'not_found' || code === 'forbidden') return 'resource';
  return 'body';
}

export function errorBody({ code, message, details }: ErrorInfo): ErrorBody {
  // A Map, then Object.fromEntries: a client's field named `__proto__` stays a plain key.
  const errors = new Map<string, string[]>();
  const entries =
    details && details.length > 0
      ? details.map((detail) => [fieldOf(detail.path), detail.message] as const)
      : [[keyOf(code), message] as const];
  for (const [field, text] of entries) errors.set(field, [...(errors.get(field) ?? []), text]);
  return { errors: Object.fromEntries(errors) };
}
