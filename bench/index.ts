// `npm run bench`: performance measured side by side on this machine, as ratios and medians
// (the machines are noisy; never one absolute time). Not part of `npm test`.
//
//   npm run bench [-- --only scaffold,npx,footprint,throughput,class] [--runs <n>]
//                 [--seconds <s>] [--ideas todo-app,blog] [--keep]
//
// Parts: scaffold speed vs create-vite and express-generator; first run through npx with an
// empty cache; starter footprint vs a popular boilerplate's dependency set; starter throughput
// vs a bare Express + Mongoose app, for every CRUD idea or those --ideas names (needs
// MONGODB_URI, default mongodb://127.0.0.1:27217/);
// class scale. Each prints its ratios with target and PASS/SHORT; the summary and tables are
// also written to .cache/bench/last-run.md (the source of docs/benchmarks.md).
// Exit code 0 when it ran (whatever the verdicts), 1 when a part failed, 2 on a usage error.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchClassScale } from './class-scale.ts';
import { CRUD_BENCHES } from './crud-ideas.ts';
import { benchFootprint } from './footprint.ts';
import { cacheDir, cliPath, logFile, markdownTable, stopAll, tables, verdicts } from './lib.ts';
import { benchNpx } from './npx.ts';
import { benchScaffold } from './scaffold.ts';
import { benchThroughput } from './throughput.ts';

const PARTS = ['scaffold', 'npx', 'footprint', 'throughput', 'class'] as const;
type Part = (typeof PARTS)[number];

const USAGE =
  'Usage: npm run bench -- [--only ' +
  PARTS.join(',') +
  '] [--runs <n>] [--seconds <s>] [--ideas <idea,…> (throughput)] [--keep]';

function parse(argv: string[]) {
  const options = {
    only: new Set<Part>(PARTS),
    runs: 0,
    seconds: 5,
    keep: false,
    ideas: undefined as string[] | undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = () => {
      const next = inline ?? argv[(i += 1)];
      if (next === undefined) throw new Error(`${name} needs a value`);
      return next;
    };
    if (name === '--only') {
      const parts = value().split(',');
      const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
      if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}`);
      options.only = new Set(parts as Part[]);
    } else if (name === '--runs') options.runs = Number(value());
    else if (name === '--seconds') options.seconds = Number(value());
    else if (name === '--ideas') {
      const ideas = value().split(',');
      const unknown = ideas.filter((idea) => !CRUD_BENCHES.some((bench) => bench.idea === idea));
      if (unknown.length > 0) {
        const known = CRUD_BENCHES.map((bench) => bench.idea).join(', ');
        throw new Error(`--ideas: ${unknown.join(', ')} is not a CRUD idea (${known})`);
      }
      options.ideas = ideas;
    } else if (name === '--keep') options.keep = true;
    else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 0)
    throw new Error('--runs: a whole number');
  if (!(options.seconds > 0)) throw new Error('--seconds: a positive number');
  return options;
}

function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(
    totalmem() /
    2 ** 30
  ).toFixed(1)} GB memory, Node ${process.version}, ${process.platform} ${process.arch}`;
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(cliPath)) {
    console.error('bench: dist/cli.js is missing; run `npm run build` first');
    return 2;
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(logFile, '');
  const workDir = mkdtempSync(join(tmpdir(), 'cbr-bench-'));
  const cleanup = () => {
    stopAll();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  console.log(`bench on ${machine()}`);
  console.log(`command output goes to ${logFile}`);
  const started = performance.now();
  let failed = false;
  const parts: Record<Part, () => Promise<void>> = {
    scaffold: () => benchScaffold(options.runs || 10),
    npx: () => benchNpx(options.runs || 3),
    // Installs take 20–60 s each, with differences far above the noise: one timed run.
    footprint: () => benchFootprint(workDir, options.runs || 1),
    throughput: () =>
      benchThroughput(workDir, {
        runs: options.runs || 3,
        seconds: options.seconds,
        ...(options.ideas ? { ideas: options.ideas } : {}),
      }),
    class: () => benchClassScale(options.runs || 5),
  };
  try {
    for (const part of PARTS) {
      if (!options.only.has(part)) continue;
      try {
        await parts[part]();
      } catch (error) {
        failed = true;
        console.log(`  FAILED ${part}: ${(error as Error).message}`);
      }
    }
  } finally {
    cleanup();
  }
  const summary = markdownTable([
    ['part', 'measure', 'value', 'target', 'result'],
    ...verdicts.map((v) => [
      v.part,
      v.name,
      v.value === undefined || !Number.isFinite(v.value)
        ? '—'
        : `${v.value.toFixed(2)}${v.target.endsWith('×') ? '×' : ' s'}`,
      v.target,
      v.note ? `${v.status} (${v.note})` : v.status,
    ]),
  ]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\n## Summary (${seconds} s)\n${summary}`);
  writeFileSync(
    join(cacheDir, 'last-run.md'),
    [
      `Run ${new Date().toISOString()} on ${machine()}, ${seconds} s.`,
      '',
      summary,
      ...tables.map(({ title, table }) => `\n${title}\n\n${table}`),
      '',
    ].join('\n'),
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
