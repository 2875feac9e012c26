// OpenAPI (https://spec.openapis.org/oas/v3.1.0): a machine-readable description of the API that
// tools turn into documentation, client code and tests. Each router describes its own routes
// next to their code with `describeRoutes`, reusing the zod schemas that validate the requests,
// so the document cannot drift from what the API accepts. src/openapi.ts puts the routers'
// descriptions together under their mount paths; `npm test -- openapi` fails when a route and
// the document disagree.
import type { Router } from 'express';
import { z } from 'zod';
import { SECURITY_SCHEME_NAME } from '../auth/auth-scheme.js';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export interface Operation {
  summary: string;
  /** True when the route needs a token (`Authorization: Bearer <token>`, see auth-scheme.ts). */
  auth?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `multipart/form-data` with one file field of this name, instead of a JSON body. */
  file?: string;
  /** Status code → what it means here. */
  responses: Record<number, string>;
}

export type RouteDocs = Record<string, Partial<Record<Method, Operation>>>;

const described = new WeakMap<Router, RouteDocs>();

/** Documents routes of `router`, with paths as the router sees them (`/`, `/:id`). */
export function describeRoutes(router: Router, docs: RouteDocs): void {
  described.set(router, { ...described.get(router), ...docs });
}

export interface Mount {
  path: string;
  router: Router;
}

/** `/todos` + `/:id` → `/todos/{id}` (OpenAPI writes path parameters in braces). */
export function joinPath(mount: string, path: string): string {
  const joined = `${mount.replace(/\/$/, '')}${path === '/' ? '' : path}` || '/';
  return joined.replace(/:(\w+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType) {
  // `input`: what the client sends (before defaults and conversions).
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/**
 * What any route with a body can answer before its handler runs, so each route need not repeat
 * it (and the document never forgets it): the body parser's 400 and 413, and validation's 422.
 */
function bodyResponses(operation: Operation): Record<number, string> {
  const responses: Record<number, string> = {
    400: operation.file
      ? 'The multipart/form-data body could not be read'
      : 'The body is not a JSON object (or not JSON at all)',
    413: 'The body is too large',
  };
  if (operation.body) responses[422] = 'The body does not match the schema';
  return responses;
}

function operationObject(path: string, operation: Operation) {
  const parameters = [
    ...[...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema: jsonSchema(schema as z.ZodType),
    })),
  ];
  const content = operation.file
    ? {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [operation.file],
            properties: { [operation.file]: { type: 'string', format: 'binary' } },
          },
        },
      }
    : operation.body && { 'application/json': { schema: jsonSchema(operation.body) } };
  return {
    summary: operation.summary,
    ...(operation.auth && { security: [{ [SECURITY_SCHEME_NAME]: [] }] }),
    ...(parameters.length > 0 && { parameters }),
    ...(content && { requestBody: { required: true, content } }),
    responses: Object.fromEntries(
      Object.entries({ ...(content && bodyResponses(operation)), ...operation.responses }).map(
        ([status, description]) => [status, { description }],
      ),
    ),
  };
}

/** The `paths` of the OpenAPI document for routers mounted at these paths. */
export function buildPaths(mounts: Mount[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path: mountPath, router } of mounts) {
    for (const [path, operations] of Object.entries(described.get(router) ?? {})) {
      const fullPath = joinPath(mountPath, path);
      for (const [method, operation] of Object.entries(operations)) {
        paths[fullPath] = { ...paths[fullPath], [method]: operationObject(fullPath, operation) };
      }
    }
  }
  return paths;
}

/** Every `METHOD /path` a mounted router really handles, read from Express's own route table. */
export function routesOf(mounts: Mount[]): string[] {
  const routes = mounts.flatMap(({ path: mountPath, router }) =>
    router.stack.flatMap((layer) => {
      const route = layer.route as
        { path?: unknown; methods?: Record<string, boolean> } | undefined;
      if (!route || typeof route.path !== 'string') return [];
      const fullPath = joinPath(mountPath, route.path);
      return Object.keys(route.methods ?? {})
        .filter((method) => (METHODS as readonly string[]).includes(method))
        .map((method) => `${method.toUpperCase()} ${fullPath}`);
    }),
  );
  // One path may be registered more than once (e.g. `router.route('/').get(…)` and `.post(…)`).
  return [...new Set(routes)];
}

/** Every `METHOD /path` the document describes. */
export function documentedRoutes(paths: Record<string, Record<string, unknown>>): string[] {
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}
