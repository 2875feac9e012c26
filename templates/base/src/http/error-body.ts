// The JSON body of every error response, in one place. errors.ts decides the status, the code
// and the message; this module only decides how they look on the wire. An API that must follow
// a published contract (another error format) replaces this one small file, and nothing else
// changes:
//
//   { "error": { "status": 404, "code": "not_found", "message": "…", "details": [ … ] } }
//
// Clients branch on `status` and `code`; `message` is for the humans reading it.

import type { ErrorDetail, ErrorInfo } from './error-info.js';

export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: ErrorDetail[] };
}

export function errorBody({ status, code, message, details }: ErrorInfo): ErrorBody {
  const body: ErrorBody = { error: { status, code, message } };
  if (details) body.error.details = details;
  return body;
}
