// How part 4 fills a running CRUD starter with data and finds what to load, from the starter's
// own smoke steps (the `smoke` lists of its layer manifests, which the verify matrix keeps
// working): the steps before the first POST to the collection register and log in where the
// stage has accounts; that POST, repeated with numbered titles, adds the items through the API
// (so every stage's data has its owner, slug and defaults as the starter makes them); the first
// later GET of what it created gives the get-by-id URL and its headers.
import { join } from 'node:path';
import { STAGE_IDS, type IdeaId, type StageId } from '../generators/catalog.ts';
import { loadStarterManifest, type SmokeStep } from '../generators/manifest.ts';
import { callStep, substitute, substituteDeep } from '../scripts/verify/smoke.ts';
import { crudBench } from './crud-ideas.ts';
import { repoDir } from './lib.ts';

export interface LoadTarget {
  listPath: string;
  getPath: string;
  /** `name=value`, as autocannon's -H takes them. */
  headers: string[];
}

export interface SeedOptions {
  baseUrl: string;
  idea: IdeaId;
  stage: StageId;
  count: number;
  /** Runs one of the starter's npm scripts against its database (the admin bootstrap). */
  runScript: (script: string, args: string[]) => Promise<void>;
}

const pathOf = (path: string) => path.split('?')[0] ?? path;
const namesIn = (text: string) => [...text.matchAll(/\$\{([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1]);

/** The body of the n-th seeded item: the smoke body with its titles and names numbered. */
function numbered(value: unknown, n: number): unknown {
  if (Array.isArray(value)) return value.map((item) => numbered(item, n));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      (key === 'title' || key === 'name') && typeof item === 'string'
        ? `${item} ${n}`
        : numbered(item, n),
    ]),
  );
}

function needsAdmin(idea: IdeaId, stage: StageId): boolean {
  const from = crudBench(idea).adminScript?.from;
  return from !== undefined && STAGE_IDS.indexOf(stage) >= STAGE_IDS.indexOf(from);
}

async function mustCall(baseUrl: string, step: SmokeStep, values: Map<string, string>) {
  const call = await callStep(baseUrl, step, values);
  if (call.error !== undefined) {
    throw new Error(`${step.method} ${step.path}: ${call.error}`);
  }
}

export async function seedThroughSmoke(options: SeedOptions): Promise<LoadTarget> {
  const { baseUrl, idea, stage, count } = options;
  const steps = loadStarterManifest(idea, stage, join(repoDir, 'templates')).smoke;
  const route = crudBench(idea).route(stage);
  const admin = needsAdmin(idea, stage);
  const posts = (step: SmokeStep) => step.method.toUpperCase() === 'POST' && step.path === route;
  // The smoke steps create an item with a 201; where only an admin may, they try it as a plain
  // user (and expect 403): the same call, made once the user is an admin.
  const createAt = steps.findIndex(
    (step) => posts(step) && (step.status === 201 || (admin && step.headers !== undefined)),
  );
  const create = steps[createAt];
  if (!create) throw new Error(`its smoke steps never POST to ${route}`);
  const firstPost = steps.findIndex(posts);
  const prelude = steps.slice(0, firstPost);

  const values = new Map<string, string>();
  for (const step of prelude) await mustCall(baseUrl, step, values);
  if (admin) {
    const script = crudBench(idea).adminScript?.script ?? '';
    const register = prelude.find((step) => /register|users$/.test(pathOf(step.path)));
    const email = (register?.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') throw new Error('no registration step to make an admin of');
    await options.runScript(script, [email]);
    // The role travels in the token: log in again for one that says admin.
    const used = new Set(Object.values(create.headers ?? {}).flatMap(namesIn));
    for (const step of prelude) {
      if (Object.keys(step.capture ?? {}).some((name) => used.has(name))) {
        await mustCall(baseUrl, step, values);
      }
    }
  }

  const capture = create.capture ?? { id: 'json:id' };
  const middle = Math.floor(count / 2);
  let created: ReadonlyMap<string, string> = values;
  for (let n = 1; n <= count; n += 1) {
    const mine = new Map(values);
    await mustCall(
      baseUrl,
      { ...create, status: 201, capture, body: numbered(create.body, n) },
      mine,
    );
    if (n === middle + 1) created = mine;
  }

  const captured = new Set(Object.keys(capture));
  const reads = steps
    .slice(createAt + 1)
    .find(
      (step) =>
        step.method.toUpperCase() === 'GET' &&
        step.status === 200 &&
        namesIn(step.path).some((name) => captured.has(name ?? '')),
    );
  const getPath = reads
    ? substitute(reads.path, created)
    : `${route}/${encodeURIComponent(created.get('id') ?? '')}`;
  const headers = substituteDeep(reads?.headers ?? create.headers ?? {}, created) as Record<
    string,
    string
  >;
  // A stage that pages its lists: one page as large as the seed, so every stage reads it all.
  const pages = steps.some((step) => pathOf(step.path) === route && /[?&]limit=/.test(step.path));
  return {
    listPath: pages ? `${route}?limit=${count}` : route,
    getPath: new URL(getPath, baseUrl).pathname + new URL(getPath, baseUrl).search,
    headers: Object.entries(headers).map(([name, value]) => `${name}=${value}`),
  };
}
