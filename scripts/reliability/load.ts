// Bounded load for the fault suite: a fixed number of concurrent request loops that stop at a
// deadline, each answer tallied by status (or by network error code) with the time it came, so
// a phase can ask "what did clients get while Redis was down?". Loopback only, like every server
// the suites start. autocannon measures the steady load (faults.ts); this loop is for phases
// that need to know when each answer arrived.
import { request } from 'node:http';

export interface Outcome {
  /** ms since the load started */
  at: number;
  /** HTTP status, or undefined for a network error */
  status: number | undefined;
  error: string | undefined;
}

export interface HttpCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * One request on a connection of its own (`agent: false`, `Connection: close`): a keep-alive
 * connection closed by a server that is shutting down would fail a request the server never
 * saw, and the SIGTERM phase must tell those apart from requests the server dropped.
 */
export function send(call: HttpCall, timeoutMs = 15_000): Promise<Answer> {
  const url = new URL(call.url);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`refusing to load ${call.url}: loopback only`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: call.method,
        headers: { ...call.headers, connection: 'close' },
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        // 'aborted' means the body was cut off: an answer that did not complete.
        res.on('aborted', () =>
          reject(Object.assign(new Error('body cut off'), { code: 'ABORTED' })),
        );
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(call.body);
  });
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : (error as Error).message;
}

export interface Load {
  /** Resolves when every loop has stopped (at the deadline, or after stop()). */
  done: Promise<Outcome[]>;
  stop(): void;
}

/** `connections` loops, each sending `next()` until `seconds` have passed. */
export function startLoad(next: () => HttpCall, connections: number, seconds: number): Load {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const outcomes: Outcome[] = [];
  let stopped = false;
  const loop = async () => {
    while (!stopped && performance.now() < deadline) {
      try {
        // With the database down, the honest 503 comes only after the starter's own waits
        // (DATABASE_WAIT_MS in its src/db.ts, 5 s each for Mongoose's buffering and for choosing
        // a server, which a retried read can meet twice): a client that gave up sooner would
        // count it as no answer. Longer than that still is a hang.
        const answer = await send(next(), 15_000);
        outcomes.push({ at: performance.now() - started, status: answer.status, error: undefined });
      } catch (error) {
        outcomes.push({
          at: performance.now() - started,
          status: undefined,
          error: errorCode(error),
        });
        // A refused connection answers at once: don't spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const done = Promise.all(Array.from({ length: connections }, loop)).then(() => outcomes);
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}

/** "200×812, 503×40, ECONNREFUSED×3": what a window of answers was made of. */
export function summarize(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const key = outcome.status === undefined ? String(outcome.error) : String(outcome.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key}×${count}`).join(', ') || 'nothing';
}
