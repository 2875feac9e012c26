// Every answer of the API tests is checked against the Conduit contract
// (test/contract/conduit.schema.json) with ajv, a real JSON Schema validator: which schema an
// answer must match follows from its method, path and status, as in the contract's OpenAPI
// document. Use `conduit(useApi())` instead of `useApi()` and the check runs on every request:
//
//   const api = conduit(useApi());
//   const res = await api.post('/api/users').send({ user: { … } }); // fails on a wrong body
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type request from 'supertest';
import type { Response } from 'supertest';

const document = JSON.parse(
  readFileSync(new URL('./contract/conduit.schema.json', import.meta.url), 'utf8'),
) as { $id: string };

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(document);

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Method, path and the schema of its success answer (undefined: 204, no body). */
const ROUTES: [Method, RegExp, string | undefined][] = [
  ['POST', /^\/api\/users(\/login)?$/, 'UserResponse'],
  ['GET', /^\/api\/user$/, 'UserResponse'],
  ['PUT', /^\/api\/user(\/image)?$/, 'UserResponse'],
  ['GET', /^\/api\/profiles\/[^/]+$/, 'ProfileResponse'],
  ['POST', /^\/api\/profiles\/[^/]+\/follow$/, 'ProfileResponse'],
  ['DELETE', /^\/api\/profiles\/[^/]+\/follow$/, 'ProfileResponse'],
  ['GET', /^\/api\/articles(\/feed)?$/, 'MultipleArticlesResponse'],
  ['POST', /^\/api\/articles$/, 'SingleArticleResponse'],
  ['GET', /^\/api\/articles\/[^/]+$/, 'SingleArticleResponse'],
  ['PUT', /^\/api\/articles\/[^/]+$/, 'SingleArticleResponse'],
  ['DELETE', /^\/api\/articles\/[^/]+$/, undefined],
  ['POST', /^\/api\/articles\/[^/]+\/favorite$/, 'SingleArticleResponse'],
  ['DELETE', /^\/api\/articles\/[^/]+\/favorite$/, 'SingleArticleResponse'],
  ['GET', /^\/api\/articles\/[^/]+\/comments$/, 'MultipleCommentsResponse'],
  ['POST', /^\/api\/articles\/[^/]+\/comments$/, 'SingleCommentResponse'],
  ['DELETE', /^\/api\/articles\/[^/]+\/comments\/[^/]+$/, undefined],
  ['GET', /^\/api\/tags$/, 'TagsResponse'],
];

/** Throws, with every problem ajv found, unless `body` matches the named schema. */
export function assertMatches(schema: string, body: unknown): void {
  const validate = ajv.getSchema(`${document.$id}#/definitions/${schema}`);
  if (!validate) throw new Error(`No schema ${schema} in conduit.schema.json`);
  if (!validate(body)) {
    throw new Error(
      `The answer is not a Conduit ${schema}: ${ajv.errorsText(validate.errors)}\n` +
        JSON.stringify(body),
    );
  }
}

/** supertest's `.expect(fn)` callback: the answer must be what the contract says. */
export function matchesContract(res: Response): void {
  const req = res.request as unknown as { method: string; url: string };
  const method = req.method.toUpperCase() as Method;
  const path = new URL(req.url).pathname;
  const route = ROUTES.find(([m, pattern]) => m === method && pattern.test(path));
  if (!route) throw new Error(`${method} ${path} is not a Conduit route`);
  if (res.status >= 400) {
    assertMatches('GenericErrorModel', res.body);
    return;
  }
  const schema = route[2];
  if (schema === undefined) {
    if (res.status !== 204 || res.text !== '') {
      throw new Error(`${method} ${path}: expected 204 without a body, got ${res.status}`);
    }
    return;
  }
  if (!/^application\/json/.test(String(res.headers['content-type']))) {
    throw new Error(`${method} ${path}: the answer is not JSON`);
  }
  assertMatches(schema, res.body);
}

type Api = () => ReturnType<typeof request>;

/** The API of useApi(), with the contract checked on every answer. */
export function conduit(api: Api) {
  return {
    get: (url: string) => api().get(url).expect(matchesContract),
    post: (url: string) => api().post(url).expect(matchesContract),
    put: (url: string) => api().put(url).expect(matchesContract),
    delete: (url: string) => api().delete(url).expect(matchesContract),
  };
}
