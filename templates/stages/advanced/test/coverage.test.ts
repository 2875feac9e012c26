// Guard for mistake:no-tests: `npm run test:coverage` (and CI, see test/devops.test.ts) fails
// when coverage drops below the thresholds in vitest.config.ts. A threshold that is gone, or
// lowered until any run passes, guards nothing, so this checks that it is there and high enough.
import { describe, expect, it } from 'vitest';
import project from '../vitest.config.js';

describe('the coverage threshold', () => {
  it('is set for lines, statements, functions (80%) and branches (70%), or higher', () => {
    const thresholds = project.test?.coverage?.thresholds ?? {};
    expect(thresholds.lines, 'lines').toBeGreaterThanOrEqual(80);
    expect(thresholds.statements, 'statements').toBeGreaterThanOrEqual(80);
    expect(thresholds.functions, 'functions').toBeGreaterThanOrEqual(80);
    expect(thresholds.branches, 'branches').toBeGreaterThanOrEqual(70);
  });
});
