// One logger for the whole app. pino writes one JSON object per line: easy for machines to
// search, and `npx pino-pretty` makes it readable for you (`npm run dev | npx pino-pretty`).
import { pino } from 'pino';
import { config } from './config.js';

export const logger = pino({
  level: config.logLevel,
  // Request logs include headers; credentials must never reach a log file.
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
});
