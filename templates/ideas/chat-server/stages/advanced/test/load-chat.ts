// `npm run load:chat -- [url] [--clients 20] [--messages 10] [--interval 600]`
//
// A load test for the socket side against YOUR running server (`npm run dev`, or two instances
// behind one Redis): it registers --clients users, puts them all in one room, connects each with
// its own socket, and has each send --messages messages, one every --interval ms. Every client
// receives everyone else's messages, so 20 clients × 10 messages are 3,800 deliveries. It
// prints how many arrived, deliveries per second and the delivery latency (p50, p95, p99: from
// the sender's emit to the receiver's event, on one clock, since all clients run here).
//
// Bounded on purpose: this machine only (127.0.0.1, localhost, ::1), at most 200 clients, 100
// messages each and 60 s in all; a load test against someone else's server is an attack. Each
// user sends below CHAT_RATE_LIMIT_MAX per window with the default interval; registering the
// users counts against the HTTP rate limit (RATE_LIMIT_MAX): raise it for runs over ~45 clients.
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    clients: { type: 'string', default: '20' },
    messages: { type: 'string', default: '10' },
    interval: { type: 'string', default: '600' },
  },
});

const base = new URL(positionals[0] ?? 'http://127.0.0.1:3000');
if (!LOOPBACK.has(base.hostname)) {
  console.error(`Refusing to load-test ${base.host}: only this machine (127.0.0.1) is allowed.`);
  process.exit(2);
}
const bounded = (value: string, min: number, max: number, fallback: number) =>
  Math.min(Math.max(Number(value) || fallback, min), max);
const clientCount = bounded(values.clients, 2, 200, 20);
const messageCount = bounded(values.messages, 1, 100, 10);
const intervalMs = bounded(values.interval, 10, 10_000, 600);
const DEADLINE_MS = 60_000;

async function post<T>(path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const run = Date.now().toString(36);
console.log(`Registering ${clientCount} users on ${base.origin}…`);
const tokens: string[] = [];
for (let index = 0; index < clientCount; index += 1) {
  const user = {
    name: `load${String(index)}`,
    email: `load-${run}-${String(index)}@example.com`,
    password: 'load test password',
  };
  tokens.push((await post<{ token: string }>('/auth/register', user)).token);
}
const room = await post<{ id: string }>('/rooms', { name: `load-${run}` }, tokens[0]);
for (const token of tokens) await post(`/rooms/${room.id}/members/me`, undefined, token, 'PUT');

const latencies: number[] = [];
let refused = 0;
const sockets: Socket[] = await Promise.all(
  tokens.map(async (token) => {
    const socket = io(base.origin, { auth: { token }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = (await socket.emitWithAck('join', { room: room.id })) as { ok: boolean };
    if (!joined.ok) throw new Error('join refused');
    socket.on('message', ({ text }: { text: string }) => {
      latencies.push(Date.now() - Number(text.split(' ')[1]));
    });
    return socket;
  }),
);

const expected = clientCount * (clientCount - 1) * messageCount;
console.log(
  `${clientCount} clients × ${messageCount} messages, one every ${intervalMs} ms: ` +
    `${expected} deliveries expected…`,
);
const started = Date.now();
await Promise.all(
  sockets.map(async (socket, index) => {
    // Spread the senders over the interval instead of all at the same instant.
    await new Promise((resolve) => setTimeout(resolve, (index * intervalMs) / clientCount));
    for (let sent = 0; sent < messageCount && Date.now() - started < DEADLINE_MS; sent += 1) {
      const answer = (await socket
        .timeout(10_000)
        .emitWithAck('message', { room: room.id, text: `load ${String(Date.now())}` })) as {
        ok: boolean;
      };
      if (!answer.ok) refused += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }),
);
// Let the last deliveries arrive.
const settle = Date.now() + 5_000;
while (latencies.length < expected - refused * (clientCount - 1) && Date.now() < settle) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const seconds = (Date.now() - started) / 1000;
for (const socket of sockets) socket.close();

const sorted = [...latencies].sort((a, b) => a - b);
console.log(
  [
    `delivered   ${latencies.length} of ${expected} (${refused} messages refused)`,
    `rate        ${(latencies.length / seconds).toFixed(0)} deliveries/s over ${seconds.toFixed(1)} s`,
    `latency     p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms`,
  ].join('\n'),
);
if (refused > 0)
  console.log('Some messages were refused: raise --interval or CHAT_RATE_LIMIT_MAX.');
