// One command for the reliability suites (docs/reliability.md):
//
//   npm run reliability -- [--cli-only] [--no-cli] [--no-tests] [--no-fuzz] [--no-faults] [--only <idea/stage>]
//                          [--max-examples <n>] [--fuzz-seconds <s>] [--keep] [--reuse <dir>]
//
// --reuse <dir>: the starters `npm run verify -- --dir <dir>` installed and tested there are
// fuzzed, probed and faulted as they are, and their tests counted from the verify run's report,
// so CI installs and tests each starter once (scripts/test.sh). A starter missing there is
// generated and installed as usual.
//
// 1. the CLI bad-input suite (test/reliability, vitest with its JSON reporter, built bin);
// 2. per available intermediate/advanced starter: its own tests, `npm audit`, and Schemathesis
//    against its /openapi.json (needs MONGODB_URI, and REDIS_URL for advanced starters);
// 3. per available advanced starter: load and faults (scripts/reliability/faults.ts) on
//    databases of the suite's own, which it kills and restarts under load.
// Prints a table (suite, tried, passed, what broke) and `N passed, N failed`; exits 1 when a
// case failed. A suite that cannot run here (no database, no advisory endpoint) is "blocked".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableStarters } from '../generators/catalog.ts';
import { checkStarter, type SuiteResult } from './reliability/starters.ts';
import { stopAllProcessGroups } from './verify/processes.ts';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = join(repoDir, '.tools', 'schemathesis-venv');

const { values } = parseArgs({
  options: {
    'cli-only': { type: 'boolean', default: false },
    'no-cli': { type: 'boolean', default: false },
    'no-tests': { type: 'boolean', default: false },
    'no-fuzz': { type: 'boolean', default: false },
    'no-faults': { type: 'boolean', default: false },
    'max-examples': { type: 'string', default: '10' },
    'fuzz-seconds': { type: 'string', default: '240' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    reuse: { type: 'string' },
  },
});

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  numPendingTests: number;
  testResults: {
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

function cliSuite(): SuiteResult {
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoDir, stdio: 'inherit' });
  if (built.status !== 0)
    return { suite: 'cli bad input + values', tried: 0, passed: 0, broke: ['build'] };
  const report = join(mkdtempSync(join(tmpdir(), 'cbr-reliability-report-')), 'cli.json');
  const vitest = join(repoDir, 'node_modules', 'vitest', 'vitest.mjs');
  spawnSync(
    process.execPath,
    [
      vitest,
      'run',
      'test/reliability',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    { cwd: repoDir, stdio: 'inherit' },
  );
  if (!existsSync(report))
    return { suite: 'cli bad input + values', tried: 0, passed: 0, broke: ['vitest'] };
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  rmSync(dirname(report), { recursive: true, force: true });
  const broke = json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${test.title}: ${(test.failureMessages[0] ?? '').split('\n')[0]}`),
  );
  return {
    suite: 'cli bad input + values',
    tried: json.numTotalTests - json.numPendingTests,
    passed: json.numPassedTests,
    broke,
  };
}

/** The Schemathesis CLI, installed into a venv of its own the first time. */
function schemathesis(): string | undefined {
  const bin = join(VENV, 'bin', 'schemathesis');
  if (existsSync(bin)) return bin;
  console.log(`reliability: installing schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}`);
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  if (venv.status !== 0) return undefined;
  const pip = spawnSync(
    join(VENV, 'bin', 'pip'),
    ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`],
    { stdio: 'inherit' },
  );
  return pip.status === 0 && existsSync(bin) ? bin : undefined;
}

/** `--only blog/advanced,ecommerce/advanced`: the starters to check, or undefined for all. */
const only = values.only?.split(',').map((entry) => entry.trim());

async function starterSuites(): Promise<SuiteResult[]> {
  const starters = availableStarters().filter(
    (starter) =>
      starter.stage !== 'beginner' &&
      (only === undefined || only.includes(`${starter.idea}/${starter.stage}`)),
  );
  const mongodbUri = process.env.MONGODB_URI;
  if (mongodbUri === undefined || mongodbUri === '') {
    return [{ suite: 'starters', tried: 0, passed: 0, broke: [], blocked: 'MONGODB_URI not set' }];
  }
  const fuzzOn = !values['no-fuzz'];
  const bin = fuzzOn ? schemathesis() : '';
  if (bin === undefined) {
    return [{ suite: 'fuzz', tried: 0, passed: 0, broke: [], blocked: 'schemathesis install' }];
  }
  const workDir = mkdtempSync(join(tmpdir(), 'cbr-reliability-'));
  const results: SuiteResult[] = [];
  try {
    for (const { idea, stage } of starters) {
      if (stage === 'advanced' && !process.env.REDIS_URL) {
        results.push({
          suite: `${idea}/${stage}`,
          tried: 0,
          passed: 0,
          broke: [],
          blocked: 'REDIS_URL not set',
        });
        continue;
      }
      const context = {
        repoDir,
        workDir,
        mongodbUri,
        redisUrl: process.env.REDIS_URL,
        schemathesis: bin,
        maxExamples: Number(values['max-examples']),
        fuzzSeconds: Number(values['fuzz-seconds']),
        log: (line: string) => console.log(`reliability: ${line}`),
        reuse: values.reuse,
      };
      results.push(
        ...(await checkStarter(context, idea, stage, {
          tests: !values['no-tests'],
          fuzz: fuzzOn,
          faults: !values['no-faults'],
        })),
      );
      if (!values.keep) rmSync(join(workDir, `${idea}-${stage}`), { recursive: true, force: true });
    }
  } finally {
    await stopAllProcessGroups();
    if (values.keep) console.log(`reliability: starters and logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}

function printTable(results: SuiteResult[]): void {
  const rows = results.map((result) => [
    result.suite,
    String(result.tried),
    result.blocked === undefined ? String(result.passed) : '-',
    result.blocked !== undefined
      ? `blocked (${result.blocked})`
      : result.broke.length === 0
        ? '-'
        : result.broke.join('\n'),
  ]);
  const header = ['suite', 'tried', 'passed', 'what broke'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').split('\n')[0]!.length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 3 ? cell : cell.padEnd(widths[column]!))).join('  ');
  console.log(line(header));
  for (const row of rows) {
    const [first = '', ...more] = (row[3] ?? '').split('\n');
    console.log(line([row[0]!, row[1]!, row[2]!, first]));
    const indent = ' '.repeat(widths[0]! + widths[1]! + widths[2]! + 6);
    for (const extra of more) console.log(`${indent}${extra}`);
  }
}

process.once('SIGINT', () => {
  void stopAllProcessGroups().finally(() => process.exit(130));
});

const results: SuiteResult[] = values['no-cli'] ? [] : [cliSuite()];
if (!values['cli-only']) results.push(...(await starterSuites()));
console.log('\nreliability:\n');
printTable(results);
const counted = results.filter((result) => result.blocked === undefined);
const passed = counted.reduce((sum, result) => sum + result.passed, 0);
// A suite that broke before it could count its cases (a failed build, a boot error) is one
// failure, never a silent zero.
const failed = counted.reduce(
  (sum, result) => sum + Math.max(result.tried - result.passed, result.broke.length > 0 ? 1 : 0),
  0,
);
const blocked = results.length - counted.length;
console.log(
  `\n${passed} passed, ${failed} failed${blocked > 0 ? ` (${blocked} suite(s) blocked)` : ''}`,
);
process.exitCode = failed > 0 ? 1 : 0;
