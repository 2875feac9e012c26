// Settings this app refuses to start without, even in development and tests (they have no safe
// default). The test run sets them in vitest.config.ts; tests that build an environment by hand
// (config.test.ts, server.test.ts) add them too.
import { randomBytes } from 'node:crypto';

export const requiredEnv: Record<string, string> = {
  // Fresh random secrets for every test run: no secret is ever written in the code, not even a
  // test one, so nothing here could sign a token or a webhook for a real deployment.
  JWT_SECRET: randomBytes(32).toString('hex'),
  PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
};
