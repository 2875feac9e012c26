// Docker, compose and CI files cannot run inside this test suite, but their essentials can be
// read and checked: a build that drops root, starts with node, and health checks wherever a
// service is started. A broken edit here fails here, not on the first deploy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');

interface ComposeFile {
  services: Record<string, { healthcheck?: { test: unknown }; depends_on?: unknown }>;
}
interface Workflow {
  jobs: Record<string, { services?: Record<string, { image: string }>; steps: { run?: string }[] }>;
}

describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const finalStage = lines.slice(lines.findLastIndex((line) => line.startsWith('FROM ')));

  it('builds in more than one stage', () => {
    expect(lines.filter((line) => line.startsWith('FROM ')).length).toBeGreaterThanOrEqual(2);
  });

  it('runs as a user other than root, with node itself, and checks its health', () => {
    const user = finalStage.find((line) => line.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER\s+(root|0)\b/);
    expect(finalStage.at(-1)).toBe('CMD ["node", "dist/server.js"]');
    expect(finalStage.some((line) => line.startsWith('HEALTHCHECK'))).toBe(true);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as ComposeFile;

  it('runs the app with MongoDB and Redis, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mongo', 'redis']);
    for (const service of Object.values(compose.services)) {
      expect(service.healthcheck?.test).toBeDefined();
    }
    expect(compose.services.app?.depends_on).toEqual({
      mongo: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });
});

describe('the CI workflow', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
  const jobs = Object.values(workflow.jobs);

  it('tests against MongoDB and Redis service containers', () => {
    const images = jobs.flatMap((job) => Object.values(job.services ?? {}).map((s) => s.image));
    expect(images.some((image) => image.startsWith('mongo'))).toBe(true);
    expect(images.some((image) => image.startsWith('redis'))).toBe(true);
  });

  it('lints, type-checks and runs the tests with the coverage threshold', () => {
    const runs = jobs.flatMap((job) => job.steps.map((step) => step.run ?? ''));
    for (const script of ['lint', 'typecheck', 'test:coverage']) {
      expect(runs).toContain(`npm run ${script}`);
    }
  });
});
