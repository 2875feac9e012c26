// The test run at the advanced stage: the base setup (a MongoDB database per worker) plus a
// Redis per run (REDIS_URL, or an in-memory one) with its own key prefix per worker, and the
// coverage threshold that `npm run test:coverage` enforces.
import { defineConfig } from 'vitest/config';
import { requiredEnv } from './test/required-env.js';

export default defineConfig({
  test: {
    // Settings without a default (test/required-env.ts), for the app the tests import. The rate
    // limit is high enough for any one test file; test/security.test.ts bursts past it.
    env: { ...requiredEnv, RATE_LIMIT_MAX: '300' },
    // Once per run: pick the MongoDB server and the Redis server.
    globalSetup: ['test/global-setup.ts', 'test/redis-global-setup.ts'],
    // Once per test file: this worker's own database and Redis keys, cleaned between tests.
    setupFiles: ['test/setup.ts', 'test/redis-setup.ts'],
    // The first in-memory MongoDB start downloads a binary.
    hookTimeout: 120_000,
    // Password hashing (argon2) is slow on purpose, and slower still on a busy CI runner: room
    // for a test that registers and logs in a few users, far from the 5 s default.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // server.ts runs in a child process in test/server.test.ts, where coverage is not
      // measured; everything it does is checked there.
      exclude: ['src/server.ts'],
      reporter: ['text-summary', 'html'],
      // TODO(mistake:no-tests): the tempting version is no threshold ("we test the important
      // parts") or lowering these numbers until the run passes. Untested code is where caching
      // and security regressions hide: a missing invalidation serves stale data, a missing
      // ownership check leaks another user's todos, and nobody notices until a user does. Write
      // the test with the feature (see test/cache.test.ts for what a cache needs: HIT on a
      // repeat, fresh data after a write, answers with Redis down). The guard: `npm run
      // test:coverage` fails when coverage drops below these numbers, and so does CI.
      thresholds: { lines: 80, statements: 80, functions: 80, branches: 70 },
    },
  },
});
