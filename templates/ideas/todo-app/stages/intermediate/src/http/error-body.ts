// The JSON body of every error response. This API follows the roadmap.sh "Todo List API"
// contract, whose errors are a plain message: `{ "message": "Unauthorized" }`,
// `{ "message": "Forbidden" }`. Validation errors add the problem fields:
//
//   { "message": "The request body is not valid for this endpoint.",
//     "errors": [{ "path": "title", "message": "Too small: expected string to have >=1 characters" }] }
//
// The status code still says what happened; errors.ts decides it, this module only shapes the
// body (the base version of this file nests everything under "error", with a machine code).

export interface ErrorDetail {
  /** Where the problem is, e.g. `title`. Empty for the body as a whole. */
  path: string;
  message: string;
}

/** What errors.ts knows about a failure when it answers. */
export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[] | undefined;
}

export interface ErrorBody {
  message: string;
  errors?: ErrorDetail[];
}

export function errorBody({ message, details }: ErrorInfo): ErrorBody {
  return details ? { message, errors: details } : { message };
}
