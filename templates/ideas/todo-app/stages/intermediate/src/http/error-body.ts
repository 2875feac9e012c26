// The JSON body of every error response. This API follows the roadmap.sh "Todo List API"
// contract, whose errors are a plain message: `{ "message": "Unauthorized" }`,
// `{ "message": "Forbidden" }`. Validation errors add the problem fields:
//
//   { "message": "The request body is not valid for this endpoint.",
//     "errors": [{ "path": "title", "message": "Too small: expected string to have >=1 characters" }] }
//
// The status code still says what happened; errors.ts decides it, this module only shapes the
// body (the base version of this file nests everything under "error", with a machine code).

import type { ErrorDetail, ErrorInfo } from './error-info.js';

export interface ErrorBody {
  message: string;
  errors?: ErrorDetail[];
}

export function errorBody({ message, details }: ErrorInfo): ErrorBody {
  return details ? { message, errors: details } : { message };
}
