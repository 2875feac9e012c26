// Part 3, starter footprint: for every available starter, and for the boilerplate dependency set
// in boilerplate-deps.ts, installed the same way: package count (and how many are production
// dependencies), node_modules size and `npm install` time. A first install fills npm's cache
// and writes the lockfile; the timed installs then start from no node_modules with the lockfile
// and a warm cache, interleaved, so the network is out of the comparison.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableStarters } from '../generators/catalog.ts';
import { BOILERPLATE } from './boilerplate-deps.ts';
import { cleanEnv, cliPath, du, mb, median, ms, mustRun, printTable } from './lib.ts';

const INSTALL = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];

/** Generates a starter with the built CLI into `workDir/<idea>-<stage>` (once per bench run). */
export async function generateStarter(workDir: string, idea: string, stage: string) {
  const dir = join(workDir, `${idea}-${stage}`);
  if (!existsSync(join(dir, 'package.json'))) {
    await mustRun(
      process.execPath,
      [cliPath, idea, dir, '--stage', stage, '--no-install', '--no-git'],
      { cwd: workDir, env: cleanEnv(), timeoutMs: 60_000 },
    );
  }
  return dir;
}

/** Installs a generated starter's dependencies once (shared with the throughput part). */
export async function installStarter(workDir: string, idea: string, stage: string) {
  const dir = await generateStarter(workDir, idea, stage);
  if (!existsSync(join(dir, 'node_modules'))) {
    await mustRun('npm', INSTALL, { cwd: dir, env: cleanEnv(), timeoutMs: 600_000 });
  }
  return dir;
}

function packageCounts(dir: string): { all: number; production: number } {
  const lock = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(lock)) return { all: 0, production: 0 };
  const data = JSON.parse(readFileSync(lock, 'utf8')) as {
    packages?: Record<string, { dev?: boolean; extraneous?: boolean }>;
  };
  const entries = Object.entries(data.packages ?? {}).filter(([key]) => key !== '');
  return { all: entries.length, production: entries.filter(([, p]) => !p.dev).length };
}

export async function benchFootprint(workDir: string, runs: number): Promise<void> {
  console.log('\n## 3. Starter footprint');
  const env = cleanEnv();
  const projects: { name: string; dir: string; firstMs: number; times: number[] }[] = [];
  for (const { idea, stage } of availableStarters()) {
    const dir = await generateStarter(workDir, idea, stage);
    projects.push({ name: `${idea} ${stage}`, dir, firstMs: Number.NaN, times: [] });
  }
  const boilerplateDir = join(workDir, 'boilerplate');
  mkdirSync(boilerplateDir, { recursive: true });
  writeFileSync(
    join(boilerplateDir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'boilerplate-footprint',
        private: true,
        dependencies: BOILERPLATE.dependencies,
        devDependencies: BOILERPLATE.devDependencies,
      },
      null,
      2,
    )}\n`,
  );
  projects.push({
    name: 'node-express-boilerplate deps',
    dir: boilerplateDir,
    firstMs: Number.NaN,
    times: [],
  });

  for (const project of projects) {
    console.log(`  first install: ${project.name}`);
    rmSync(join(project.dir, 'node_modules'), { recursive: true, force: true });
    project.firstMs = (
      await mustRun('npm', INSTALL, { cwd: project.dir, env, timeoutMs: 600_000 })
    ).ms;
  }
  for (let round = 0; round < runs; round += 1) {
    const order = round % 2 === 0 ? projects : [...projects].reverse();
    for (const project of order) {
      rmSync(join(project.dir, 'node_modules'), { recursive: true, force: true });
      const result = await mustRun('npm', INSTALL, { cwd: project.dir, env, timeoutMs: 600_000 });
      project.times.push(result.ms);
    }
  }
  printTable(
    `Starter footprint: full install (dependencies + devDependencies, --ignore-scripts); ` +
      `install time = median of ${runs} with lockfile and warm cache`,
    [
      ['project', 'packages (production)', 'node_modules', 'files', 'npm install', 'first install'],
      ...projects.map((project) => {
        const counts = packageCounts(project.dir);
        const size = du(join(project.dir, 'node_modules'));
        return [
          project.name,
          `${counts.all} (${counts.production})`,
          mb(size.bytes),
          String(size.files),
          ms(median(project.times)),
          ms(project.firstMs),
        ];
      }),
    ],
  );
}
