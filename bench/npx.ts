// Part 2, first run through npx: `npm pack` this repo, then in an empty folder with an empty
// npm cache time `npx --yes --package <tarball> create-backend-roadmap todo-app …` against
// `npx --yes create-vite@<pinned> …`, from the registry and from its own packed tarball.
// Each run gets a new empty cache and folder; runs are interleaved; medians.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PINNED,
  cleanEnv,
  mb,
  median,
  ms,
  mustRun,
  printTable,
  repoDir,
  timed,
  verdict,
} from './lib.ts';

/** Packages npx installed into the cache for one run (its lockfile under _npx). */
function npxPackages(cache: string): number {
  const root = join(cache, '_npx');
  if (!existsSync(root)) return 0;
  let count = 0;
  for (const hash of readdirSync(root)) {
    const lock = join(root, hash, 'node_modules', '.package-lock.json');
    if (!existsSync(lock)) continue;
    const data = JSON.parse(readFileSync(lock, 'utf8')) as { packages?: Record<string, unknown> };
    count += Object.keys(data.packages ?? {}).filter((key) => key !== '').length;
  }
  return count;
}

export async function benchNpx(runs: number): Promise<void> {
  console.log('\n## 2. First run through npx (empty npm cache, no install, no git)');
  const work = mkdtempSync(join(tmpdir(), 'cbr-bench-npx-'));
  const env = cleanEnv({ npm_config_update_notifier: 'false', npm_config_audit: 'false' });
  try {
    await mustRun('npm', ['pack', '--pack-destination', work, '--silent'], {
      cwd: repoDir,
      env,
      timeoutMs: 120_000,
    });
    const tarballName = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarballName) throw new Error('npm pack wrote no tarball');
    const tarball = join(work, tarballName);
    const tarballBytes = statSync(tarball).size;
    // create-vite's own published tarball, run the same way as ours: npx treats a local tarball
    // differently from a registry name (it copies it into the cache and unpacks it to read its
    // manifest), so this row compares the packages with the same path through npm.
    const vitePack = join(work, 'create-vite-pack');
    await mustRun('mkdir', ['-p', vitePack], { cwd: work, env });
    await mustRun(
      'npm',
      ['pack', `create-vite@${PINNED.createVite}`, '--pack-destination', vitePack, '--silent'],
      { cwd: work, env, timeoutMs: 120_000 },
    );
    const viteTarball = join(
      vitePack,
      readdirSync(vitePack).find((name) => name.endsWith('.tgz')) ?? 'missing.tgz',
    );
    const viteArgs = ['app', '--template', 'react-ts', '--no-interactive'];
    const tools = [
      {
        name: 'create-backend-roadmap (packed tarball)',
        // A path as the first argument would be run as a command; a tarball goes in --package.
        args: [
          '--package',
          tarball,
          'create-backend-roadmap',
          'todo-app',
          'app',
          '--stage',
          'beginner',
          '--no-install',
          '--no-git',
        ],
      },
      {
        name: `create-vite@${PINNED.createVite} (its packed tarball)`,
        args: ['--package', viteTarball, 'create-vite', ...viteArgs],
      },
      {
        name: `create-vite@${PINNED.createVite} (from the registry)`,
        args: [`create-vite@${PINNED.createVite}`, ...viteArgs],
      },
    ];
    const times = new Map<string, number[]>(tools.map((tool) => [tool.name, []]));
    const packages = new Map<string, number>();
    let counter = 0;
    for (let round = 0; round < runs; round += 1) {
      const order = round % 2 === 0 ? tools : [...tools].reverse();
      for (const tool of order) {
        counter += 1;
        const cache = join(work, `cache-${counter}`);
        const folder = join(work, `run-${counter}`);
        await mustRun('mkdir', ['-p', cache, folder], { cwd: work, env });
        const result = await timed('npx', ['--yes', '--cache', cache, ...tool.args], {
          cwd: folder,
          env,
          timeoutMs: 180_000,
        });
        if (result.code !== 0) throw new Error(`npx ${tool.name} exited ${result.code}`);
        times.get(tool.name)?.push(result.ms);
        packages.set(tool.name, npxPackages(cache));
        rmSync(cache, { recursive: true, force: true });
        rmSync(folder, { recursive: true, force: true });
      }
    }
    const [ours = NaN, vite = NaN, viteRegistry = NaN] = tools.map((tool) =>
      median(times.get(tool.name) ?? []),
    );
    printTable(`First run through npx: median of ${runs} interleaved runs, empty cache each`, [
      ['tool', 'median', 'packages installed', 'all runs (ms)'],
      ...tools.map((tool) => [
        tool.name,
        ms(median(times.get(tool.name) ?? [])),
        String(packages.get(tool.name) ?? '?'),
        (times.get(tool.name) ?? []).map((v) => Math.round(v)).join(' '),
      ]),
    ]);
    console.log(
      `  tarball ${tarballName}: ${(tarballBytes / 1024).toFixed(0)} kB (${mb(tarballBytes)})`,
    );
    verdict('npx', 'first npx run vs create-vite, both packed tarballs', ours / vite, {
      max: 1.5,
    });
    console.log(`        (vs create-vite from the registry: ${(ours / viteRegistry).toFixed(2)}×)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
