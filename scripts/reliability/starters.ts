// The reliability suites that need a real starter: for every available intermediate and
// advanced starter, generated with the built CLI outside the repo and installed, (1) its own
// tests (the security tests among them), (2) a dependency audit, and (3) Schemathesis against
// its OpenAPI document while it runs in production mode on loopback, logged in as a fresh user.
// Booting reuses the verify matrix's helpers (scripts/verify/*).
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { IdeaId, StageId } from '../../generators/catalog.ts';
import { loadStarterManifest, type SmokeStep } from '../../generators/manifest.ts';
import { runSmoke, substitute } from '../verify/smoke.ts';
import { baseEnvironment, readDotenvExample, withDatabase } from '../verify/environment.ts';
import { listeningOn } from '../verify/listening.ts';
import { faults } from './faults.ts';
import { securityProbe, type OpenApiDocument } from './probe.ts';
import { freePort, run, signalGroup, start, type Started } from '../verify/processes.ts';
import { dropDatabase, startCommand, TEST_REPORT, waitForHttp } from '../verify/starter.ts';

export interface SuiteResult {
  suite: string;
  tried: number;
  passed: number;
  /** What broke, one line each; empty when everything passed. */
  broke: string[];
  /** Set when the suite could not run here at all (neither passed nor failed). */
  blocked?: string;
}

export interface StarterContext {
  repoDir: string;
  workDir: string;
  mongodbUri: string;
  redisUrl: string | undefined;
  schemathesis: string;
  /** Schemathesis bounds. */
  maxExamples: number;
  fuzzSeconds: number;
  log: (line: string) => void;
  /** A verify matrix folder (`npm run verify -- --dir`) whose installed starters are used. */
  reuse?: string;
}

const MINUTE = 60_000;

/**
 * The caller's environment for npm, plus the system redis-server for redis-memory-server (the
 * advanced starters' tests), whose postinstall would otherwise download Redis (scripts/services.sh
 * exports the same).
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env = baseEnvironment(process.env);
  if (env.REDISMS_SYSTEM_BINARY === undefined && existsSync('/usr/bin/redis-server')) {
    env.REDISMS_SYSTEM_BINARY = '/usr/bin/redis-server';
  }
  if (env.REDISMS_SYSTEM_BINARY !== undefined) env.REDISMS_DISABLE_POSTINSTALL ??= '1';
  return env;
}

function tailOf(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * The starter the verify matrix installed and tested in `context.reuse` (`npm run verify --
 * --dir`), if it is there with its dependencies and its test report.
 */
function verified(context: StarterContext, idea: IdeaId, stage: StageId): string | undefined {
  if (context.reuse === undefined) return undefined;
  const dir = join(context.reuse, `${idea}-${stage}`);
  const complete = existsSync(join(dir, 'node_modules')) && existsSync(join(dir, TEST_REPORT));
  return complete ? dir : undefined;
}

/** Generates and installs one starter; undefined (and logged) when that fails. */
async function prepare(
  context: StarterContext,
  idea: IdeaId,
  stage: StageId,
  logFile: string,
): Promise<string | undefined> {
  const name = `${idea}-${stage}`;
  const dir = join(context.workDir, name);
  const env = npmEnvironment();
  const cli = join(context.repoDir, 'dist', 'cli.js');
  const generated = await run(
    process.execPath,
    [cli, idea, name, '--stage', stage, '--no-install', '--no-git', '--yes'],
    { cwd: context.workDir, env, logFile, timeoutMs: 2 * MINUTE },
  );
  if (!generated.ok) return undefined;
  const installed = await run('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: dir,
    env,
    logFile,
    timeoutMs: 10 * MINUTE,
  });
  return installed.ok ? dir : undefined;
}

function checkEnv(context: StarterContext, stage: StageId): NodeJS.ProcessEnv {
  const env = npmEnvironment();
  env.MONGODB_URI = context.mongodbUri;
  delete env.REDIS_URL;
  if (stage === 'advanced' && context.redisUrl !== undefined) env.REDIS_URL = context.redisUrl;
  return env;
}

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** The starter's own `npm test` (vitest), counted through its JSON reporter. */
export async function starterTests(
  context: StarterContext,
  id: string,
  dir: string,
  stage: StageId,
  logFile: string,
  /** Count the verify matrix's run of these tests (its JSON report) instead of running them. */
  reused = false,
): Promise<SuiteResult> {
  if (reused) return countTests(id, dir);
  const result = await run(
    'npm',
    ['test', '--', '--reporter=json', `--outputFile=${TEST_REPORT}`],
    {
      cwd: dir,
      env: checkEnv(context, stage),
      logFile,
      timeoutMs: 10 * MINUTE,
    },
  );
  const counted = countTests(id, dir, tailOf(result.tail.text(), 5));
  if (!result.ok && counted.broke.length === 0) {
    counted.broke.push(`npm test: exit code ${result.code}`);
  }
  return counted;
}

/** The tests of vitest's JSON report in `dir` (TEST_REPORT); `missing` explains a missing one. */
function countTests(id: string, dir: string, missing = `no ${TEST_REPORT}`): SuiteResult {
  const report = join(dir, TEST_REPORT);
  if (!existsSync(report)) return { suite: `tests ${id}`, tried: 0, passed: 0, broke: [missing] };
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  const broke = json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${file.name.slice(dir.length + 1)}: ${test.fullName}`),
  );
  return { suite: `tests ${id}`, tried: json.numTotalTests, passed: json.numPassedTests, broke };
}

/** `npm audit` for the production dependencies; blocked where the advisory endpoint is not served. */
export async function audit(id: string, dir: string, logFile: string): Promise<SuiteResult> {
  const result = await run('npm', ['audit', '--omit=dev', '--audit-level=high'], {
    cwd: dir,
    env: baseEnvironment(process.env),
    logFile,
    timeoutMs: 2 * MINUTE,
  });
  const output = result.tail.text();
  const suite = `audit ${id}`;
  if (result.ok) return { suite, tried: 1, passed: 1, broke: [] };
  if (/\b(405|404|501)\b|ENOAUDIT|audit endpoint|Method Not Allowed/i.test(output)) {
    return { suite, tried: 0, passed: 0, broke: [], blocked: 'advisory endpoint unavailable' };
  }
  if (/vulnerabilit/i.test(output)) {
    return { suite, tried: 1, passed: 0, broke: [tailOf(output, 3).replace(/\n/g, ' ')] };
  }
  return { suite, tried: 0, passed: 0, broke: [], blocked: tailOf(output, 1) };
}

/**
 * An Authorization header for the fuzzer, got the way the starter's own smoke steps get one:
 * they run up to the first successful call that sends an Authorization header (a sign-up and a
 * login, in whatever shape the idea's API has, Conduit's `{ user }` bodies and `Token` scheme
 * included), and that call's header is the one used. Undefined when no step sends one.
 */
async function authorization(
  baseUrl: string,
  steps: readonly SmokeStep[],
): Promise<string | undefined> {
  const headerOf = (step: SmokeStep) =>
    Object.entries(step.headers ?? {}).find(
      ([name]) => name.toLowerCase() === 'authorization',
    )?.[1];
  const index = steps.findIndex((step) => step.status < 300 && headerOf(step) !== undefined);
  if (index === -1) return undefined;
  const outcome = await runSmoke(baseUrl, steps.slice(0, index), () => {});
  if (!outcome.ok) return undefined;
  try {
    return substitute(headerOf(steps[index]!) ?? '', outcome.values);
  } catch {
    return undefined;
  }
}

/**
 * Boots the built starter in production on a loopback port, as the verify matrix does, in a
 * fresh database unless `database` names one (the fault suite boots twice on the same data).
 */
export async function boot(
  context: StarterContext,
  dir: string,
  idea: IdeaId,
  stage: StageId,
  logFile: string,
  database = `reliability_${idea}_${stage}_${Date.now().toString(36)}`.replace(/\W/g, '_'),
): Promise<{ server: Started; baseUrl: string; uri: string; error?: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  const example = readDotenvExample(dir);
  const uri = withDatabase(context.mongodbUri, database);
  const env: NodeJS.ProcessEnv = {
    ...baseEnvironment(process.env),
    ...example,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    MONGODB_URI: uri,
    PATH: [join(dir, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
  };
  delete env.REDIS_URL;
  if ((stage === 'advanced' || 'REDIS_URL' in example) && context.redisUrl !== undefined) {
    env.REDIS_URL = context.redisUrl;
  }
  // No rate limit in the way of a fuzzer (the starters read these from the environment).
  env.RATE_LIMIT_MAX = '100000';
  const [shell = 'sh', ...args] = startCommand(dir);
  const server = start(shell, args, { cwd: dir, env, logFile });
  const outcome = await waitForHttp(server, baseUrl, Date.now() + MINUTE);
  if (!outcome.ok) return { server, baseUrl, uri, error: outcome.detail ?? 'did not start' };
  const exposed = (listeningOn(port) ?? []).filter((socket) => !socket.loopback);
  if (exposed.length > 0) return { server, baseUrl, uri, error: 'listening beyond loopback' };
  return { server, baseUrl, uri };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_whole, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

const CURL_CHARS = 240;

/**
 * The failures of a Schemathesis run, from its JUnit report (its console output can hold
 * megabytes of generated bodies): one line per failing case with the operation, the checks, the
 * status received and the curl command that reproduces it (cut to CURL_CHARS).
 */
export function schemathesisFindings(junit: string): string[] {
  const findings: string[] = [];
  const testcases = junit.matchAll(/<testcase name="([^"]*)"[^>]*[^/]>([\s\S]*?)<\/testcase>/g);
  for (const [, name = '', body = ''] of testcases) {
    const failures = body.matchAll(/<(?:failure|error)[^>]*>([\s\S]*?)<\/(?:failure|error)>/g);
    for (const [, raw = ''] of failures) {
      for (const example of unescapeXml(raw).split(/\n(?=\d+\. Test Case ID)/)) {
        const checks = [...example.matchAll(/^- (ST\d+ .+)$/gm)].map((match) => match[1]);
        const status = /^\[(\d{3})\]/m.exec(example)?.[1];
        const curl = /^\s*(curl .+)$/m.exec(example)?.[1];
        const shortCurl =
          curl === undefined
            ? ''
            : ` — ${curl.length > CURL_CHARS ? `${curl.slice(0, CURL_CHARS)}…` : curl}`;
        findings.push(
          `${unescapeXml(name)}: ${[...new Set(checks)].join('; ')}` +
            `${status ? ` → ${status}` : ''}${shortCurl}`,
        );
      }
    }
  }
  return findings;
}

export async function fuzz(
  context: StarterContext,
  id: string,
  dir: string,
  idea: IdeaId,
  stage: StageId,
  logFile: string,
): Promise<SuiteResult[]> {
  const suite = `fuzz ${id}`;
  const built = await run('npm', ['run', 'build'], {
    cwd: dir,
    env: checkEnv(context, stage),
    logFile,
    timeoutMs: 5 * MINUTE,
  });
  if (!built.ok) return [{ suite, tried: 0, passed: 0, broke: ['npm run build failed'] }];
  const { server, baseUrl, uri, error } = await boot(context, dir, idea, stage, logFile);
  try {
    if (error !== undefined) return [{ suite, tried: 0, passed: 0, broke: [`boot: ${error}`] }];
    const documentUrl = new URL('openapi.json', baseUrl).toString();
    const response = await fetch(documentUrl, { signal: AbortSignal.timeout(10_000) });
    if (response.status !== 200) {
      return [{ suite, tried: 0, passed: 0, broke: [], blocked: 'no /openapi.json' }];
    }
    const document = (await response.json()) as OpenApiDocument;
    const header = await authorization(baseUrl, loadStarterManifest(idea, stage).smoke);
    context.log(`[${id}] fuzzing ${header === undefined ? 'without' : 'with'} a logged-in user`);
    // The probe sends its own and forged tokens with the document's scheme word (Bearer, Token).
    const token = header?.replace(/^\S+\s+/, '');
    const args = [
      'run',
      documentUrl,
      '--checks',
      'not_a_server_error,response_schema_conformance,status_code_conformance',
      '--max-examples',
      String(context.maxExamples),
      '--phases',
      'examples,coverage,fuzzing',
      '--request-timeout',
      '10',
      '--seed',
      '1',
      '--no-color',
      '--report',
      'junit',
      '--report-junit-path',
      join(dir, '.reliability-fuzz.xml'),
      ...(header === undefined ? [] : ['-H', `Authorization: ${header}`]),
    ];
    const fuzzRun = await run(context.schemathesis, args, {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_HOOKS: '' },
      logFile,
      timeoutMs: context.fuzzSeconds * 1000,
    });
    const output = fuzzRun.tail.text();
    const junit = existsSync(join(dir, '.reliability-fuzz.xml'))
      ? readFileSync(join(dir, '.reliability-fuzz.xml'), 'utf8')
      : '';
    const tried = Number(/<testsuite[^>]* tests="(\d+)"/.exec(junit)?.[1] ?? 0);
    const failed =
      Number(/<testsuite[^>]* failures="(\d+)"/.exec(junit)?.[1] ?? 0) +
      Number(/<testsuite[^>]* errors="(\d+)"/.exec(junit)?.[1] ?? 0);
    const broke = schemathesisFindings(junit);
    if (fuzzRun.timedOut) broke.push(`schemathesis stopped after ${context.fuzzSeconds} s`);
    if (!fuzzRun.ok && broke.length === 0) broke.push(tailOf(output, 5).replace(/\n/g, ' '));
    context.log(`[${id}] schemathesis: ${tailOf(output, 1)}${token ? ' (logged in)' : ''}`);
    const fuzzed = { suite, tried, passed: Math.max(tried - failed, 0), broke };
    context.log(`[${id}] security probe`);
    const secret = readDotenvExample(dir).JWT_SECRET;
    return [fuzzed, await securityProbe(id, baseUrl, document, token, stage, secret)];
  } finally {
    if (server.child.pid !== undefined) signalGroup(server.child.pid, 'SIGTERM');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.child.pid !== undefined) signalGroup(server.child.pid, 'SIGKILL');
    // The fuzzer's users and notes go with the database, as the verify matrix does.
    await dropDatabase(dir, uri, npmEnvironment(), logFile);
  }
}

/** Everything for one starter: its tests, the audit, and the fuzz run. */
export async function checkStarter(
  context: StarterContext,
  idea: IdeaId,
  stage: StageId,
  suites: { tests: boolean; fuzz: boolean; faults: boolean },
): Promise<SuiteResult[]> {
  const id = `${idea}/${stage}`;
  const logFile = join(context.workDir, `${idea}-${stage}.log`);
  const reused = verified(context, idea, stage);
  context.log(
    `[${id}] ${reused ? `the verify matrix's install in ${reused}` : 'generate and install'}`,
  );
  const dir = reused ?? (await prepare(context, idea, stage, logFile));
  if (dir === undefined) {
    return [{ suite: `starter ${id}`, tried: 1, passed: 0, broke: [`generate/install failed`] }];
  }
  const results: SuiteResult[] = [];
  if (suites.tests) {
    context.log(`[${id}] npm test${reused ? ' (counted from the verify run)' : ''}`);
    results.push(await starterTests(context, id, dir, stage, logFile, reused !== undefined));
  }
  context.log(`[${id}] npm audit`);
  results.push(await audit(id, dir, logFile));
  if (suites.fuzz) {
    context.log(`[${id}] schemathesis`);
    results.push(...(await fuzz(context, id, dir, idea, stage, logFile)));
  }
  if (suites.faults && stage === 'advanced') {
    context.log(`[${id}] load and faults`);
    results.push(await faults(context, id, dir, idea, stage, logFile));
  }
  return results;
}
