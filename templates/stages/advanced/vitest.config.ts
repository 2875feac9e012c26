// The test run at the advanced stage: the base setup (a MongoDB database per worker) plus a
// Redis per run (REDIS_URL, or an in-memory one) with its own key prefix per worker, and the
// coverage threshold that `npm run test:coverage` enforces.
import { defineConfig } from 'vitest/config';
import { requiredEnv } from './test/required-env.js';

export default defineConfig({
  test: {
    // exercise:start *
    // exercise:else
    // // The tests of `npm test`; the exercises in exercises/ run with `npm run exercises`.
    // include: ['test/**/*.test.ts'],
    // exercise:end
    // Settings without a default (test/required-env.ts), for the app the tests import. The rate
    // limit is high enough for any one test file; test/security.test.ts bursts past it.
    env: { ...requiredEnv, RATE_LIMIT_MAX: '300' },
    // Once per run: pick the MongoDB server and the Redis server.
    globalSetup: ['test/global-setup.ts', 'test/redis-global-setup.ts'],
    // Once per test file: this worker's own database and Redis keys, cleaned between tests.
    setupFiles: ['test/setup.ts', 'test/redis-setup.ts'],
    // The first in-memory MongoDB start downloads a binary.
    hookTimeout: 120_000,
    // Each test talks to a real database and hashes passwords with argon2 (slow on purpose): on a
    // busy CI machine that can take longer than vitest's default of 5 s per test.
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
      // exercise:start no-tests
      thresholds: { lines: 80, statements: 80, functions: 80, branches: 70 },
      // exercise:else
      // // TODO(mistake:no-tests): Exercise: there is no threshold, so `npm run test:coverage`
      // // passes whatever the coverage, and CI with it: the day a change comes without its test,
      // // nothing says so. Put the thresholds back (80% of lines, statements and functions, 70%
      // // of branches) and keep them there; when the run fails, write the missing test. `npm run
      // // exercises` checks it (exercises/coverage.test.ts).
      // exercise:end
    },
  },
});
