// What errors.ts knows about a failure when it answers, for error-body.ts to put on the wire.
// The types live apart from error-body.ts so that an idea replacing the body's format (a
// published contract) replaces only how it looks, never what it is given.

export interface ErrorDetail {
  /** Where the problem is, e.g. `title`, `items.2.price` or `user.email`. Empty for the body as a whole. */
  path: string;
  message: string;
}

export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[] | undefined;
}
