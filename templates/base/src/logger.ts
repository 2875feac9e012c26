// One logger for the whole app. pino writes one JSON object per line: easy for machines to
// search, and `npx pino-pretty` makes it readable for you (`npm run dev | npx pino-pretty`).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { config } from './config.js';

/**
 * Credentials must never reach a log file. Request log lines leave the request's headers out
 * (requestSummary below); redaction catches what you log yourself: a request with its headers
 * (`logger.info({ req: { headers } })`), a cookie being set, or a password inside a logged
 * object (`logger.info({ user })`, `{ body }`).
 */
export const redact = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    'password',
    '*.password',
    '*.*.password',
  ],
  censor: '[redacted]',
};

/**
 * In production pino writes asynchronously: a request does not wait for its log line to reach
 * stdout (under load a synchronous write is a real share of each request's time), and
 * pino flushes what is left when the process exits. In development and tests every line is
 * written at once, so what you read in the terminal is always up to date.
 */
export const logger = pino(
  { level: config.logLevel, redact },
  pino.destination({ sync: !config.isProduction }),
);

function summary(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): string {
  // Inside a router Express shortens `req.url` (`/todos/42` becomes `/42`); `originalUrl` is
  // what the client asked for.
  return `${req.method} ${req.originalUrl ?? req.url} → ${res.statusCode}`;
}

/**
 * Every request gets an id, in its log lines and in the `X-Request-Id` response header, so a
 * user's bug report ("request 3f2a… failed") leads straight to the log. An id sent by a proxy in
 * front of the app is kept when it looks like one (letters, digits, `-`, at most 64), so the
 * proxy's logs and these match; anything else is replaced, never logged as it came.
 */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** What pino-http's request serializer hands over (the fields used here). */
interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
}

/**
 * What a request log line says about the request: which one it was (id), what was asked
 * (method, URL) and by whom (address). Not its headers: pino-http puts the request into a
 * child logger for every request, so whatever is kept here is serialized on every request,
 * before the route even runs, and headers are most of it: on a fast route (one findById)
 * serializing them is a measurable share of the request's time. Headers are also where
 * credentials travel, and a field that is not logged cannot leak. Fastify's default request log
 * makes the same choice. Need a header while debugging? `req.log.info({ ua: req.get('user-agent') })`.
 */
function requestSummary(req: SerializedRequest): SerializedRequest {
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}

/**
 * Request logging middleware: one line per request, written when the response is finished, e.g.
 * `GET /todos/42 → 404`, with the request (id, method, URL, address), the response (status and
 * headers) and `responseTime` in milliseconds. It also gives every request its own child
 * logger, `req.log`, tagged with the request. `to` is the logger it writes to (tests pass their
 * own).
 */
export function httpLogger(to: Logger = logger): HttpLogger {
  return pinoHttp({
    logger: to,
    genReqId: requestId,
    serializers: { req: requestSummary },
    // The client's mistakes are worth a warning; the server's failures are errors.
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    customSuccessMessage: summary,
    customErrorMessage: summary,
  });
}
