// The exercise tests: the guards of this stage's common mistakes, moved here from test/ because
// they fail until you fix the mistakes in the code. `npm run exercises` (scripts/exercises.js)
// runs them with the same setup as `npm test`; README.md, "Exercise mode", explains the rest.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import project from '../vitest.config.js';

export default defineConfig({
  ...project,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { ...project.test, include: ['exercises/**/*.test.ts'] },
});
