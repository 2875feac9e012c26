// The verify matrix: every available starter, generated with the built CLI outside the repo,
// must install, typecheck, lint, format-check, pass its tests, boot in production against a real
// MongoDB-compatible server, answer its smoke calls and shut down gracefully.
//
//   npm run verify -- [--idea <idea>] [--stage <stage>] [--keep] [--jobs <n>]
//   bash scripts/verify.sh [same options]   (starts FerretDB and Redis first)
//
// Closes with `N passed, N failed` (starters) and exits 1 when any failed, 2 on a usage error,
// 130 when interrupted.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableStarters } from '../generators/catalog.ts';
import { USAGE, UsageError, parseOptions, type VerifyOptions } from './verify/options.ts';
import { stopAllProcessGroups } from './verify/processes.ts';
import { passed, seconds, summaryLine, table, type StarterResult } from './verify/report.ts';
import { starterDir, verifyStarter, type MatrixContext } from './verify/starter.ts';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function readOptions(): VerifyOptions {
  try {
    return parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`verify: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function selectStarters(options: VerifyOptions) {
  return availableStarters().filter(
    (starter) =>
      (options.idea === undefined || starter.idea === options.idea) &&
      (options.stage === undefined || starter.stage === options.stage),
  );
}

function requireEnv(name: string, why: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.error(
      `verify: ${name} is not set, and ${why}.\n` +
        'Run `bash scripts/verify.sh` (it starts FerretDB and Redis on free ports) or set it.',
    );
    process.exit(2);
  }
  return value;
}

/** Runs the starters `jobs` at a time, in catalog order. */
async function runPool<T, R>(items: T[], jobs: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function main(): Promise<number> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const starters = selectStarters(options);
  const filters = [
    options.idea && `idea ${options.idea}`,
    options.stage && `stage ${options.stage}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (starters.length === 0 && filters !== '') {
    console.error(`verify: no available starter matches ${filters}`);
    return 2;
  }
  const mongodbUri = requireEnv('MONGODB_URI', 'every starter boots against it');
  const redisUrl = starters.some((starter) => starter.stage === 'advanced')
    ? requireEnv('REDIS_URL', 'advanced starters need it')
    : process.env.REDIS_URL;

  const workDir =
    options.dir === undefined ? mkdtempSync(join(tmpdir(), 'cbr-verify-')) : resolve(options.dir);
  mkdirSync(workDir, { recursive: true });
  let aborted = false;
  const cleanUp = (): void => {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  };
  // On Ctrl-C or SIGTERM: stop every process group, clean up, and leave with 130 or 143.
  let interrupted: ((code: number) => void) | undefined;
  const interruptedExit = new Promise<number>((resolve) => {
    interrupted = resolve;
  });
  const interrupt = (signal: NodeJS.Signals, code: number) => {
    process.once(signal, () => {
      aborted = true;
      console.error(`\nverify: ${signal}: stopping everything the matrix started`);
      void stopAllProcessGroups().finally(() => {
        cleanUp();
        interrupted?.(code);
        process.exit(code);
      });
    });
  };
  interrupt('SIGINT', 130);
  interrupt('SIGTERM', 143);

  const context: MatrixContext = {
    repoDir,
    workDir,
    mongodbUri,
    redisUrl,
    runId: Date.now().toString(36),
    isAborted: () => aborted,
  };
  console.log(
    `verify: ${starters.length} starter(s)${filters === '' ? '' : ` (${filters})`}, ` +
      `${options.jobs} at a time, node ${process.version}, in ${workDir}`,
  );
  console.log(`verify: MONGODB_URI=${mongodbUri}${redisUrl ? ` REDIS_URL=${redisUrl}` : ''}`);

  const startedAt = performance.now();
  let results: StarterResult[];
  try {
    results = await runPool(starters, options.jobs, async ({ idea, stage }) => {
      const result = await verifyStarter(context, idea, stage);
      console.log(
        `[${result.id}] ${passed(result) ? 'passed' : 'FAILED'} in ${seconds(result.ms)}`,
      );
      if (!options.keep) rmSync(starterDir(context, idea, stage), { recursive: true, force: true });
      return result;
    });
  } finally {
    await stopAllProcessGroups();
    cleanUp();
  }

  // A partial table after an interruption would mislead: leave with the signal's code instead.
  if (aborted) return interruptedExit;
  console.log(`\nverify matrix (${seconds(performance.now() - startedAt)}):\n`);
  console.log(table(results));
  if (options.keep) console.log(`\nstarters and logs kept in ${workDir}`);
  console.log(`\n${summaryLine(results)}`);
  return results.every(passed) ? 0 : 1;
}

process.exitCode = await main();
