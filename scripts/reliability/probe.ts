// The security probe: the attacks a learner's API meets first, sent to every operation the
// running starter's OpenAPI document lists, whatever the API is. Schemathesis (fuzz) checks that
// random input is handled as documented; this sends the inputs attackers choose:
//
// - forged tokens on every operation that requires a login: none, `alg: none`, signed with
//   another secret, expired, garbage → 401 each;
// - NoSQL operators in query strings (`?x[$ne]=` and `?x={"$gt":""}`) and in every string field of
//   a JSON body, and hostile path parameters (`not-an-id`, `$ne`, `../../etc/passwd`) → never 5xx;
// - a JSON body over the size limit → 413;
// - in every answer: no stack trace, no JWT secret; at advanced, `X-Content-Type-Options:
//   nosniff` and no `X-Powered-By`.
import { createHmac, randomBytes } from 'node:crypto';
import type { StageId } from '../../generators/catalog.ts';
import type { SuiteResult } from './starters.ts';

interface Parameter {
  name: string;
  in: string;
}
interface OperationDoc {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaDoc }> };
}
interface SchemaDoc {
  type?: string | string[];
  properties?: Record<string, SchemaDoc>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, OperationDoc>>;
  security?: unknown[];
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> };
}

interface Probe {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** True when the answer is what a safe API gives. */
  expect: (status: number) => boolean;
  expected: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const HOSTILE_SEGMENTS = ['not-an-id', '{"$ne":null}', '../../etc/passwd', '0'.repeat(24) + '$'];
const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;
const OVERSIZED_BYTES = 2 * 1024 * 1024;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function hs256(payload: object, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Tokens an attacker tries; the subject is a user id that looks real. */
function forgedTokens(secret: string | undefined): Record<string, string> {
  const sub = randomBytes(12).toString('hex');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, id: sub, role: 'admin', iat: now, exp: now + 3600 };
  const tokens: Record<string, string> = {
    'alg none': `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`,
    'another secret': hs256(claims, randomBytes(32).toString('hex')),
    garbage: 'not.a.token',
  };
  if (secret !== undefined && secret !== '') {
    tokens.expired = hs256({ ...claims, iat: now - 7200, exp: now - 3600 }, secret);
  }
  return tokens;
}

/** `Bearer` for an http bearer scheme; RealWorld's `Token` for an apiKey in Authorization. */
function authWord(document: OpenApiDocument): string {
  const schemes = Object.values(document.components?.securitySchemes ?? {});
  return schemes.some((scheme) => scheme.type === 'http' && scheme.scheme === 'bearer')
    ? 'Bearer'
    : 'Token';
}

function fillPath(path: string, segment: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(segment));
}

function jsonSchema(operation: OperationDoc): SchemaDoc | undefined {
  return operation.requestBody?.content?.['application/json']?.schema;
}

/** A body whose every string field is a query operator instead of a string. */
function injectedBody(schema: SchemaDoc): string {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const types = [property.type].flat();
    if (types.includes('string')) body[name] = { $gt: '' };
    else if (types.includes('object')) body[name] = JSON.parse(injectedBody(property)) as unknown;
  }
  return JSON.stringify(body);
}

export function probesFor(
  document: OpenApiDocument,
  auth: { word: string; token: string | undefined },
  secret: string | undefined,
): Probe[] {
  const probes: Probe[] = [];
  const below500 = (status: number) => status < 500;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const id = `${method.toUpperCase()} ${path}`;
      // A real-looking id, so that an API checking ids before logins still reaches the login.
      const concrete = fillPath(path, '000000000000000000000000');
      const requirements = operation.security ?? document.security ?? [];
      // `{}` among the requirements: the login is optional (a public read that personalises).
      const secured =
        requirements.length > 0 &&
        !requirements.some((entry) => Object.keys(entry as object).length === 0);
      const login: Record<string, string> =
        auth.token === undefined ? {} : { authorization: `${auth.word} ${auth.token}` };
      if (secured) {
        probes.push({
          label: `${id}: no token`,
          method,
          path: concrete,
          expect: (status) => status === 401,
          expected: '401',
        });
        for (const [name, token] of Object.entries(forgedTokens(secret))) {
          probes.push({
            label: `${id}: ${name} token`,
            method,
            path: concrete,
            headers: { authorization: `${auth.word} ${token}` },
            expect: (status) => status === 401,
            expected: '401',
          });
        }
      }
      if (path.includes('{')) {
        for (const segment of HOSTILE_SEGMENTS) {
          probes.push({
            label: `${id}: path parameter ${segment}`,
            method,
            path: fillPath(path, segment),
            headers: { ...login, 'content-type': 'application/json' },
            body: method === 'get' || method === 'delete' ? undefined : '{}',
            expect: below500,
            expected: 'below 500',
          });
        }
      }
      if (method === 'get') {
        const names = (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => parameter.name);
        for (const name of names.length > 0 ? names : ['q']) {
          for (const query of [`${name}[$ne]=x`, `${name}=${encodeURIComponent('{"$gt":""}')}`]) {
            probes.push({
              label: `${id}: ?${decodeURIComponent(query)}`,
              method,
              path: `${fillPath(path, '000000000000000000000000')}?${query}`,
              headers: login,
              expect: below500,
              expected: 'below 500',
            });
          }
        }
      }
      const schema = jsonSchema(operation);
      if (schema !== undefined) {
        probes.push({
          label: `${id}: operators in the JSON body`,
          method,
          path: fillPath(path, '000000000000000000000000'),
          headers: { ...login, 'content-type': 'application/json' },
          body: injectedBody(schema),
          expect: below500,
          expected: 'below 500',
        });
        probes.push({
          label: `${id}: a 2 MB JSON body`,
          method,
          path: fillPath(path, '000000000000000000000000'),
          headers: { ...login, 'content-type': 'application/json' },
          body: JSON.stringify({ filler: 'a'.repeat(OVERSIZED_BYTES) }),
          expect: (status) => status === 413,
          expected: '413',
        });
      }
    }
  }
  return probes;
}

/** Sends every probe; a SuiteResult with one case per probe, and what leaked where. */
export async function securityProbe(
  id: string,
  baseUrl: string,
  document: OpenApiDocument,
  token: string | undefined,
  stage: StageId,
  secret: string | undefined,
): Promise<SuiteResult> {
  const probes = probesFor(document, { word: authWord(document), token }, secret);
  const broke: string[] = [];
  let passed = 0;
  for (const probe of probes) {
    let problem: string | undefined;
    try {
      const response = await fetch(new URL(probe.path.replace(/^\//, ''), baseUrl), {
        method: probe.method.toUpperCase(),
        headers: probe.headers,
        body: probe.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (!probe.expect(response.status)) {
        problem = `${response.status}, expected ${probe.expected}: ${text.slice(0, 160)}`;
      } else if (STACK_TRACE.test(text)) {
        problem = 'a stack trace in the answer';
      } else if (secret !== undefined && secret.length >= 16 && text.includes(secret)) {
        problem = 'the JWT secret in the answer';
      } else if (
        stage === 'advanced' &&
        response.headers.get('x-content-type-options') !== 'nosniff'
      ) {
        problem = 'no X-Content-Type-Options: nosniff';
      } else if (response.headers.has('x-powered-by')) {
        problem = 'X-Powered-By is sent';
      }
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === undefined) passed += 1;
    else broke.push(`${probe.label} → ${problem}`);
  }
  return { suite: `probe ${id}`, tried: probes.length, passed, broke };
}
