// `create-backend-roadmap upgrade --to <stage>`, run inside a starter: move it to a later stage
// without losing anything the learner wrote. The whole result is computed in memory first; then
// each file is replaced with one rename, and the record last, so an interrupted upgrade leaves
// every file either old or new and can simply be run again.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import kleur from 'kleur';
import {
  STAGE_IDS,
  getIdea,
  isIdeaId,
  isStageId,
  type IdeaId,
  type StageId,
} from '../../generators/catalog.ts';
import { RECORD_FILE, isMode, type GenerationRecord } from '../../generators/record.ts';
import type { UpgradeArgs } from '../args.ts';
import { FailureError, UsageError } from '../errors.ts';
import { assertGitAvailable, gitMergeFile, type MergeFile } from './merge.ts';
import { planUpgrade, type Action, type UpgradePlan } from './plan.ts';

export interface UpgradeContext {
  cwd: string;
  out: (line: string) => void;
}

/** Seams for tests: other templates, other availability, another merge. */
export interface UpgradeDeps {
  templatesDir?: string;
  isAvailable?: (idea: IdeaId, stage: StageId) => boolean;
  merge?: MergeFile;
}

/** Never part of the learner's work as far as upgrading goes. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'coverage']);

export async function upgradeStarter(
  args: UpgradeArgs,
  context: UpgradeContext,
  deps: UpgradeDeps = {},
): Promise<UpgradePlan> {
  const record = readRecord(context.cwd);
  const to = checkTarget(args.to, record, deps.isAvailable ?? defaultAvailability);

  const { renderStarterSync } = await import('../../generators/render.ts');
  const request = (stage: StageId) => ({
    idea: record.idea,
    stage,
    projectName: record.projectName,
    options: { ...record.options, mode: record.mode },
  });
  const base = renderStarterSync(request(record.stage), deps.templatesDir);
  const theirs = renderStarterSync(request(to), deps.templatesDir);

  let gitChecked = false;
  const merge: MergeFile =
    deps.merge ??
    ((ours, was, next, path) => {
      if (!gitChecked) assertGitAvailable();
      gitChecked = true;
      return gitMergeFile(ours, was, next, path);
    });
  const plan = planUpgrade({
    record,
    base,
    theirs,
    readOurs: (path) => readIfFile(join(context.cwd, path)),
    workingFiles: workingTree(context.cwd),
    merge,
  });

  printPlan(plan, record, to, args.dryRun, context);
  if (args.dryRun) {
    context.out('Dry run: nothing was written.');
    return plan;
  }
  await applyPlan(plan, context.cwd);
  printOutcome(plan, record, to, context);
  return plan;
}

function defaultAvailability(idea: IdeaId, stage: StageId): boolean {
  return getIdea(idea).available.includes(stage);
}

function readRecord(cwd: string): GenerationRecord {
  const path = join(cwd, RECORD_FILE);
  if (!existsSync(path)) {
    throw new UsageError(`No ${RECORD_FILE} here: run upgrade inside a starter's folder.`, [
      `The record is written when a starter is generated; ${cwd} does not hold one.`,
    ]);
  }
  let record: Partial<GenerationRecord>;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as Partial<GenerationRecord>;
  } catch (error) {
    throw new UsageError(
      `${RECORD_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      ['Restore it from git (git checkout -- .backend-roadmap.json) and run the upgrade again.'],
    );
  }
  const { idea, stage, projectName, options, mode } = record;
  if (
    typeof idea !== 'string' ||
    !isIdeaId(idea) ||
    typeof stage !== 'string' ||
    !isStageId(stage) ||
    typeof projectName !== 'string' ||
    typeof options !== 'object' ||
    typeof mode !== 'string' ||
    !isMode(mode)
  ) {
    throw new UsageError(`${RECORD_FILE} does not describe a starter this version knows.`, [
      'Restore it from git (git checkout -- .backend-roadmap.json) and run the upgrade again.',
    ]);
  }
  return record as GenerationRecord;
}

function checkTarget(
  to: StageId | undefined,
  record: GenerationRecord,
  isAvailable: (idea: IdeaId, stage: StageId) => boolean,
): StageId {
  const later = STAGE_IDS.slice(STAGE_IDS.indexOf(record.stage) + 1);
  const availableLater = later.filter((stage) => isAvailable(record.idea, stage));
  const hint =
    availableLater.length > 0
      ? `Available from here: ${availableLater.map((stage) => `--to ${stage}`).join(', ')}`
      : `No later stage of ${record.idea} is available yet.`;
  if (to === undefined) {
    throw new UsageError(
      `Missing --to <stage>: this starter is ${record.idea} at ${record.stage}.`,
      [hint],
    );
  }
  if (to === record.stage) {
    throw new UsageError(`This starter is already at ${to}.`, [hint]);
  }
  if (!later.includes(to)) {
    throw new UsageError(
      `Cannot go down from ${record.stage} to ${to}: stages are cumulative, upgrade only moves forward.`,
      [hint],
    );
  }
  if (!isAvailable(record.idea, to)) {
    throw new UsageError(`The ${record.idea} starter is not available at ${to} yet.`, [hint]);
  }
  return to;
}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function workingTree(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.isFile()) {
        files.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return files.sort();
}

const COLOURS: Record<Action, (text: string) => string> = {
  update: kleur.cyan,
  add: kleur.green,
  merge: kleur.blue,
  conflict: kleur.red,
  keep: kleur.yellow,
  delete: kleur.magenta,
};

function printPlan(
  plan: UpgradePlan,
  record: GenerationRecord,
  to: StageId,
  dryRun: boolean,
  context: UpgradeContext,
): void {
  context.out(
    `${dryRun ? 'Plan to upgrade' : 'Upgrading'} ${record.idea} from ${record.stage} to ${to}:`,
  );
  for (const step of plan.steps) {
    const details = [
      step.conflicts ? `${step.conflicts} conflict${step.conflicts === 1 ? '' : 's'}` : '',
      step.note ?? '',
    ].filter(Boolean);
    const suffix = details.length > 0 ? `  (${details.join('; ')})` : '';
    context.out(`  ${COLOURS[step.action](step.action.padEnd(8))}  ${step.path}${suffix}`);
  }
  context.out(`  ${plan.unchanged} files unchanged.`);
}

async function applyPlan(plan: UpgradePlan, root: string): Promise<void> {
  const written: string[] = [];
  try {
    for (const step of plan.steps) {
      if (step.content === undefined) continue;
      await replaceFile(join(root, step.path), step.content);
      written.push(step.path);
    }
    for (const step of plan.steps) {
      if (step.action === 'delete') await rm(join(root, step.path), { force: true });
    }
    // Last: until the record says so, the starter is still at its old stage, and running the
    // upgrade again finishes the job (files already written equal the new stage's).
    await replaceFile(join(root, RECORD_FILE), plan.record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FailureError(
      `The upgrade stopped part-way: ${message}`,
      [
        written.length > 0
          ? `${written.length} files were already replaced, each completely; nothing you wrote was lost.`
          : 'No file was changed.',
        'Fix the cause and run the same upgrade again: it continues where it stopped.',
      ],
      error,
    );
  }
}

async function replaceFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.upgrade-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function printOutcome(
  plan: UpgradePlan,
  record: GenerationRecord,
  to: StageId,
  context: UpgradeContext,
): void {
  const count = (action: Action) => plan.steps.filter((step) => step.action === action).length;
  context.out(
    kleur.green(
      `✔ Now at ${to}: ${count('update')} updated, ${count('add')} added, ${count('merge')} merged, ${count('delete')} deleted, ${count('keep')} kept as you left them.`,
    ),
  );
  const conflicts = plan.steps.filter((step) => step.action === 'conflict');
  if (conflicts.length > 0) {
    context.out(
      kleur.yellow(
        `${conflicts.length} files need your attention: both you and the ${to} stage changed the same lines.`,
      ),
    );
    for (const step of conflicts) context.out(`  ${step.path}`);
    context.out(
      '  Each holds <<<<<<< yours … ||||||| as generated … ======= … >>>>>>> new stage blocks: keep what you need, delete the markers.',
    );
  }
  context.out(
    `Next: ${record.options.packageManager} install (new dependencies), then ${record.options.packageManager} test.`,
  );
}
