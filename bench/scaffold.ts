// Part 1, scaffold speed: whole-process wall time of our built CLI (the most complete starter
// available) vs create-vite (react-ts) and express-generator, with `node -e ""` as the floor.
// A fourth row writes the same files, already rendered, with the thinnest Node script
// (bench/write-files-only.js): the part of a scaffold that is the file system's, per file.
// A warm-up round, then `runs` interleaved rounds (the order rotates each round); medians.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGE_IDS, availableStarters, type IdeaId, type StageId } from '../generators/catalog.ts';
import { renderStarterSync } from '../generators/render.ts';
import { cleanEnv, cliPath, du, median, ms, printTable, repoDir, timed, verdict } from './lib.ts';
import { ensureTools } from './tools.ts';

/** The starter with the latest stage, todo-app first among equals. */
export function mostCompleteStarter(): { idea: string; stage: string } {
  const starters = availableStarters();
  const rank = (s: { idea: string; stage: string }) =>
    STAGE_IDS.indexOf(s.stage as (typeof STAGE_IDS)[number]) * 2 + (s.idea === 'todo-app' ? 1 : 0);
  const best = [...starters].sort((a, b) => rank(b) - rank(a))[0];
  if (!best) throw new Error('no starter is available (generators/catalog.ts)');
  return best;
}

interface Tool {
  name: string;
  /** Arguments for `node`; `target` is a fresh directory name inside the work folder. */
  args(target: string): string[];
}

const WRITE_ONLY = 'only writing the same files, pre-rendered';
const CREATE_VITE = 'create-vite --template react-ts';
const EXPRESS_GENERATOR = 'express-generator --no-view';

/** The starter's files as rendered, for bench/write-files-only.js: path → content. */
function renderedFilesJson(idea: string, stage: string, projectName: string): string {
  const files = renderStarterSync({
    idea: idea as IdeaId,
    stage: stage as StageId,
    projectName,
    options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
  });
  return JSON.stringify(Object.fromEntries(files.map((file) => [file.path, file.content])));
}

export async function benchScaffold(runs: number): Promise<void> {
  console.log('\n## 1. Scaffold speed (no install, no git)');
  const bins = await ensureTools();
  const starter = mostCompleteStarter();
  const work = mkdtempSync(join(tmpdir(), 'cbr-bench-scaffold-'));
  const filesJson = join(work, 'files.json');
  writeFileSync(filesJson, renderedFilesJson(starter.idea, starter.stage, 'rendered'));
  const ourArgs = (target: string) => [
    cliPath,
    starter.idea,
    target,
    '--stage',
    starter.stage,
    '--no-install',
    '--no-git',
  ];
  const OURS = `create-backend-roadmap ${starter.idea} --stage ${starter.stage}`;
  const tools: Tool[] = [
    { name: 'node -e ""', args: () => ['-e', ''] },
    { name: OURS, args: ourArgs },
    {
      // Not a generator: the same files, already rendered, written by the thinnest Node script.
      name: WRITE_ONLY,
      args: (target) => [join(repoDir, 'bench', 'write-files-only.js'), filesJson, target],
    },
    {
      name: CREATE_VITE,
      args: (target) => [bins.createVite, target, '--template', 'react-ts', '--no-interactive'],
    },
    {
      name: EXPRESS_GENERATOR,
      args: (target) => [bins.expressGenerator, '--no-view', target],
    },
  ];
  const env = cleanEnv();
  const times = new Map<string, number[]>(tools.map((tool) => [tool.name, []]));
  const files = new Map<string, number>();
  let counter = 0;
  try {
    for (let round = 0; round <= runs; round += 1) {
      const order = tools.map((_, i) => tools[(i + round) % tools.length] as Tool);
      for (const tool of order) {
        counter += 1;
        const target = `t${counter}`;
        const result = await timed(process.execPath, tool.args(target), {
          cwd: work,
          env,
          quiet: true,
          timeoutMs: 60_000,
        });
        if (result.code !== 0) throw new Error(`${tool.name} exited ${result.code}`);
        if (round === 0) {
          files.set(tool.name, du(join(work, target)).files);
          continue; // warm-up
        }
        times.get(tool.name)?.push(result.ms);
        rmSync(join(work, target), { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const medians = new Map([...times].map(([name, values]) => [name, median(values)]));
  const floor = medians.get('node -e ""') ?? 0;
  printTable(`Scaffold speed: median of ${runs} interleaved runs after a warm-up`, [
    ['tool', 'files', 'median', 'above node floor', 'all runs (ms)'],
    ...tools.map((tool) => {
      const value = medians.get(tool.name) ?? Number.NaN;
      const isFloor = tool.name === 'node -e ""';
      return [
        tool.name,
        isFloor ? '—' : String(files.get(tool.name) ?? '?'),
        ms(value),
        isFloor ? '(floor)' : ms(value - floor),
        (times.get(tool.name) ?? []).map((v) => Math.round(v)).join(' '),
      ];
    }),
  ]);
  const medianOf = (name: string) => medians.get(name) ?? Number.NaN;
  const ours = medianOf(OURS);
  const vite = medianOf(CREATE_VITE);
  const writeOnly = medianOf(WRITE_ONLY);
  verdict('scaffold', 'scaffold time vs create-vite', ours / vite, { max: 1.0 });
  console.log(
    `        (vs express-generator ${(ours / medianOf(EXPRESS_GENERATOR)).toFixed(2)}×; above ` +
      `the floor: ours ${ms(ours - floor)}, create-vite ${ms(vite - floor)}; only writing our ` +
      `${files.get(WRITE_ONLY) ?? '?'} files, pre-rendered, is ${(writeOnly / vite).toFixed(2)}× ` +
      `create-vite, ${ms(writeOnly - floor)} above the floor)`,
  );
}
