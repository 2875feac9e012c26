// How part 4 fills a running CRUD starter with data and finds what to load, from the starter's
// own smoke steps (the `smoke` lists of its layer manifests, which the verify matrix keeps
// working): the steps before the first POST to the collection register and log in where the
// stage has accounts; that POST, repeated with numbered titles, adds the items through the API
// (so every stage's data has its owner, slug and defaults as the starter makes them); the first
// later GET of what it created gives the get-by-id URL and its headers.
import { join } from 'node:path';
import { STAGE_IDS, type IdeaId, type StageId } from '../generators/catalog.ts';
import { loadStarterManifest, type SmokeStep } from '../generators/manifest.ts';
import { callStep, placeholderNames, substitute, substituteDeep } from '../scripts/verify/smoke.ts';
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

/**
 * The URL of one created item itself: its captured Location (`${todo}`) or the route and a
 * captured id or slug (`/api/articles/${slug}`); not a sub-resource such as its receipt.
 */
export function isItemUrl(path: string, route: string, captured: ReadonlySet<string>): boolean {
  return placeholderNames(path).some(
    (name) => captured.has(name) && (path === `\${${name}}` || path === `${route}/\${${name}}`),
  );
}

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

/** What seeding a stage takes, read from its smoke steps: no call made yet. */
export interface SeedPlan {
  route: string;
  /** Run first, in order: registration and login where the stage has accounts. */
  prelude: SmokeStep[];
  /** Only an admin creates items: make the registered user one, then log in again. */
  admin?: { script: string; email: string; relogin: SmokeStep[] };
  /** The POST that adds one item, with what it captures of the new item. */
  create: SmokeStep & { capture: Record<string, string> };
  /** The first read of a created item; none means `route/<id>`. */
  read: SmokeStep | undefined;
  /** Whether the stage pages its list (then one page as large as the seed is read). */
  pages: boolean;
}

export function planSeeding(idea: IdeaId, stage: StageId): SeedPlan {
  const steps = loadStarterManifest(idea, stage, join(repoDir, 'templates')).smoke;
  const bench = crudBench(idea);
  const route = bench.route(stage);
  const admin = needsAdmin(idea, stage);
  const posts = (step: SmokeStep) => step.method.toUpperCase() === 'POST' && step.path === route;
  // The smoke steps create an item with a 201; where only an admin may, they try it as a plain
  // user (and expect 403): the same call, made once the user is an admin.
  const createAt = steps.findIndex(
    (step) => posts(step) && (step.status === 201 || (admin && step.headers !== undefined)),
  );
  const create = steps[createAt];
  if (!create) throw new Error(`${idea} ${stage}: its smoke steps never POST to ${route}`);
  const prelude = steps.slice(0, steps.findIndex(posts));
  const capture = create.capture ?? { id: 'json:id' };
  const captured = new Set(Object.keys(capture));
  const read = steps
    .slice(createAt + 1)
    .find(
      (step) =>
        step.method.toUpperCase() === 'GET' &&
        step.status === 200 &&
        isItemUrl(step.path, route, captured),
    );
  const plan: SeedPlan = {
    route,
    prelude,
    create: { ...create, status: 201, capture },
    read,
    pages: steps.some((step) => pathOf(step.path) === route && /[?&]limit=/.test(step.path)),
  };
  if (admin) {
    const register = prelude.find((step) => /register|users$/.test(pathOf(step.path)));
    const email = (register?.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') {
      throw new Error(`${idea} ${stage}: no registration step to make an admin of`);
    }
    // The role travels in the token: the steps that captured what the POST's headers use.
    const used = new Set(Object.values(create.headers ?? {}).flatMap(placeholderNames));
    plan.admin = {
      script: bench.adminScript?.script ?? '',
      email,
      relogin: prelude.filter((step) =>
        Object.keys(step.capture ?? {}).some((name) => used.has(name)),
      ),
    };
  }
  return plan;
}

export async function seedThroughSmoke(options: SeedOptions): Promise<LoadTarget> {
  const { baseUrl, count } = options;
  const plan = planSeeding(options.idea, options.stage);
  const values = new Map<string, string>();
  for (const step of plan.prelude) await mustCall(baseUrl, step, values);
  if (plan.admin) {
    await options.runScript(plan.admin.script, [plan.admin.email]);
    for (const step of plan.admin.relogin) await mustCall(baseUrl, step, values);
  }

  const middle = Math.floor(count / 2);
  let created: ReadonlyMap<string, string> = values;
  for (let n = 1; n <= count; n += 1) {
    const mine = new Map(values);
    await mustCall(baseUrl, { ...plan.create, body: numbered(plan.create.body, n) }, mine);
    if (n === middle + 1) created = mine;
  }

  const getPath = plan.read
    ? new URL(substitute(plan.read.path, created), baseUrl)
    : new URL(`${plan.route}/${encodeURIComponent(created.get('id') ?? '')}`, baseUrl);
  const headers = substituteDeep(plan.read?.headers ?? plan.create.headers ?? {}, created);
  return {
    listPath: plan.pages ? `${plan.route}?limit=${count}` : plan.route,
    getPath: getPath.pathname + getPath.search,
    headers: Object.entries(headers as Record<string, string>).map(
      ([name, value]) => `${name}=${value}`,
    ),
  };
}
