// Runs once before all test files, like test/global-setup.ts does for MongoDB: decides which
// Redis the tests use and hands its URL to every worker (`inject('redisUrl')`).
//
// - REDIS_URL set (CI, or your own local server): use it. Each worker writes under its own key
//   prefix and deletes its keys afterwards, so other data on that server is never touched.
// - Not set: start a Redis of the run's own (test/redis-server.ts).
import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // eslint-disable-next-line no-restricted-properties -- test setup decides the server, as in global-setup.ts
  const fromEnvironment = process.env.REDIS_URL;
  if (fromEnvironment) {
    project.provide('redisUrl', fromEnvironment);
    return async () => {};
  }
  const server = await startRedisServer().catch((error: unknown) => {
    throw new Error(
      'Could not start a Redis for the tests. Install Redis (it is then found on the PATH) or ' +
        'set REDISMS_SYSTEM_BINARY to its redis-server, or run them against a server: ' +
        'REDIS_URL=redis://127.0.0.1:6379 npm test',
      { cause: error },
    );
  });
  project.provide('redisUrl', server.url);
  // Test workers start after this and inherit it: test/required-env.ts hands it to the server
  // process that test/server.test.ts starts in production, where Redis is required.
  // eslint-disable-next-line no-restricted-properties -- see above
  process.env.REDIS_URL = server.url;
  return async () => {
    await server.stop();
  };
}
