// Part 4, starter throughput: the built todo-app starters (production mode, the starter's own
// start script) against bare-app.ts (same schema, same queries, no middleware), both on the same
// database with the same seeded todos. autocannon, in its own process, loads list and
// get-by-id on loopback for `seconds` per run, `runs` interleaved rounds; medians of req/s and
// p99. Also the time from process start to the first answer, and memory (RSS).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { availableStarters } from '../generators/catalog.ts';
import { readDotenvExample, withDatabase } from '../scripts/verify/environment.ts';
import { freePort } from '../scripts/verify/processes.ts';
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

/** The collection route of each CRUD idea whose starters this part knows how to load. */
const CRUD_ROUTES: Record<string, string> = { 'todo-app': '/todos' };
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
  stage?: string;
  /** Not judged against a target: shown to explain a difference. */
  diagnostic?: boolean;
  /** Its database (later stages get their own: their data has owners). */
  uri: string;
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
  status?: number;
  list: Load[];
  get: Load[];
}

async function startContender(contender: Contender, route: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const [command = 'node', ...args] = contender.command;
  const server = spawnLogged(command, args, { cwd: contender.cwd, env: contender.env(port) });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`${contender.name} exited (see ${logFile})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${route}`);
      await response.arrayBuffer();
      contender.status = response.status;
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
  options: { runs: number; seconds: number },
): Promise<void> {
  console.log('\n## 4. Starter throughput (loopback, production mode)');
  const baseUri = process.env.MONGODB_URI || 'mongodb://127.0.0.1:27217/';
  if (!(await reachable(baseUri))) {
    console.log(`  no database answers at MONGODB_URI (${baseUri}): part skipped`);
    verdict('throughput', 'beginner list vs bare app', undefined, { min: 0.9 }, 'no database');
    return;
  }
  const starters = availableStarters().filter((s) => s.idea in CRUD_ROUTES);
  const beginner = starters.find((s) => s.stage === 'beginner');
  if (!beginner) {
    verdict('throughput', 'beginner vs bare app', undefined, { min: 0.9 }, 'no CRUD starter');
    return;
  }
  const route = CRUD_ROUTES[beginner.idea] ?? '/todos';
  const database = `bench_${process.pid}`;
  const uri = withDatabase(baseUri, database);
  const baseEnv = cleanEnv();

  const dirs = new Map<string, string>();
  for (const starter of starters) {
    console.log(`  preparing ${starter.idea} ${starter.stage} (install, build)`);
    const dir = await installStarter(workDir, starter.idea, starter.stage);
    await mustRun('npm', ['run', 'build'], { cwd: dir, env: baseEnv, timeoutMs: 300_000 });
    dirs.set(starter.stage, dir);
  }
  // The advanced starters need Redis: the caller's REDIS_URL, else a redis-server of our own.
  let redisUrl = process.env.REDIS_URL;
  let redis: Spawned | undefined;
  if (redisUrl === undefined && dirs.has('advanced')) {
    const port = await freePort();
    redis = spawnLogged(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: workDir, env: baseEnv },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (redis.child.exitCode === null) redisUrl = `redis://127.0.0.1:${port}`;
    else console.log('  no REDIS_URL and no redis-server: the advanced starter is skipped');
  }
  const modulesDir = dirs.get('beginner') ?? '';
  const bareEnv = (port: number): NodeJS.ProcessEnv => ({
    ...baseEnv,
    BENCH_MODULES_DIR: modulesDir,
    MONGODB_URI: uri,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  });
  const seeded = await seed(modulesDir, uri, baseEnv);
  const id = seeded[Math.floor(seeded.length / 2)] ?? '000000000000000000000000';

  const contenders: Contender[] = [
    {
      name: 'bare Express + Mongoose',
      cwd: modulesDir,
      command: [process.execPath, bareApp, 'serve'],
      env: bareEnv,
      uri,
      readyMs: [],
      list: [],
      get: [],
    },
    ...[...dirs].flatMap(([stage, dir]) => {
      const stageUri = stage === 'beginner' ? uri : withDatabase(baseUri, `${database}_${stage}`);
      const starterEnv = (port: number): NodeJS.ProcessEnv => ({
        ...baseEnv,
        ...readDotenvExample(dir),
        MONGODB_URI: stageUri,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
        // The advanced stage limits requests per client; the load comes from one client.
        RATE_LIMIT_MAX: '1000000000',
      });
      const contender = (name: string, env: Contender['env'], diagnostic: boolean) => ({
        name,
        stage,
        diagnostic,
        uri: stageUri,
        cwd: dir,
        command: startScript(dir),
        env,
        readyMs: [] as number[],
        list: [] as Load[],
        get: [] as Load[],
      });
      const starter = contender(`${beginner.idea} ${stage}`, starterEnv, false);
      if (stage !== 'beginner') return [starter];
      // The same starter without its per-request log line: shows what request logging costs.
      const quiet = contender(
        `${beginner.idea} ${stage}, LOG_LEVEL=warn (diagnostic)`,
        (port) => ({ ...starterEnv(port), LOG_LEVEL: 'warn' }),
        true,
      );
      return [starter, quiet];
    }),
  ];

  try {
    // Start-up: three cold starts each, interleaved; the last one stays up for the load.
    for (let round = 0; round < 3; round += 1) {
      for (const contender of contenders) {
        if (contender.failed !== undefined) continue;
        try {
          contender.readyMs.push(await startContender(contender, route));
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
    for (const contender of contenders) {
      if (contender.status === 200) {
        contender.listPath = route;
        contender.getPath = `${route}/${id}`;
      } else if (contender.status === 401 && contender.server && contender.port !== undefined) {
        // A stage with accounts: register, add the same number of todos through the API, and
        // load the first page (100) and one todo with the login token.
        const setup = await authSetup(`http://127.0.0.1:${contender.port}`, route, contender.stage);
        if (setup) Object.assign(contender, setup);
      }
      if (contender.listPath === undefined && contender.failed === undefined) {
        console.log(`  ${contender.name}: GET ${route} answers ${contender.status}; not loaded`);
      }
    }
    const measurable = contenders.filter((c) => c.listPath !== undefined);
    const url = (c: Contender, path = '') => `http://127.0.0.1:${c.port}${path}`;
    for (const c of measurable) {
      await autocannon(url(c, c.listPath), 1, c.headers); // warm-up
      await autocannon(url(c, c.getPath), 1, c.headers);
    }
    for (let round = 0; round < options.runs; round += 1) {
      const order = round % 2 === 0 ? measurable : [...measurable].reverse();
      for (const c of order) {
        c.list.push(await autocannon(url(c, c.listPath), options.seconds, c.headers));
        c.get.push(await autocannon(url(c, c.getPath), options.seconds, c.headers));
      }
    }
    for (const contender of measurable) {
      if (contender.server) contender.loadedRss = memory(contender.server.pid);
    }
  } finally {
    for (const contender of contenders) await contender.server?.stop();
    await redis?.stop();
    for (const dbUri of new Set(contenders.map((c) => c.uri))) {
      await mustRun(process.execPath, [bareApp, 'drop'], {
        cwd: modulesDir,
        env: { ...baseEnv, BENCH_MODULES_DIR: modulesDir, MONGODB_URI: dbUri },
        timeoutMs: 30_000,
      }).catch((error: unknown) =>
        console.log(`  could not drop a bench database: ${String(error)}`),
      );
    }
  }

  const bare = contenders[0] as Contender;
  const stat = (loads: Load[], key: 'rps' | 'p99') => median(loads.map((load) => load[key]));
  const failures = (loads: Load[]) => loads.reduce((sum, l) => sum + l.non2xx + l.errors, 0);
  printTable(
    `Throughput: ${SEED_COUNT} seeded todos, ${CONNECTIONS} connections, ${options.seconds} s per run, ` +
      `median of ${options.runs} interleaved runs`,
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
        c === bare || !c.list.length
          ? '—'
          : `${(stat(c.list, 'rps') / stat(bare.list, 'rps')).toFixed(2)}× / ` +
            `${(stat(c.get, 'rps') / stat(bare.get, 'rps')).toFixed(2)}×`,
        ms(median(c.readyMs)),
        c.loadedRss
          ? `${(c.idleRss ?? 0) >> 20} → ${c.loadedRss.rss >> 20} MB (${c.loadedRss.peak >> 20} MB)`
          : '—',
        String(failures([...c.list, ...c.get])),
      ]),
    ],
  );
  for (const c of contenders.slice(1)) {
    const stage = c.stage ?? '';
    if (!c.list.length) continue;
    const list = stat(c.list, 'rps') / stat(bare.list, 'rps');
    const get = stat(c.get, 'rps') / stat(bare.get, 'rps');
    if (c.diagnostic) {
      console.log(`  ${c.name}: list ${list.toFixed(2)}×, get ${get.toFixed(2)}× the bare app`);
    } else if (stage === 'beginner') {
      verdict('throughput', 'beginner list req/s vs bare app', list, { min: 0.9 });
      verdict('throughput', 'beginner get-by-id req/s vs bare app', get, { min: 0.9 });
    } else {
      console.log(
        `  ${c.name}: list ${list.toFixed(2)}×, get ${get.toFixed(2)}× the bare app ` +
          `(what its middleware costs; list = ${c.listPath})`,
      );
    }
  }
  // Cached vs uncached: the advanced starter answers repeated reads from Redis (X-Cache: HIT);
  // the intermediate starter runs the same routes and queries on the same kind of data without
  // a cache, so it stands for the uncached read (it also lacks the advanced security middleware,
  // which only makes the comparison harder for the cache).
  const find = (stage: string) => contenders.find((c) => c.stage === stage && !c.diagnostic);
  const cached = find('advanced');
  const uncached = find('intermediate');
  if (cached?.list.length && uncached?.list.length) {
    const list = stat(cached.list, 'rps') / stat(uncached.list, 'rps');
    const get = stat(cached.get, 'rps') / stat(uncached.get, 'rps');
    verdict('throughput', 'advanced cached list vs uncached (intermediate)', list, { min: 3 });
    verdict('throughput', 'advanced cached get-by-id vs uncached (intermediate)', get, { min: 3 });
  } else {
    verdict(
      'throughput',
      'advanced cached read vs uncached',
      undefined,
      { min: 3 },
      cached || dirs.has('advanced')
        ? 'advanced or intermediate starter could not be loaded'
        : 'advanced todo-app starter not available yet',
    );
  }
}

async function seed(modulesDir: string, uri: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const { execFile } = await import('node:child_process');
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [bareApp, 'seed', String(SEED_COUNT)],
      { cwd: modulesDir, env: { ...env, BENCH_MODULES_DIR: modulesDir, MONGODB_URI: uri } },
      (error, stdout) => {
        if (error) reject(new Error(`seeding failed: ${error.message}`));
        else resolve(stdout);
      },
    );
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

/**
 * Registers a bench user on a starter with accounts (intermediate and later: POST /register
 * answers 201 with a token), adds SEED_COUNT todos through the API and returns what to load.
 * Undefined (with a message) when the starter does not work that way.
 */
async function authSetup(
  base: string,
  route: string,
  stage: string | undefined,
): Promise<Pick<Contender, 'listPath' | 'getPath' | 'headers'> | undefined> {
  const json = { 'content-type': 'application/json' };
  const register = await fetch(`${base}/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      name: 'Bench',
      email: `bench-${stage ?? 'x'}-${process.pid}@example.com`,
      password: 'bench password, long enough',
    }),
  });
  const { token } = (await register.json().catch(() => ({}))) as { token?: string };
  if (register.status !== 201 || token === undefined) {
    console.log(`  ${stage}: POST /register answered ${register.status}; not loaded`);
    return undefined;
  }
  const auth = { authorization: `Bearer ${token}` };
  const ids: string[] = [];
  for (let i = 0; i < SEED_COUNT; i += 10) {
    const batch = Array.from({ length: Math.min(10, SEED_COUNT - i) }, (_, j) =>
      fetch(`${base}${route}`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({ title: `Seeded todo ${i + j + 1}` }),
      }).then(async (response) => {
        const body = (await response.json()) as { id?: string };
        if (response.status !== 201 || body.id === undefined) {
          throw new Error(`POST ${route} answered ${response.status}`);
        }
        return body.id;
      }),
    );
    ids.push(...(await Promise.all(batch)));
  }
  return {
    listPath: `${route}?page=1&limit=${SEED_COUNT}`,
    getPath: `${route}/${ids[Math.floor(ids.length / 2)] ?? ''}`,
    headers: [`authorization=Bearer ${token}`],
  };
}
