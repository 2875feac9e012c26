// Part 4, starter throughput: for each CRUD idea (bench/crud-ideas.ts), its built starters
// (production mode, the starter's own start script) against bare-app.ts (the beginner's model,
// the same queries, no middleware), on the same database with the same items, added through the
// starter's API as its smoke steps do (bench/crud-seed.ts). autocannon, in its own process,
// loads list and get-by-id on loopback for `seconds` per run, `runs` interleaved rounds; medians
// of req/s and p99. Also the time from process start to the first answer, and memory (RSS).
// One idea after the other, each with its own databases.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { availableStarters, type IdeaId, type StageId } from '../generators/catalog.ts';
import { readDotenvExample, withDatabase } from '../scripts/verify/environment.ts';
import { freePort } from '../scripts/verify/processes.ts';
import { CRUD_BENCHES, type CrudBench } from './crud-ideas.ts';
import { seedThroughSmoke } from './crud-seed.ts';
import { installStarter } from './footprint.ts';
import {
  cleanEnv,
  logFile,
  median,
  ms,
  mustRun,
  printTable,
  repoDir,
  spawnLogged,
  verdict,
  type Spawned,
} from './lib.ts';

const SEED_COUNT = 100;
const CONNECTIONS = 10;
const autocannonBin = join(repoDir, 'node_modules', 'autocannon', 'autocannon.js');
const bareApp = join(repoDir, 'bench', 'bare-app.ts');

interface Load {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function autocannon(url: string, seconds: number, headers: string[] = []): Promise<Load> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    [
      autocannonBin,
      '-c',
      String(CONNECTIONS),
      '-d',
      String(seconds),
      ...headers.flatMap((header) => ['-H', header]),
      '--json',
      url,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`autocannon ${url} exited ${code}`);
  const data = JSON.parse(out) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    rps: data.requests.average,
    p99: data.latency.p99,
    non2xx: data.non2xx,
    errors: data.errors,
  };
}

function reachable(uri: string): Promise<boolean> {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,]+):?(\d+)?/.exec(uri);
  if (!match) return Promise.resolve(true);
  return new Promise((resolve) => {
    const socket = connect({ host: match[1] ?? '127.0.0.1', port: Number(match[2] ?? 27017) });
    socket.setTimeout(2000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Resident memory of a process, from /proc: now and peak. */
function memory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

interface Contender {
  name: string;
  stage?: StageId;
  /** Not judged against a target: shown to explain a difference. */
  diagnostic?: boolean;
  /** Its database (later stages get their own: their data has owners). */
  uri: string;
  /** Adds the items to its database through its API; the others on that database read them. */
  seeds?: boolean;
  /** Its collection: the first answer there (whatever the status) means it is ready. */
  route: string;
  /** What is loaded: the list and one item, with headers (a login token) when needed. */
  listPath?: string;
  getPath?: string;
  headers?: string[];
  /** Why it could not be started, when it could not. */
  failed?: string;
  cwd: string;
  command: string[];
  env: (port: number) => NodeJS.ProcessEnv;
  server?: Spawned;
  port?: number;
  readyMs: number[];
  idleRss?: number;
  loadedRss?: { rss: number; peak: number };
  list: Load[];
  get: Load[];
  /** The idea's cachedRead, on the stages the cache verdict compares. */
  cachedPath?: string;
  cached: Load[];
}

async function startContender(contender: Contender): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const [command = 'node', ...args] = contender.command;
  const server = spawnLogged(command, args, { cwd: contender.cwd, env: contender.env(port) });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`${contender.name} exited (see ${logFile})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${contender.route}`);
      await response.arrayBuffer();
      contender.server = server;
      contender.port = port;
      return performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  await server.stop();
  throw new Error(`${contender.name} did not answer within 30 s (see ${logFile})`);
}

function startScript(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.start;
  if (!script) throw new Error(`${dir}: no start script`);
  return ['sh', '-c', `exec ${script}`];
}

export async function benchThroughput(
  workDir: string,
  options: { runs: number; seconds: number; ideas?: readonly string[] },
): Promise<void> {
  console.log('\n## 4. Starter throughput (loopback, production mode)');
  const baseUri = process.env.MONGODB_URI || 'mongodb://127.0.0.1:27217/';
  const benches = CRUD_BENCHES.filter(
    (bench) => options.ideas === undefined || options.ideas.includes(bench.idea),
  );
  if (!(await reachable(baseUri))) {
    console.log(`  no database answers at MONGODB_URI (${baseUri}): part skipped`);
    verdict('throughput', 'beginner list vs bare app', undefined, { min: 0.9 }, 'no database');
    return;
  }
  // The advanced starters need Redis: the caller's REDIS_URL, else a redis-server of our own.
  let redisUrl = process.env.REDIS_URL;
  let redis: Spawned | undefined;
  if (redisUrl === undefined) {
    const port = await freePort();
    redis = spawnLogged(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: workDir, env: cleanEnv() },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (redis.child.exitCode === null) redisUrl = `redis://127.0.0.1:${port}`;
    else console.log('  no REDIS_URL and no redis-server: the advanced starters are skipped');
  }
  try {
    for (const bench of benches) {
      await benchIdea(workDir, bench, { ...options, baseUri, redisUrl });
    }
  } finally {
    await redis?.stop();
  }
}

async function prepareStarters(workDir: string, idea: IdeaId, redisUrl: string | undefined) {
  const dirs = new Map<StageId, string>();
  for (const starter of availableStarters().filter((s) => s.idea === idea)) {
    if (starter.stage === 'advanced' && redisUrl === undefined) continue;
    console.log(`  preparing ${idea} ${starter.stage} (install, build)`);
    const dir = await installStarter(workDir, idea, starter.stage);
    await mustRun('npm', ['run', 'build'], { cwd: dir, env: cleanEnv(), timeoutMs: 300_000 });
    dirs.set(starter.stage, dir);
  }
  return dirs;
}

function contendersFor(
  bench: CrudBench,
  dirs: ReadonlyMap<StageId, string>,
  baseUri: string,
  redisUrl: string | undefined,
): Contender[] {
  const database = `bench_${process.pid}_${bench.idea.replace(/\W/g, '_')}`;
  const beginnerUri = withDatabase(baseUri, database);
  const baseEnv = cleanEnv();
  const modulesDir = dirs.get('beginner') ?? '';
  const bare: Contender = {
    name: 'bare Express + Mongoose',
    route: bench.route('beginner'),
    cwd: modulesDir,
    command: [process.execPath, bareApp, 'serve'],
    env: (port) => ({
      ...baseEnv,
      BENCH_IDEA: bench.idea,
      BENCH_MODULES_DIR: modulesDir,
      MONGODB_URI: beginnerUri,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    }),
    uri: beginnerUri,
    readyMs: [],
    list: [],
    get: [],
    cached: [],
  };
  const starters = [...dirs].flatMap(([stage, dir]) => {
    const uri = stage === 'beginner' ? beginnerUri : withDatabase(baseUri, `${database}_${stage}`);
    const starterEnv = (port: number): NodeJS.ProcessEnv => ({
      ...baseEnv,
      ...readDotenvExample(dir),
      MONGODB_URI: uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
      // The advanced stage limits requests per client; the load comes from one client.
      RATE_LIMIT_MAX: '1000000000',
    });
    const contender = (name: string, env: Contender['env'], diagnostic: boolean): Contender => ({
      name,
      stage,
      diagnostic,
      seeds: !diagnostic,
      uri,
      route: bench.route(stage),
      cwd: dir,
      command: startScript(dir),
      env,
      readyMs: [],
      list: [],
      get: [],
      cached: [],
      ...(bench.cachedRead && stage !== 'beginner' ? { cachedPath: bench.cachedRead.path } : {}),
    });
    const starter = contender(`${bench.idea} ${stage}`, starterEnv, false);
    if (stage !== 'beginner') return [starter];
    // The same starter without its per-request log line: shows what request logging costs.
    const quiet = contender(
      `${bench.idea} ${stage}, LOG_LEVEL=warn (diagnostic)`,
      (port) => ({ ...starterEnv(port), LOG_LEVEL: 'warn' }),
      true,
    );
    return [starter, quiet];
  });
  return [bare, ...starters];
}

/** Adds the items through each seeding contender's API; the others on its database share them. */
async function seedContenders(bench: CrudBench, contenders: readonly Contender[]): Promise<void> {
  for (const seeder of contenders.filter((c) => c.seeds && c.server && c.stage !== undefined)) {
    const stage = seeder.stage as StageId;
    try {
      const target = await seedThroughSmoke({
        baseUrl: `http://127.0.0.1:${seeder.port}`,
        idea: bench.idea,
        stage,
        count: SEED_COUNT,
        runScript: async (script, args) => {
          await mustRun('npm', ['run', '--silent', script, '--', ...args], {
            cwd: seeder.cwd,
            env: seeder.env(0),
            timeoutMs: 120_000,
          });
        },
      });
      for (const reader of contenders.filter((c) => c.uri === seeder.uri && c.server)) {
        // The bare app reads the beginner's items without the beginner's auth (it has none).
        reader.listPath = reader.stage === undefined ? bench.route('beginner') : target.listPath;
        reader.getPath =
          reader.stage === undefined
            ? `${bench.route('beginner')}/${target.getPath.split('/').at(-1) ?? ''}`
            : target.getPath;
        reader.headers = reader.stage === undefined ? [] : target.headers;
      }
    } catch (error) {
      seeder.failed = `seeding failed: ${(error as Error).message}`;
      console.log(`  ${seeder.name}: ${seeder.failed}; not loaded`);
    }
  }
}

async function benchIdea(
  workDir: string,
  bench: CrudBench,
  options: { runs: number; seconds: number; baseUri: string; redisUrl: string | undefined },
): Promise<void> {
  console.log(`\n### ${bench.idea}`);
  const dirs = await prepareStarters(workDir, bench.idea, options.redisUrl);
  if (!dirs.has('beginner')) {
    verdict(
      'throughput',
      `${bench.idea} beginner vs bare app`,
      undefined,
      { min: 0.9 },
      'no starter',
    );
    return;
  }
  const contenders = contendersFor(bench, dirs, options.baseUri, options.redisUrl);
  try {
    // Start-up: three cold starts each, interleaved; the last one stays up for the load.
    for (let round = 0; round < 3; round += 1) {
      for (const contender of contenders) {
        if (contender.failed !== undefined) continue;
        try {
          contender.readyMs.push(await startContender(contender));
        } catch (error) {
          contender.failed = (error as Error).message;
          console.log(`  ${contender.name}: ${contender.failed}; not loaded`);
          continue;
        }
        if (round < 2) await contender.server?.stop();
      }
    }
    for (const contender of contenders) {
      if (contender.server) contender.idleRss = memory(contender.server.pid).rss;
    }
    await seedContenders(bench, contenders);
    const measurable = contenders.filter((c) => c.listPath !== undefined && !c.failed);
    const url = (c: Contender, path = '') => `http://127.0.0.1:${c.port}${path}`;
    for (const c of measurable) {
      await autocannon(url(c, c.listPath), 1, c.headers); // warm-up
      await autocannon(url(c, c.getPath), 1, c.headers);
      if (c.cachedPath !== undefined) await autocannon(url(c, c.cachedPath), 1, c.headers);
    }
    for (let round = 0; round < options.runs; round += 1) {
      const order = round % 2 === 0 ? measurable : [...measurable].reverse();
      for (const c of order) {
        c.list.push(await autocannon(url(c, c.listPath), options.seconds, c.headers));
        c.get.push(await autocannon(url(c, c.getPath), options.seconds, c.headers));
        if (c.cachedPath !== undefined) {
          c.cached.push(await autocannon(url(c, c.cachedPath), options.seconds, c.headers));
        }
      }
    }
    for (const contender of measurable) {
      if (contender.server) contender.loadedRss = memory(contender.server.pid);
    }
  } finally {
    for (const contender of contenders) await contender.server?.stop();
    const modulesDir = dirs.get('beginner') ?? '';
    for (const dbUri of new Set(contenders.map((c) => c.uri))) {
      await mustRun(process.execPath, [bareApp, 'drop'], {
        cwd: modulesDir,
        env: { ...cleanEnv(), BENCH_MODULES_DIR: modulesDir, MONGODB_URI: dbUri },
        timeoutMs: 30_000,
      }).catch((error: unknown) =>
        console.log(`  could not drop a bench database: ${String(error)}`),
      );
    }
  }
  report(bench, contenders, options);
}

function report(
  bench: CrudBench,
  contenders: readonly Contender[],
  options: { runs: number; seconds: number },
): void {
  const bare = contenders[0] as Contender;
  const stat = (loads: Load[], key: 'rps' | 'p99') => median(loads.map((load) => load[key]));
  const failures = (loads: Load[]) => loads.reduce((sum, l) => sum + l.non2xx + l.errors, 0);
  printTable(
    `Throughput, ${bench.idea}: ${SEED_COUNT} items, ${CONNECTIONS} connections, ` +
      `${options.seconds} s per run, median of ${options.runs} interleaved runs`,
    [
      [
        'app',
        'list req/s',
        'list p99',
        'get req/s',
        'get p99',
        'vs bare (list / get)',
        'ready (median of 3)',
        'RSS idle → after load (peak)',
        'failed requests',
      ],
      ...contenders.map((c) => [
        c.name,
        c.list.length ? stat(c.list, 'rps').toFixed(0) : '—',
        c.list.length ? `${stat(c.list, 'p99')} ms` : '—',
        c.get.length ? stat(c.get, 'rps').toFixed(0) : '—',
        c.get.length ? `${stat(c.get, 'p99')} ms` : '—',
        c === bare || !c.list.length || !bare.list.length
          ? '—'
          : `${(stat(c.list, 'rps') / stat(bare.list, 'rps')).toFixed(2)}× / ` +
            `${(stat(c.get, 'rps') / stat(bare.get, 'rps')).toFixed(2)}×`,
        c.readyMs.length ? ms(median(c.readyMs)) : '—',
        c.loadedRss
          ? `${(c.idleRss ?? 0) >> 20} → ${c.loadedRss.rss >> 20} MB (${c.loadedRss.peak >> 20} MB)`
          : '—',
        String(failures([...c.list, ...c.get, ...c.cached])),
      ]),
    ],
  );
  for (const c of contenders.slice(1)) {
    if (!c.list.length || !bare.list.length) continue;
    const list = stat(c.list, 'rps') / stat(bare.list, 'rps');
    const get = stat(c.get, 'rps') / stat(bare.get, 'rps');
    if (c.diagnostic) {
      console.log(`  ${c.name}: list ${list.toFixed(2)}×, get ${get.toFixed(2)}× the bare app`);
    } else if (c.stage === 'beginner') {
      verdict('throughput', `${bench.idea} beginner list req/s vs bare app`, list, { min: 0.9 });
      verdict('throughput', `${bench.idea} beginner get-by-id req/s vs bare app`, get, {
        min: 0.9,
      });
    } else {
      console.log(
        `  ${c.name}: list ${list.toFixed(2)}×, get ${get.toFixed(2)}× the bare app ` +
          `(what its middleware costs; list = ${c.listPath})`,
      );
    }
  }
  const beginner = contenders.find((c) => c.stage === 'beginner' && !c.diagnostic);
  if (!beginner?.list.length || !bare.list.length) {
    verdict(
      'throughput',
      `${bench.idea} beginner vs bare app`,
      undefined,
      { min: 0.9 },
      beginner?.failed ?? bare.failed ?? 'not loaded',
    );
  }
  // Cached vs uncached: the advanced starter answers repeated reads from Redis (X-Cache: HIT);
  // the intermediate starter runs the same routes and queries on the same kind of data without
  // a cache, so it stands for the uncached read (it also lacks the advanced security middleware,
  // which only makes the comparison harder for the cache).
  const find = (stage: string) => contenders.find((c) => c.stage === stage && !c.diagnostic);
  const cached = find('advanced');
  const uncached = find('intermediate');
  const cachedRead = bench.cachedRead;
  if (cachedRead && cached?.cached.length && uncached?.cached.length) {
    const ratio = stat(cached.cached, 'rps') / stat(uncached.cached, 'rps');
    console.log(
      `  ${cachedRead.name} (${cachedRead.path}): ${stat(uncached.cached, 'rps').toFixed(0)} ` +
        `req/s uncached, ${stat(cached.cached, 'rps').toFixed(0)} req/s cached`,
    );
    const name = `${bench.idea} advanced cached ${cachedRead.name}`;
    verdict('throughput', `${name} vs uncached (intermediate)`, ratio, { min: 3 });
  } else if (!cachedRead && cached?.list.length && uncached?.list.length) {
    const list = stat(cached.list, 'rps') / stat(uncached.list, 'rps');
    const get = stat(cached.get, 'rps') / stat(uncached.get, 'rps');
    const name = `${bench.idea} advanced cached`;
    verdict('throughput', `${name} list vs uncached (intermediate)`, list, { min: 3 });
    verdict('throughput', `${name} get-by-id vs uncached (intermediate)`, get, { min: 3 });
  } else {
    verdict(
      'throughput',
      `${bench.idea} advanced cached read vs uncached`,
      undefined,
      { min: 3 },
      cached?.failed ?? uncached?.failed ?? 'advanced or intermediate starter not loaded',
    );
  }
}
