// Databases of the fault suite's own, which it may stop and start again: the shared ones that
// MONGODB_URI and REDIS_URL name serve every other test and must never be killed. Same servers
// as scripts/services.sh (FerretDB from its cache, Debian's redis-server), each on a free
// loopback port that is kept across a restart, so the starter reconnects to the same address.
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { freePort, signalGroup, start, type Started } from '../verify/processes.ts';

const FERRETDB_VERSION = 'v1.24.2';

export interface RestartableService {
  name: string;
  url: string;
  /** Kills the server at once (SIGKILL, as a crash or an OOM kill would). */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Where scripts/services.sh caches the FerretDB it builds; FERRETDB_BIN overrides it. */
export function ferretdbBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const cache = env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const candidates = [
    env.FERRETDB_BIN,
    join(cache, 'create-backend-roadmap', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb'),
  ];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

export function redisBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.REDISMS_SYSTEM_BINARY, '/usr/bin/redis-server'];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, server: Started, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`exited: ${server.tail.lines(5)}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing accepted connections on port ${port} within ${ms / 1000} s`);
}

async function kill(server: Started | undefined): Promise<void> {
  if (server?.child.pid === undefined) return;
  signalGroup(server.child.pid, 'SIGKILL');
  await server.exited;
}

function restartable(
  name: string,
  url: string,
  port: number,
  launch: () => Started,
): RestartableService & { begin(): Promise<void> } {
  let server: Started | undefined;
  const begin = async () => {
    server = launch();
    await waitForPort(port, server, 30_000);
  };
  return {
    name,
    url,
    begin,
    kill: () => kill(server),
    restart: begin,
    stop: () => kill(server),
  };
}

export async function startFerretdb(
  binary: string,
  dataDir: string,
  logFile: string,
): Promise<RestartableService> {
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dataDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ];
  const service = restartable('ferretdb', `mongodb://127.0.0.1:${port}/`, port, () =>
    start(binary, args, { cwd: dataDir, env: process.env, logFile }),
  );
  await service.begin();
  return service;
}

export async function startRedis(
  binary: string,
  dataDir: string,
  logFile: string,
): Promise<RestartableService> {
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'];
  const service = restartable('redis', `redis://127.0.0.1:${port}`, port, () =>
    start(binary, [...args, '--dir', dataDir], { cwd: dataDir, env: process.env, logFile }),
  );
  await service.begin();
  return service;
}
