// Load and faults for an advanced starter, on databases of the suite's own (fault-services.ts):
//
// 1. steady load: autocannon on a read of the API, bounded in time: zero errors, zero non-2xx;
// 2. Redis killed under load: readiness says so, the process lives, reads keep answering (from
//    MongoDB), and once Redis is back the instance is ready again without a restart;
// 3. MongoDB killed under load: readiness says so, the process lives, clients get 503 (never
//    another 5xx), and it recovers by itself once the database is back;
// 4. SIGTERM under a write load: every request in flight when the signal came completes, the
//    process exits 0, and every write that was answered 201 is still there after a restart.
//
// What to call comes from the starter's own smoke steps (its layer manifests): the steps up to
// the first JSON POST answered 201 log in and create an item, and the item's Location (or the id
// the step captures) is the read. Where they create nothing else that can be read back (an auth
// system, a shop whose products only an admin creates), the writes are sign-ups, each read back
// by logging in as that account. Nothing here knows a particular API.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IdeaId, StageId } from '../../generators/catalog.ts';
import { loadStarterManifest, type SmokeStep } from '../../generators/manifest.ts';
import { isAlive, run, signalGroup, type Started } from '../verify/processes.ts';
import { resolveUrl, runSmoke, substitute, substituteDeep } from '../verify/smoke.ts';
import {
  ferretdbBinary,
  redisBinary,
  startFerretdb,
  startRedis,
  type RestartableService,
} from './fault-services.ts';
import { errorCode, send, startLoad, summarize, type HttpCall, type Outcome } from './load.ts';
import { boot, type StarterContext, type SuiteResult } from './starters.ts';

interface Case {
  name: string;
  ok: boolean;
  detail: string;
}

/** The calls the phases make, found in the smoke steps. */
interface Calls {
  read: HttpCall;
  /** A fresh JSON create for write number n, and how to find what it created. */
  write: ((n: number) => HttpCall) | undefined;
  /** How to read back what a write created: a GET, with its own headers; undefined if unknown. */
  locate: (
    call: HttpCall,
    answer: { headers: Record<string, unknown>; body: string },
  ) => HttpCall | undefined;
}

const IN_FLIGHT_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes the fields that must be unique (titles, names, emails) differ between writes. */
function uniquify(value: unknown, n: number, key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'email') return value.replace('@', `+${n}@`);
    // A hyphen, not a space: names are often restricted to letters, digits and hyphens.
    if (['title', 'name', 'username', 'slug'].includes(key)) return `${value}-${n}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => uniquify(item, n));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, uniquify(item, n, name)]),
    );
  }
  return value;
}

function isJsonCreate(step: SmokeStep): boolean {
  return step.method.toUpperCase() === 'POST' && step.status === 201 && step.body !== undefined;
}

/**
 * A sign-up to stand for the writes when the smoke steps create nothing else that can be read
 * back (auth-system, ecommerce): the first JSON create answered 201, and the first later login
 * (a POST answered 200 whose body's fields all come from the sign-up's body), which proves the
 * account was stored: its password hash is checked against it.
 */
function signUpSteps(steps: readonly SmokeStep[]): { create: number; login: number } | undefined {
  for (const [create, step] of steps.entries()) {
    if (!isJsonCreate(step)) continue;
    const login = steps.findIndex(
      (later, index) =>
        index > create &&
        later.method.toUpperCase() === 'POST' &&
        later.status === 200 &&
        later.body !== undefined &&
        fieldsFrom(later.body, step.body),
    );
    if (login !== -1) return { create, login };
  }
  return undefined;
}

/** Every leaf field of `shape` (nested objects too) is also in `source`. */
function fieldsFrom(shape: unknown, source: unknown): boolean {
  if (shape === null || typeof shape !== 'object') return true;
  if (source === null || typeof source !== 'object') return false;
  return Object.entries(shape).every(
    ([key, value]) => key in source && fieldsFrom(value, (source as Record<string, unknown>)[key]),
  );
}

/** `shape` with each field's value taken from `source`: the login body of one sign-up. */
function valuesFrom(shape: unknown, source: unknown): unknown {
  if (shape === null || typeof shape !== 'object' || source === null || typeof source !== 'object')
    return source;
  return Object.fromEntries(
    Object.entries(shape).map(([key, value]) => [
      key,
      valuesFrom(value, (source as Record<string, unknown>)[key]),
    ]),
  );
}

/**
 * The create whose item can be found again: best one answered with a Location header, else one
 * that captures an id or slug (a sign-up that captures a token creates no readable item).
 */
function createStepIndex(steps: readonly SmokeStep[]): number {
  const rules = (step: SmokeStep) => Object.values(step.capture ?? {});
  const withLocation = steps.findIndex(
    (step) => isJsonCreate(step) && rules(step).includes('header:location'),
  );
  if (withLocation !== -1) return withLocation;
  return steps.findIndex(
    (step) =>
      isJsonCreate(step) &&
      rules(step).some((rule) => rule.startsWith('json:') && !/token/i.test(rule)),
  );
}

function pickJson(body: string, path: string): string | undefined {
  let current: unknown;
  try {
    current = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return typeof current === 'string' || typeof current === 'number' ? String(current) : undefined;
}

/** Runs the smoke steps that set up the phases' calls; throws where one of them fails. */
async function setUp(baseUrl: string, steps: readonly SmokeStep[]) {
  const outcome = await runSmoke(baseUrl, steps, () => {});
  if (!outcome.ok) {
    const last = outcome.calls.at(-1);
    throw new Error(`smoke set-up failed at ${last?.step.method} ${last?.url}: ${last?.error}`);
  }
  return outcome.values;
}

/** Write number n: the create `step` again, its unique fields made unique (`uniquify`). */
function writesOf(baseUrl: string, step: SmokeStep, values: ReadonlyMap<string, string>) {
  const headers = Object.fromEntries(
    Object.entries(step.headers ?? {}).map(([name, value]) => [name, substitute(value, values)]),
  );
  const body = substituteDeep(step.body, values);
  const url = resolveUrl(baseUrl, substitute(step.path, values));
  const write = (n: number): HttpCall => ({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(uniquify(body, n)),
  });
  return { write, headers };
}

/** Logs in and creates one item the way the smoke steps do, and derives the phases' calls. */
async function findCalls(baseUrl: string, steps: readonly SmokeStep[]): Promise<Calls> {
  const index = createStepIndex(steps);
  const health: HttpCall = { method: 'GET', url: new URL('health', baseUrl).href, headers: {} };
  if (index === -1) return signUpCalls(baseUrl, steps, health);
  const values = await setUp(baseUrl, steps.slice(0, index + 1));
  const step = steps[index]!;
  const path = substitute(step.path, values);
  const { write, headers } = writesOf(baseUrl, step, values);
  const captures = Object.values(step.capture ?? {});
  const jsonCapture = captures
    .find((rule) => rule.startsWith('json:') && !/token/i.test(rule))
    ?.slice(5);
  const readWith = (url: string): HttpCall => ({ method: 'GET', url, headers });
  const locate: Calls['locate'] = (_call, answer) => {
    const location = answer.headers.location;
    if (typeof location === 'string') return readWith(resolveUrl(baseUrl, location));
    const id = jsonCapture === undefined ? undefined : pickJson(answer.body, jsonCapture);
    return id === undefined
      ? undefined
      : readWith(resolveUrl(baseUrl, `${path.replace(/\/$/, '')}/${id}`));
  };
  const first = await send(write(0));
  const read = first.status === 201 ? locate(write(0), first) : undefined;
  if (read === undefined) return { read: health, write: undefined, locate };
  return { read, write, locate };
}

/**
 * Writes are sign-ups, each read back by logging in as that account. The load stays on /health:
 * an auth system's authenticated reads are meant to fail closed while Redis is down.
 */
async function signUpCalls(
  baseUrl: string,
  steps: readonly SmokeStep[],
  health: HttpCall,
): Promise<Calls> {
  const found = signUpSteps(steps);
  if (found === undefined) return { read: health, write: undefined, locate: () => undefined };
  const values = await setUp(baseUrl, steps.slice(0, found.create));
  const login = steps[found.login]!;
  const { write } = writesOf(baseUrl, steps[found.create]!, values);
  const locate: Calls['locate'] = (call) => ({
    method: 'POST',
    url: resolveUrl(baseUrl, substitute(login.path, values)),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(valuesFrom(login.body, JSON.parse(call.body ?? '{}'))),
  });
  const first = await send(write(0));
  return { read: health, write: first.status === 201 ? write : undefined, locate };
}

async function readiness(baseUrl: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const answer = await send({
      method: 'GET',
      url: new URL('health/ready', baseUrl).href,
      headers: {},
    });
    return { status: answer.status, body: answer.body };
  } catch {
    return undefined;
  }
}

/** Polls readiness until `wanted` holds; the ms it took, or undefined at the timeout. */
async function waitForReadiness(
  baseUrl: string,
  wanted: (answer: { status: number; body: string }) => boolean,
  timeoutMs: number,
): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const answer = await readiness(baseUrl);
    if (answer !== undefined && wanted(answer)) return Math.round(performance.now() - started);
    await sleep(100);
  }
  return undefined;
}

const down = (dependency: string) => (answer: { status: number; body: string }) =>
  answer.status === 503 && new RegExp(`"${dependency}"\\s*:\\s*"down"`).test(answer.body);
const ready = (answer: { status: number }) => answer.status === 200;

/** autocannon, in its own process, as the bench runs it. */
async function autocannon(
  repoDir: string,
  call: HttpCall,
  seconds: number,
): Promise<{ requests: number; errors: number; non2xx: number; rps: number }> {
  const bin = join(repoDir, 'node_modules', 'autocannon', 'autocannon.js');
  const headerArgs = Object.entries(call.headers).flatMap(([name, value]) => [
    '-H',
    `${name}=${value}`,
  ]);
  const child = spawn(
    process.execPath,
    [bin, '-c', '10', '-d', String(seconds), ...headerArgs, '--json', call.url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`autocannon exited ${code}`);
  const data = JSON.parse(out) as {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requests: data.requests.total,
    errors: data.errors + data.timeouts,
    non2xx: data.non2xx,
    rps: Math.round(data.requests.average),
  };
}

async function steadyLoad(repoDir: string, calls: Calls): Promise<Case> {
  const result = await autocannon(repoDir, calls.read, 4);
  return {
    name: 'steady load: no errors, every answer 2xx',
    ok: result.requests > 0 && result.errors === 0 && result.non2xx === 0,
    detail: `${result.requests} requests (${result.rps}/s) on GET ${new URL(calls.read.url).pathname}, ${result.errors} errors, ${result.non2xx} non-2xx`,
  };
}

const between = (outcomes: Outcome[], from: number, to: number) =>
  outcomes.filter((outcome) => outcome.at >= from && outcome.at <= to);

async function redisOutage(
  baseUrl: string,
  server: Started,
  redis: RestartableService,
  calls: Calls,
): Promise<Case[]> {
  const load = startLoad(() => calls.read, 6, 30);
  const started = performance.now();
  await sleep(1500);
  const killedAt = performance.now() - started;
  await redis.kill();
  const noticed = await waitForReadiness(baseUrl, down('redis'), 10_000);
  await sleep(1500);
  const alive = isAlive(server.child);
  const restartedAt = performance.now() - started;
  await redis.restart();
  const recovered = await waitForReadiness(baseUrl, ready, 20_000);
  await sleep(1000);
  load.stop();
  const outcomes = await load.done;
  const during = between(outcomes, killedAt, restartedAt);
  const after = between(outcomes, restartedAt + (recovered ?? 0) + 200, Infinity);
  const served = (list: Outcome[]) =>
    list.every((outcome) => outcome.status !== undefined && outcome.status < 500);
  return [
    {
      name: 'Redis killed: readiness answers 503 naming redis',
      ok: noticed !== undefined,
      detail: noticed === undefined ? 'still ready after 10 s' : `after ${noticed} ms`,
    },
    {
      name: 'Redis killed: the process keeps running',
      ok: alive,
      detail: alive ? 'alive' : 'exited',
    },
    {
      name: 'Redis killed: reads keep answering from MongoDB (no 5xx, no dropped connection)',
      ok: during.length > 0 && served(during),
      detail: summarize(during),
    },
    {
      name: 'Redis back: ready again without a restart, reads answer',
      ok: recovered !== undefined && after.length > 0 && served(after),
      detail:
        recovered === undefined
          ? 'not ready 20 s after Redis came back'
          : `ready ${recovered} ms after Redis came back; then ${summarize(after)}`,
    },
  ];
}

/**
 * The errors the starter logged as "Request failed" other than the database being unavailable,
 * one line each, distinct: what a 500 was, since the load only counts status codes and the log
 * is deleted with the starter.
 */
function unexpectedFailures(logFile: string): string[] {
  if (!existsSync(logFile)) return [];
  const found = new Set<string>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"Request failed"')) continue;
    try {
      const entry = JSON.parse(line) as { err?: { type?: string; message?: string } };
      const what = `${entry.err?.type ?? '?'}: ${entry.err?.message ?? ''}`.slice(0, 200);
      if (!/database_unavailable|^Mongo(Network|ServerSelection|PoolCleared)/.test(what))
        found.add(what);
    } catch {
      // not a JSON log line
    }
  }
  return [...found].slice(0, 3);
}

async function mongoOutage(
  baseUrl: string,
  server: Started,
  mongo: RestartableService,
  calls: Calls,
  logFile: string,
): Promise<Case[]> {
  const load = startLoad(() => calls.read, 6, 60);
  const started = performance.now();
  await sleep(1500);
  const killedAt = performance.now() - started;
  await mongo.kill();
  const noticed = await waitForReadiness(baseUrl, down('database'), 30_000);
  // A write cannot be served from any cache: it must be told "unavailable, retry" (503 with
  // Retry-After), never a 500 or a hang.
  let probe = 'no write call';
  if (calls.write !== undefined) {
    try {
      const answer = await send(calls.write(1_000_000), 20_000);
      probe = `${answer.status}${answer.headers['retry-after'] ? ` Retry-After ${String(answer.headers['retry-after'])}` : ''}`;
    } catch (error) {
      probe = errorCode(error);
    }
  }
  await sleep(1000);
  const alive = isAlive(server.child);
  const restartedAt = performance.now() - started;
  await mongo.restart();
  const recovered = await waitForReadiness(baseUrl, ready, 45_000);
  await sleep(1000);
  load.stop();
  const outcomes = await load.done;
  const during = between(outcomes, killedAt, restartedAt);
  const after = between(outcomes, restartedAt + (recovered ?? 0) + 500, Infinity);
  // With the database gone a read cannot be served (the cache may still have it): the honest
  // answers are 200 from the cache or 503 Service Unavailable, never a 500 or a reset.
  const honest = during.every(
    (outcome) => outcome.status !== undefined && (outcome.status < 500 || outcome.status === 503),
  );
  let readBack: string;
  try {
    readBack = String((await send(calls.read)).status);
  } catch (error) {
    readBack = errorCode(error);
  }
  return [
    {
      name: 'MongoDB killed: readiness answers 503 naming the database',
      ok: noticed !== undefined,
      detail: noticed === undefined ? 'still ready after 30 s' : `after ${noticed} ms`,
    },
    {
      name: 'MongoDB killed: a write is answered 503 with Retry-After',
      ok: calls.write === undefined || /^503 Retry-After/.test(probe),
      detail: probe,
    },
    {
      name: 'MongoDB killed: the process keeps running',
      ok: alive,
      detail: alive ? 'alive' : 'exited',
    },
    {
      name: 'MongoDB killed: clients get 503 or a cached answer, never another 5xx or a reset',
      ok: during.length > 0 && honest,
      detail: honest
        ? summarize(during)
        : [summarize(during), ...unexpectedFailures(logFile)].join('; logged: '),
    },
    {
      name: 'MongoDB back: ready again without a restart, the item written before reads back',
      ok: recovered !== undefined && readBack === '200',
      detail:
        recovered === undefined
          ? 'not ready 45 s after MongoDB came back'
          : `ready ${recovered} ms after MongoDB came back; GET → ${readBack}; then ${summarize(after)}`,
    },
  ];
}

function rebase(url: string, baseUrl: string): string {
  const { pathname, search } = new URL(url);
  return new URL(`${pathname}${search}`, baseUrl).href;
}

interface Write {
  sentAt: number;
  call: HttpCall;
  status?: number;
  located?: HttpCall;
  error?: string;
}

async function sigtermUnderWrites(
  server: Started,
  calls: Calls,
  write: (n: number) => HttpCall,
  reboot: () => Promise<{ server: Started; baseUrl: string; error?: string }>,
): Promise<Case[]> {
  const writes: Write[] = [];
  let n = 1;
  let stopping = false;
  const started = performance.now();
  const loop = async () => {
    while (!stopping) {
      const entry: Write = { sentAt: performance.now() - started, call: write((n += 1)) };
      writes.push(entry);
      try {
        const answer = await send(entry.call);
        entry.status = answer.status;
        if (answer.status === 201) entry.located = calls.locate(entry.call, answer);
      } catch (error) {
        entry.error = errorCode(error);
        await sleep(20);
      }
    }
  };
  const loops = Promise.all(Array.from({ length: 8 }, loop));
  await sleep(1500);
  const termAt = performance.now() - started;
  const pid = server.child.pid;
  if (pid !== undefined) process.kill(pid, 'SIGTERM');
  const exit = await Promise.race([server.exited, sleep(12_000).then(() => undefined)]);
  stopping = true;
  await loops;
  if (exit === undefined && pid !== undefined) signalGroup(pid, 'SIGKILL');

  // In flight = sent at least IN_FLIGHT_MS before the signal. A connection the kernel has
  // completed but the server has not yet accepted is reset when server.close() closes the
  // listening socket: that request was never the server's, so it is not counted. On a loaded
  // machine that window can be long; past IN_FLIGHT_MS the server has surely taken it.
  const inFlight = writes.filter((entry) => entry.sentAt < termAt - IN_FLIGHT_MS);
  const dropped = inFlight.filter((entry) => entry.status === undefined);
  const serverErrors = writes.filter((entry) => (entry.status ?? 0) >= 500);
  const accepted = writes.filter((entry) => entry.status === 201);
  const cases: Case[] = [
    {
      name: 'SIGTERM under writes: the process exits 0 within 12 s',
      ok: exit?.code === 0,
      detail: exit === undefined ? 'still running after 12 s' : `exit ${exit.code ?? exit.signal}`,
    },
    {
      name: 'SIGTERM under writes: every request in flight gets its answer, none is a 5xx',
      ok: dropped.length === 0 && serverErrors.length === 0,
      detail:
        `${inFlight.length} sent before the signal, ${dropped.length} without an answer` +
        `${dropped.length > 0 ? ` (${[...new Set(dropped.map((entry) => entry.error))].join(', ')})` : ''}, ` +
        `${serverErrors.length} 5xx; after it: ${summarize(
          writes
            .filter((entry) => entry.sentAt >= termAt - IN_FLIGHT_MS)
            .map((entry) => ({ at: entry.sentAt, status: entry.status, error: entry.error })),
        )}`,
    },
  ];
  const rebooted = await reboot();
  if (rebooted.error !== undefined) {
    cases.push({
      name: 'SIGTERM under writes: no accepted write lost',
      ok: false,
      detail: rebooted.error,
    });
    return cases;
  }
  let missing = 0;
  for (const entry of accepted) {
    try {
      if (entry.located === undefined) throw new Error('not located');
      const answer = await send({
        ...entry.located,
        // The restarted server listens on another port: same path, new origin.
        url: rebase(entry.located.url, rebooted.baseUrl),
      });
      if (answer.status !== 200) missing += 1;
    } catch {
      missing += 1;
    }
  }
  cases.push({
    name: 'SIGTERM under writes: every write answered 201 is there after a restart',
    ok: accepted.length > 0 && missing === 0,
    detail: `${accepted.length - missing} of ${accepted.length} read back after the restart`,
  });
  const pidAgain = rebooted.server.child.pid;
  if (pidAgain !== undefined) signalGroup(pidAgain, 'SIGTERM');
  await Promise.race([rebooted.server.exited, sleep(5000)]);
  return cases;
}

export async function faults(
  context: StarterContext,
  id: string,
  dir: string,
  idea: IdeaId,
  stage: StageId,
  logFile: string,
): Promise<SuiteResult> {
  const suite = `faults ${id}`;
  const ferretdb = ferretdbBinary();
  const redisServer = redisBinary();
  if (ferretdb === undefined || redisServer === undefined) {
    const missing =
      ferretdb === undefined ? 'FerretDB (scripts/services.sh builds it)' : 'redis-server';
    return { suite, tried: 0, passed: 0, broke: [], blocked: `no ${missing}` };
  }
  if (!existsSync(join(dir, 'dist', 'server.js'))) {
    const built = await run('npm', ['run', 'build'], {
      cwd: dir,
      env: process.env,
      logFile,
      timeoutMs: 300_000,
    });
    if (!built.ok) return { suite, tried: 0, passed: 0, broke: ['npm run build failed'] };
  }
  const dataDir = join(context.workDir, `${idea}-${stage}-faults`);
  const services: RestartableService[] = [];
  const servers: Started[] = [];
  const cases: Case[] = [];
  try {
    const mongo = await startFerretdb(ferretdb, join(dataDir, 'ferretdb'), logFile);
    services.push(mongo);
    const redis = await startRedis(redisServer, join(dataDir, 'redis'), logFile);
    services.push(redis);
    const own = { ...context, mongodbUri: mongo.url, redisUrl: redis.url };
    const database = `faults_${idea}_${stage}`.replace(/\W/g, '_');
    const first = await boot(own, dir, idea, stage, logFile, database);
    servers.push(first.server);
    if (first.error !== undefined)
      return { suite, tried: 1, passed: 0, broke: [`boot: ${first.error}`] };
    const calls = await findCalls(first.baseUrl, loadStarterManifest(idea, stage).smoke);
    context.log(`[${id}] faults: reading ${calls.read.url}${calls.write ? ', writing too' : ''}`);

    cases.push(await steadyLoad(context.repoDir, calls));
    cases.push(...(await redisOutage(first.baseUrl, first.server, redis, calls)));
    cases.push(...(await mongoOutage(first.baseUrl, first.server, mongo, calls, logFile)));
    if (calls.write === undefined) {
      cases.push({
        name: 'SIGTERM under writes',
        ok: false,
        detail:
          'no JSON create with a Location, a captured id or a later login among the smoke steps',
      });
    } else {
      const reboot = async () => {
        const again = await boot(own, dir, idea, stage, logFile, database);
        servers.push(again.server);
        return again;
      };
      cases.push(...(await sigtermUnderWrites(first.server, calls, calls.write, reboot)));
    }
  } catch (error) {
    cases.push({ name: 'fault suite', ok: false, detail: (error as Error).message });
  } finally {
    for (const server of servers) {
      if (server.child.pid !== undefined) signalGroup(server.child.pid, 'SIGKILL');
    }
    for (const service of services) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const entry of cases)
    context.log(`[${id}] ${entry.ok ? 'ok  ' : 'FAIL'} ${entry.name}: ${entry.detail}`);
  return {
    suite,
    tried: cases.length,
    passed: cases.filter((entry) => entry.ok).length,
    broke: cases.filter((entry) => !entry.ok).map((entry) => `${entry.name}: ${entry.detail}`),
  };
}
