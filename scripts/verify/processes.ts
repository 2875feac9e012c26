// Child processes of the verify matrix. Each runs in its own process group, so that a timeout or
// Ctrl-C stops everything it started (npm → sh → node) and nothing outlives the matrix.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';

const TAIL_BYTES = 64 * 1024;

/** Process groups still running, stopped by stopAllProcessGroups() on exit or interruption. */
const liveGroups = new Set<number>();

export interface Tail {
  text(): string;
  lines(count: number): string;
}

/** Keeps the last TAIL_BYTES of a process's output, to show when a step fails. */
export function createTail(): Tail & { push(chunk: Buffer): void } {
  let buffer = '';
  return {
    push(chunk) {
      buffer = (buffer + chunk.toString('utf8')).slice(-TAIL_BYTES);
    },
    text: () => buffer,
    lines(count) {
      return buffer.trimEnd().split('\n').slice(-count).join('\n');
    },
  };
}

export interface Started {
  child: ChildProcess;
  tail: Tail;
  /** Resolves with the exit code, or null when a signal ended the process. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Every byte the process prints is appended here. */
  logFile: string;
}

export function start(command: string, args: string[], options: StartOptions): Started {
  appendFileSync(options.logFile, `\n$ ${[command, ...args].join(' ')}   (in ${options.cwd})\n`);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const tail = createTail();
  const record = (chunk: Buffer): void => {
    tail.push(chunk);
    appendFileSync(options.logFile, chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => {
      record(Buffer.from(`${error.message}\n`));
      resolve({ code: 127, signal: null });
    });
    // 'close' waits for the output pipes, which a leftover grandchild could hold open forever:
    // so when the leader exits, whatever it left behind in its group goes with it.
    child.on('exit', () => {
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    });
    child.on('close', (code, signal) => {
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      resolve({ code, signal });
    });
  });
  return { child, tail, exited };
}

export interface RunResult {
  ok: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  tail: Tail;
}

/** Runs a command to its end, or kills its process group after timeoutMs. */
export async function run(
  command: string,
  args: string[],
  options: StartOptions & { timeoutMs: number },
): Promise<RunResult> {
  const started = start(command, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (started.child.pid !== undefined) signalGroup(started.child.pid, 'SIGKILL');
  }, options.timeoutMs);
  const { code, signal } = await started.exited;
  clearTimeout(timer);
  if (timedOut) {
    appendFileSync(options.logFile, `\n(killed after ${options.timeoutMs / 1000} s)\n`);
  }
  return { ok: code === 0 && !timedOut, code, signal, timedOut, tail: started.tail };
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every process group the matrix started that still runs: SIGTERM, then SIGKILL. */
export async function stopAllProcessGroups(graceMs = 2000): Promise<void> {
  const groups = [...liveGroups];
  for (const pid of groups) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groups.some(groupExists)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
