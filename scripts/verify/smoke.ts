// Runs a starter's smoke steps (the `smoke` lists of its layer manifests) against the booted
// server: each step is one HTTP call with an expected status, and may capture a header or a JSON
// value that later steps use as `${name}` in their path, body or headers.
import type { SmokeStep } from '../../generators/manifest.ts';

export interface SmokeCall {
  step: SmokeStep;
  url: string;
  status: number | undefined;
  ms: number;
  error: string | undefined;
}

export interface SmokeOutcome {
  ok: boolean;
  calls: SmokeCall[];
  serverErrors: number;
  /** What the steps captured, by name (the reliability suites carry on from there). */
  values: ReadonlyMap<string, string>;
}

const REQUEST_TIMEOUT_MS = 10_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `${name}`: a value an earlier step captured. */
const PLACEHOLDER = /\$\{([A-Za-z0-9_.-]+)\}/g;

/** The names of the captured values a path, header or body text uses, in order. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

export function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`\${${name}} is used before any step captured it`);
    return value;
  });
}

export function substituteDeep(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return substitute(value, values);
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteDeep(item, values)]),
    );
  }
  return value;
}

/** `a.b.0.c` into parsed JSON; undefined when any part is missing. */
export function pick(json: unknown, path: string): unknown {
  let current = json;
  for (const part of path.split('.').filter((segment) => segment !== '')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A path is requested against the server's base URL; a captured absolute URL (a Location header,
 * a Todo-Backend `url`) is requested as it is, but only on this machine's loopback.
 */
export function resolveUrl(baseUrl: string, path: string): string {
  if (!/^https?:\/\//i.test(path)) return new URL(path, baseUrl).toString();
  const url = new URL(path);
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`refusing to call ${path}: the verify matrix only calls loopback addresses`);
  }
  return url.toString();
}

function capture(
  rule: string,
  response: Response,
  json: unknown,
): { value: string } | { error: string } {
  const separator = rule.indexOf(':');
  const kind = rule.slice(0, separator);
  const key = rule.slice(separator + 1);
  if (kind === 'header') {
    const value = response.headers.get(key);
    return value === null ? { error: `no ${key} header` } : { value };
  }
  if (kind === 'json') {
    const value = pick(json, key);
    if (value === undefined || value === null) return { error: `no JSON value at ${key}` };
    return { value: typeof value === 'string' ? value : JSON.stringify(value) };
  }
  return { error: `unknown capture "${rule}" (use header:<name> or json:<path>)` };
}

export function unexpectedHeader(step: SmokeStep, response: Response): string | undefined {
  for (const [name, pattern] of Object.entries(step.expectHeaders ?? {})) {
    const value = response.headers.get(name);
    if (value === null || !new RegExp(pattern, 'i').test(value)) {
      return `header ${name} is ${value === null ? 'missing' : `"${value}"`}, expected /${pattern}/`;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One step: the call, its checks and its captures (stored into `values`). */
export async function callStep(
  baseUrl: string,
  step: SmokeStep,
  values: Map<string, string>,
): Promise<SmokeCall> {
  const startedAt = performance.now();
  let url = step.path;
  try {
    url = resolveUrl(baseUrl, substitute(step.path, values));
    const headers = new Headers(
      Object.entries(step.headers ?? {}).map(([name, value]) => [name, substitute(value, values)]),
    );
    let body: string | FormData | undefined;
    if (step.upload) {
      // fetch sets the multipart boundary itself; the file is filler of the stated size.
      const { field, filename, contentType, bytes } = step.upload;
      body = new FormData();
      body.set(field, new Blob([new Uint8Array(bytes).fill(97)], { type: contentType }), filename);
    } else if (step.body !== undefined) {
      const filled = substituteDeep(step.body, values);
      body = typeof filled === 'string' ? filled : JSON.stringify(filled);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await fetch(url, {
      method: step.method.toUpperCase(),
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const json = parseJson(text);
    let error: string | undefined;
    if (response.status !== step.status) {
      error = `expected ${step.status}, got ${response.status}: ${text.slice(0, 300)}`;
    }
    error ??= unexpectedHeader(step, response);
    for (const [name, rule] of Object.entries(step.capture ?? {})) {
      const captured = capture(rule, response, json);
      if ('value' in captured) values.set(name, captured.value);
      else error ??= `capture ${name} (${rule}): ${captured.error}`;
    }
    const ms = performance.now() - startedAt;
    return { step, url, status: response.status, ms, error };
  } catch (error) {
    const ms = performance.now() - startedAt;
    const message = (error as Error).message;
    return { step, url, status: undefined, ms, error: message };
  }
}

/** Runs the steps in order and stops at the first failure: later steps depend on earlier ones. */
export async function runSmoke(
  baseUrl: string,
  steps: readonly SmokeStep[],
  onCall: (call: SmokeCall) => void,
): Promise<SmokeOutcome> {
  const values = new Map<string, string>();
  const calls: SmokeCall[] = [];
  let serverErrors = 0;
  for (const step of steps) {
    const done = await callStep(baseUrl, step, values);
    if (done.status !== undefined && done.status >= 500) {
      serverErrors += 1;
      done.error ??= `server error ${done.status}`;
    }
    calls.push(done);
    onCall(done);
    if (done.error !== undefined) return { ok: false, calls, serverErrors, values };
  }
  return { ok: true, calls, serverErrors, values };
}
