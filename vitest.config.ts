import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built bin and render whole starters; give them room on a 2-core machine.
    testTimeout: 30_000,
    // The end-to-end tests remove installed starters (tens of thousands of files) in afterAll.
    hookTimeout: 120_000,
  },
});
