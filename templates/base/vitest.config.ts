import { defineConfig } from 'vitest/config';
import { requiredEnv } from './test/required-env.js';

export default defineConfig({
  test: {
    // exercise:start *
    // exercise:else
    // // The tests of `npm test`; the exercises in exercises/ run with `npm run exercises`.
    // include: ['test/**/*.test.ts'],
    // exercise:end
    // Settings without a default (test/required-env.ts), for the app the tests import.
    env: requiredEnv,
    // Once per run: pick the MongoDB server (MONGODB_URI, or an in-memory one).
    globalSetup: ['test/global-setup.ts'],
    // Once per test file: connect to this worker's own database, clean it between tests.
    setupFiles: ['test/setup.ts'],
    // The first in-memory MongoDB start downloads a binary.
    hookTimeout: 120_000,
    // Each test talks to a real database and hashes passwords with argon2 (slow on purpose): on a
    // busy CI machine that can take longer than vitest's default of 5 s per test.
    testTimeout: 30_000,
  },
});
