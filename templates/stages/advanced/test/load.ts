// `npm run load -- [url] [--duration 10] [--connections 10] [--header "Name: value"]`
//
// A short load test with autocannon against YOUR running server (start it first with
// `npm run dev` or `npm run build && npm start`): how many requests per second it answers and
// how long they take (p50, p99). Run it before and after a change such as the cache, on the same
// machine, and compare (the README's "Measuring performance" section shows how).
//
// It only talks to this machine (127.0.0.1, localhost, ::1) and is capped at 60 s and 100
// connections: a load test against someone else's server is an attack.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    header: { type: 'string', multiple: true, default: [] },
  },
});

const url = new URL(positionals[0] ?? 'http://127.0.0.1:3000/health');
if (!LOOPBACK.has(url.hostname)) {
  console.error(`Refusing to load-test ${url.host}: only this machine (127.0.0.1) is allowed.`);
  process.exit(2);
}
const duration = Math.min(Math.max(Number(values.duration) || 10, 1), 60);
const connections = Math.min(Math.max(Number(values.connections) || 10, 1), 100);
const headers = Object.fromEntries(
  values.header.map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }),
);

console.log(`GET ${url.href} for ${duration} s with ${connections} connections…`);
const result = await autocannon({ url: url.href, duration, connections, headers });
console.log(
  [
    `requests/s  ${result.requests.average.toFixed(0)} (average)`,
    `latency     p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    `answers     ${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors`,
  ].join('\n'),
);
// Non-2xx answers usually mean the rate limit (429) or a missing token (401): not a fair run.
if (result.non2xx > 0) {
  console.log(
    'Some answers were not 2xx: raise RATE_LIMIT_MAX for the test run, or pass --header.',
  );
}
