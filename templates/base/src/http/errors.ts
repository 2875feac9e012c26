// How every failure becomes an HTTP response. Route handlers never build error responses
// themselves: they throw (or let a rejected promise escape; Express 5 catches both) and the
// `errorHandler` below, registered last in app.ts, turns the error into a status code and one
// consistent JSON body, shaped by error-body.ts.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { z } from 'zod';
// exercise:start ignoring-security
import { config } from '../config.js';
// exercise:else
// exercise:end
import { errorBody } from './error-body.js';
import type { ErrorDetail } from './error-info.js';

export type { ErrorDetail } from './error-info.js';

/** An error that already knows its HTTP status. Throw it from a handler. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(status: number, code: string, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}

// exercise:start skipping-http-basics
/** Registered after every route: nothing matched, so the answer is 404, in the same shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`Nothing here: ${req.method} ${req.path}`));
};
// exercise:else
// // TODO(mistake:skipping-http-basics): Exercise: a URL that matches no route gets 200 and a
// // message here. Browsers, caches, monitors and client code read the status code, not the text:
// // to them this page exists, so a typo in a client's URL looks like success and an empty answer
// // gets cached. Answer 404 in the API's error format instead: pass `notFound(…)` to `next`, the
// // way route handlers throw it, and the error handler below does the rest. `npm run exercises`
// // checks it (exercises/app.test.ts: an unknown URL is a 404 with the JSON error body).
// export const notFoundHandler: RequestHandler = (req, res) => {
//   res.json({ message: `Nothing here: ${req.method} ${req.path}` });
// };
// exercise:end

/** Errors from Express's body parser carry their own 4xx status and a `type`. */
function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number' &&
    error.status >= 400 &&
    error.status < 500 &&
    'type' in error &&
    typeof error.type === 'string'
  );
}

/**
 * MongoDB's duplicate key error, from a unique index. Test the code, never the message text.
 * Exported: a unique index is also how code lets exactly one of two racing requests win.
 */
export function isDuplicateKeyError(
  error: unknown,
): error is { code: 11000; keyValue?: object; keyPattern?: object } {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/**
 * The database cannot be reached right now (stopped, restarting, network cut). Neither the
 * client's fault nor a bug: 503 Service Unavailable tells clients and load balancers to retry
 * later, where a 500 would say "broken". While it reconnects, Mongoose queues queries and fails
 * them after `bufferTimeoutMS`, so a lost connection is the sign, whatever the error's name.
 */
const socketFailureCodes = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ENOTCONN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Node's system errors for a connection that broke or could not be made. */
function isSocketFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    socketFailureCodes.has(error.code)
  );
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof mongoose.Error.MongooseServerSelectionError) return true;
  // Every network failure (timeouts, a cleared pool) is a MongoNetworkError. Names, not only
  // classes, so a second copy of the driver counts too; ServerClosed and the ones after it are
  // what an operation meets when the server vanished between choosing it and using it.
  if (error instanceof mongoose.mongo.MongoNetworkError) return true;
  const name = error instanceof Error ? error.name : '';
  const lostConnection =
    /^Mongo(Network|NetworkTimeout|PoolCleared|ServerSelection|ServerClosed|TopologyClosed|PoolClosed|NotConnected)Error$/;
  if (lostConnection.test(name)) return true;
  // The driver does not wrap every socket failure: a write to a socket the server has just
  // closed can reach the handler as Node's own error ("This socket has been ended by the other
  // party", code EPIPE) while Mongoose still reports "connected". A backing service's socket
  // failing is an outage, not a bug.
  if (isSocketFailure(error)) return true;
  if (error instanceof Error && error.cause !== undefined && isDatabaseUnavailable(error.cause)) {
    return true;
  }
  return mongoose.connection.readyState !== mongoose.ConnectionStates.connected;
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;

  // The body was valid JSON but not what the endpoint accepts: 422 Unprocessable Content.
  if (error instanceof z.ZodError) {
    return new HttpError(
      422,
      'validation_failed',
      'The request body is not valid for this endpoint.',
      error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  if (error instanceof mongoose.Error.ValidationError) {
    return new HttpError(
      422,
      'validation_failed',
      'The data is not valid.',
      Object.values(error.errors).map((problem) => ({
        path: problem.path,
        message: problem.message,
      })),
    );
  }

  // A unique index refused a second document with the same value (MongoDB error 11000, "E11000
  // duplicate key"): the client asked for something that already exists, 409 Conflict. The
  // index, declared in the schema, is what makes this reliable: checking with a `findOne` first
  // still lets two requests at the same moment both pass.
  if (isDuplicateKeyError(error)) {
    const fields = Object.keys(error.keyValue ?? error.keyPattern ?? {});
    return new HttpError(
      409,
      'conflict',
      fields.length > 0 ? `Already taken: ${fields.join(', ')}.` : 'That already exists.',
      fields.map((field) => ({ path: field, message: 'is already taken' })),
    );
  }

  // The body could not even be parsed (broken JSON) or was too large: 400 / 413.
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') {
      return new HttpError(400, 'invalid_json', 'The request body is not a JSON object or array.');
    }
    return new HttpError(error.status, error.type.replaceAll('.', '_'), 'The request was refused.');
  }

  if (isDatabaseUnavailable(error)) {
    return new HttpError(503, 'database_unavailable', 'The database is unavailable; try again.');
  }

  // Anything else is a bug or an outage on our side. Say so without leaking internals: stack
  // traces and database messages help attackers, not clients. Outside production the message
  // is shown to speed up your debugging; the full error is always in the log.
  // exercise:start ignoring-security
  const message =
    !config.isProduction && error instanceof Error ? error.message : 'Something went wrong.';
  // exercise:else
  // // TODO(mistake:ignoring-security): Exercise: every client gets the internal message of a
  // // failure, in production too ("it makes bugs easier to report"). Database addresses, file
  // // paths, query fragments and library versions in an error tell an attacker where to push next
  // // (OWASP API8, security misconfiguration). Show the message only outside production
  // // (`config.isProduction`) and answer 'Something went wrong.' there; the log keeps the full
  // // error. `npm run exercises` checks it (exercises/security.test.ts: no internals in production).
  // const message = error instanceof Error ? error.message : 'Something went wrong.';
  // exercise:end
  return new HttpError(500, 'internal_error', message);
}

export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  // Headers already went out (a stream failed half-way): only Express can end the response.
  if (res.headersSent) {
    next(error);
    return;
  }
  const httpError = toHttpError(error);
  if (httpError.status >= 500) req.log.error({ err: error }, 'Request failed');
  // When to try again (RFC 9110): the database usually comes back within seconds.
  if (httpError.status === 503) res.set('Retry-After', '5');

  res.status(httpError.status).json(errorBody(httpError));
};
