// Validation as middleware: `validate({ body, query, params })` checks each part of the request
// against a zod schema before the handler runs, and the handler reads the checked, converted
// values with `.input(req)`:
//
//   const create = validate({ body: createTodoSchema });
//   router.post('/', create, async (req, res) => {
//     const { body } = create.input(req); // typed, and nothing the schema does not allow
//   });
//
// A bad id in the URL names nothing: 404. A bad query string: 400. A bad body: 422. Each with
// one detail per problem field, so a form can show the message next to the right input.
//
// Express 5 note: `req.query` is a getter, read-only; assigning the parsed values to it throws.
// The parsed values are kept beside the request instead (and `req.body` is left as sent).
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { isObjectId } from '../db.js';
import type { ErrorDetail } from './error-info.js';
import { HttpError } from './errors.js';

// TODO(mistake:weak-validation): the tempting version is `Model.create(req.body)` or
// `todo.set(req.body)`, or schemas built with `z.object` (which quietly drops unknown fields in
// one place and lets them through with `.passthrough()` or `.loose()` in the next). A client
// then sends `{ "owner": "<someone else>", "role": "admin" }` and it lands in the database (mass
// assignment), an id like `abc` reaches MongoDB and becomes a 500, and `?limit=1000000` reads
// the whole collection. Use `z.strictObject` for every body and query (unknown fields are an
// error), `objectId` for ids, and limits on every number and string. `npm test -- validate`
// fails when an unknown field, a malformed id or an over-limit page gets through.

/** An ObjectId from the URL or a body: 24 hex digits, or a validation error (never a 500). */
export const objectId = z.string().refine(isObjectId, 'is not a valid id');

/** `{ id }` route parameters. */
export const idParams = z.strictObject({ id: objectId });

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

export type Input<S extends Schemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never;
};

export type Validator<S extends Schemas> = RequestHandler & {
  /** The parsed parts of this request. Only inside a handler that runs after the validator. */
  input(req: Request): Input<S>;
};

/** zod's problems as `{ path, message }` details: one per unknown field, too. */
export function toDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'is not allowed' }));
    }
    return [{ path: at.join('.'), message: issue.message }];
  });
}

const PARTS = [
  // Checked in this order: a URL that names nothing is a 404 whatever the body says.
  { part: 'params', status: 404, code: 'not_found', message: 'No item with this id.' },
  { part: 'query', status: 400, code: 'invalid_query', message: 'The query string is not valid.' },
  {
    part: 'body',
    status: 422,
    code: 'validation_failed',
    message: 'The request body is not valid for this endpoint.',
  },
] as const;

export function validate<S extends Schemas>(schemas: S): Validator<S> {
  const parsed = new WeakMap<Request, Input<S>>();

  const middleware: RequestHandler = (req, _res, next) => {
    const input: Record<string, unknown> = {};
    for (const { part, status, code, message } of PARTS) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part]);
      if (!result.success) throw new HttpError(status, code, message, toDetails(result.error));
      input[part] = result.data;
    }
    parsed.set(req, input as Input<S>);
    next();
  };

  return Object.assign(middleware, {
    input(req: Request): Input<S> {
      const input = parsed.get(req);
      if (!input) throw new Error('validate(): input() called on a route without this validator');
      return input;
    },
  });
}
