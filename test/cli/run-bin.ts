// Spawns the built CLI the way users run it: a separate Node process, no terminal attached.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

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
  const started = performance.now();
  // stdin stays an open pipe: a CLI that tried to prompt here would hang until the timeout.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  options.onSpawn?.((signal) => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}
