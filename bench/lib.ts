// Shared pieces of `npm run bench`: child processes (each in its own process group, all stopped
// on exit or Ctrl-C), timing, medians and the ratio lines every part prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseEnvironment } from '../scripts/verify/environment.ts';

export const repoDir = fileURLToPath(new URL('..', import.meta.url));
/** Git-ignored: the comparison tools, the log and the last results. */
export const cacheDir = join(repoDir, '.cache', 'bench');
export const logFile = join(cacheDir, 'bench.log');
export const cliPath = join(repoDir, 'dist', 'cli.js');

/** The tools we compare against, pinned so runs stay comparable. */
export const PINNED = {
  createVite: '9.3.0',
  expressGenerator: '4.16.1',
} as const;

/** The caller's environment without what `npm run bench` itself sets (see scripts/verify). */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = baseEnvironment(process.env);
  delete env.npm_config_cache;
  // Only for compiling native addons on install; the bench installs with --ignore-scripts.
  delete env.npm_config_nodedir;
  delete env.npm_config_user_agent;
  delete env.MONGODB_URI;
  delete env.REDIS_URL;
  return { ...env, ...extra };
}

/** Process groups still running; stopAll() ends them. */
const live = new Set<number>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function stopAll(): void {
  for (const pid of live) signalGroup(pid, 'SIGKILL');
  live.clear();
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL for the whole group after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a command in its own process group with its output appended to the bench log. */
export function spawnLogged(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
): Spawned {
  mkdirSync(cacheDir, { recursive: true });
  const fd = options.quiet ? 'ignore' : openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  if (typeof fd === 'number') closeSync(fd);
  const pid = child.pid ?? -1;
  if (pid > 0) live.add(pid);
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code) => {
      signalGroup(pid, 'SIGKILL');
      live.delete(pid);
      resolve(code);
    });
  });
  return {
    child,
    pid,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Timed {
  code: number | null;
  ms: number;
}

/** Runs a command to its end; wall time from spawn to exit. Killed after timeoutMs. */
export async function timed(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number; quiet?: boolean },
): Promise<Timed> {
  const start = performance.now();
  const spawned = spawnLogged(command, args, options);
  const timer = setTimeout(() => signalGroup(spawned.pid, 'SIGKILL'), options.timeoutMs ?? 600_000);
  const code = await spawned.exited;
  clearTimeout(timer);
  return { code, ms: performance.now() - start };
}

/** Like timed(), but a non-zero exit is an error naming the command. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Timed> {
  const result = await timed(command, args, options);
  if (result.code !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` exited ${result.code} (see ${logFile})`);
  }
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Verdict {
  part: string;
  name: string;
  value: number | undefined;
  target: string;
  status: 'PASS' | 'SHORT' | 'N/A';
  note?: string;
}

export const verdicts: Verdict[] = [];

/** Records and prints one ratio with its target: `ratio ≤ max` or `ratio ≥ min`. */
export function verdict(
  part: string,
  name: string,
  value: number | undefined,
  target: { max?: number; min?: number; unit?: string },
  note?: string,
): Verdict {
  const unit = target.unit ?? '×';
  const limit = target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min ?? 0}`;
  const targetText = `${limit}${unit === '×' ? '×' : ` ${unit}`}`;
  let status: Verdict['status'] = 'N/A';
  if (value !== undefined && Number.isFinite(value)) {
    const ok = target.max !== undefined ? value <= target.max : value >= (target.min ?? 0);
    status = ok ? 'PASS' : 'SHORT';
  }
  const result: Verdict = { part, name, value, target: targetText, status };
  if (note !== undefined) result.note = note;
  verdicts.push(result);
  const shown =
    value === undefined || !Number.isFinite(value)
      ? '—'
      : `${value.toFixed(2)}${unit === '×' ? '×' : ` ${unit}`}`;
  console.log(
    `  ${status.padEnd(5)} ${name}: ${shown} (target ${targetText})${note ? ` — ${note}` : ''}`,
  );
  return result;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files and bytes under a directory (not following symlinks). */
export function du(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** A markdown table from rows of cells; the first row is the header. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const [header = [], ...body] = rows;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/** Printed tables, collected for the end of the run (and docs/benchmarks.md). */
export const tables: { title: string; table: string }[] = [];

export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const table = markdownTable(rows);
  tables.push({ title, table });
  console.log(`\n${title}\n${table}\n`);
}
