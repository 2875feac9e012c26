import { defineConfig } from 'vitest/config';
import { requiredEnv } from './test/required-env.js';

export default defineConfig({
  test: {
    // Settings without a default (test/required-env.ts), for the app the tests import.
    env: requiredEnv,
    // Once per run: pick the MongoDB server (MONGODB_URI, or an in-memory one).
    globalSetup: ['test/global-setup.ts'],
    // Once per test file: connect to this worker's own database, clean it between tests.
    setupFiles: ['test/setup.ts'],
    // The first in-memory MongoDB start downloads a binary.
    hookTimeout: 120_000,
    // Password hashing (argon2) is slow on purpose, and slower still on a busy CI runner: room
    // for a test that registers and logs in a few users, far from the 5 s default.
    testTimeout: 30_000,
  },
});
