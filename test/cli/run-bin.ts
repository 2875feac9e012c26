// Spawns the built CLI the way users run it: a separate Node process, no terminal attached.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface BinOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Kill the process (and fail the expectation on `code`) if it runs longer than this. */
  timeoutMs?: number;
  /** Called once the process is running, e.g. to interrupt it. */
  onSpawn?: (kill: (signal: NodeJS.Signals) => void) => void;
}

export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
}

export function runBin(args: readonly string[], options: BinOptions): Promise<BinResult> {
  // stdin stays an open pipe: a CLI that tried to prompt here would hang until the timeout.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  options.onSpawn?.((signal) => child.kill(signal));
  return collect(child, options.timeoutMs);
}

/** Gathers a child's output until it closes, killing it after `timeoutMs`. */
function collect(
  child: ChildProcessWithoutNullStreams,
  timeoutMs = 20_000,
  onStdout?: (stdout: string) => void,
): Promise<BinResult> {
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** One exchange with a prompt: wait until the output contains `expect`, then type `send`. */
export interface Exchange {
  expect: string;
  send: string;
}

/**
 * Runs the CLI with a pseudo-terminal on stdin and stdout, through util-linux `script`, so
 * prompts appear and can be answered. Undefined when `script` is not available.
 */
export function runInTerminal(
  args: readonly string[],
  exchanges: readonly Exchange[],
  options: BinOptions,
): Promise<BinResult> | undefined {
  if (!existsSync('/usr/bin/script')) return undefined;
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
  const child = spawn('/usr/bin/script', ['-qfec', command, '/dev/null'], {
    cwd: options.cwd,
    env: { ...options.env, TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let next = 0;
  // The terminal merges the CLI's stdout and stderr into `stdout`.
  return collect(child, options.timeoutMs, (stdout) => {
    const exchange = exchanges[next];
    if (exchange && stdout.includes(exchange.expect)) {
      next += 1;
      child.stdin.write(exchange.send);
    }
  });
}
