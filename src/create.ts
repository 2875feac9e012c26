// The create flow: ask → validate → plan → render into a temporary directory → move into place →
// install → git → next steps. Each step takes only what it needs from the context, which tests
// replace piece by piece.
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import kleur from 'kleur';
import type { CliArgs } from './args.ts';
import { resolveChoices, type Choices } from './choices.ts';
import { CancelledError, CliError, EXIT, FailureError } from './errors.ts';
import type { Generator, StarterRequest } from './generator.ts';
import { initGit } from './git.ts';
import { installDependencies, type InstallOutcome } from './install.ts';
import { cdCommand, nextSteps, scriptsOf } from './next-steps.ts';
import { detectPackageManager, type PackageManager } from './package-manager.ts';
import { resolveProjectName } from './project-name.ts';
import type { Asker } from './prompts.ts';
import type { RunCommand } from './run-command.ts';
import {
  assertNothingInTheWay,
  assertWritable,
  displayPath,
  existingFiles,
  inspectTarget,
  writeAtomically,
  type Target,
} from './target-directory.ts';
import { onStop, type SignalHost } from './signals.ts';

export interface Context {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** stdin and stdout are both terminals: prompts are allowed. */
  interactive: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
  ask: Asker;
  generator: Generator;
  run: RunCommand;
  host?: SignalHost;
}

interface Plan {
  request: StarterRequest;
  target: Target;
  /** The target as the user should see it. */
  shown: string;
  pm: PackageManager;
}

export async function createStarter(args: CliArgs, context: Context): Promise<void> {
  const choices = await resolveChoices(args, context);
  const plan = await planStarter(args, choices, context);
  if (args.dryRun) {
    await preview(plan, args.force, context);
    return;
  }
  const files = await writeStarter(plan, context);
  const install = args.install ? await installStep(plan, context) : undefined;
  if (args.git) await gitStep(plan, context);
  const packageJson = await readFile(join(plan.target.path, 'package.json'), 'utf8').catch(
    () => undefined,
  );
  context.out('');
  for (const line of nextSteps({
    shownPath: plan.shown,
    pm: plan.pm,
    installed: install?.ok ?? false,
    files,
    scripts: scriptsOf(packageJson),
  })) {
    context.out(line);
  }
  if (install && !install.ok) throw installFailure(install, plan);
}

async function planStarter(args: CliArgs, choices: Choices, context: Context): Promise<Plan> {
  const path = resolve(context.cwd, choices.directory);
  const shown = displayPath(context.cwd, path);
  const project = resolveProjectName(basename(path), args.name);
  if (project.cleanedFrom !== undefined) {
    context.out(
      `Package name: ${kleur.cyan(project.name)} (from the directory name "${project.cleanedFrom}")`,
    );
  }
  const target = await inspectTarget(path, shown);
  assertWritable(target, args.force, shown);
  const pm = args.pm ?? detectPackageManager(context.env);
  const request: StarterRequest = {
    idea: choices.idea,
    stage: choices.stage,
    projectName: project.name,
    options: { packageManager: pm, install: args.install, git: args.git, mode: args.mode },
  };
  return { request, target, shown, pm };
}

async function preview(plan: Plan, force: boolean, context: Context): Promise<void> {
  const files = (await context.generator.render(plan.request)).map((file) => file.path);
  if (plan.target.state === 'non-empty') await assertNothingInTheWay(plan.target.path, files);
  const overwritten = new Set(await existingFiles(plan.target.path, files));
  const { idea, stage, projectName, options } = plan.request;
  const mode = options.mode === 'exercise' ? ', exercise mode' : '';
  context.out(`Dry run: ${idea} (${stage}${mode}) as package "${projectName}" in ${plan.shown}`);
  context.out(`Would write ${files.length} files:`);
  for (const file of files) {
    context.out(
      `  ${file}${overwritten.has(file) ? kleur.yellow('  (overwrites an existing file)') : ''}`,
    );
  }
  if (force && overwritten.size > 0) {
    context.out(`--force would overwrite ${overwritten.size} existing files and delete nothing.`);
  }
  context.out('Nothing was written.');
}

async function writeStarter(plan: Plan, context: Context): Promise<string[]> {
  const { idea, stage, options } = plan.request;
  const mode = options.mode === 'exercise' ? ', exercise mode' : '';
  try {
    const result = await writeAtomically({
      target: plan.target,
      render: (directory) => context.generator.write(plan.request, directory),
      host: context.host,
      onStart: () =>
        context.out(`Creating ${kleur.bold(idea)} (${stage}${mode}) in ${plan.shown}…`),
    });
    context.out(kleur.green(`✔ Wrote ${result.files.length} files.`));
    if (result.overwritten.length > 0) {
      context.out(kleur.yellow(`Overwrote ${result.overwritten.length} existing files:`));
      for (const file of result.overwritten) context.out(`  ${file}`);
    }
    return result.files;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FailureError(
      `Could not create the starter: ${message}`,
      [`Nothing was written to ${plan.shown}.`],
      error,
    );
  }
}

async function installStep(plan: Plan, context: Context): Promise<InstallOutcome> {
  context.out(`Installing dependencies with ${plan.pm}…`);
  const interrupt = stopOnInterrupt(context.host ?? process);
  const outcome = await installDependencies(
    plan.pm,
    plan.target.path,
    context.run,
    interrupt.signal,
  ).finally(interrupt.release);
  // Ctrl-C reaches the package manager too, and its exit may be seen before the CLI's own
  // signal: either one means the user interrupted the install.
  if (interrupt.signal.aborted || outcome.interrupted) {
    throw new CancelledError('Interrupted during the install.', [
      `The starter itself is complete in ${plan.shown}. Install by hand: ${byHand(plan, outcome.command)}`,
    ]);
  }
  // A failure is reported once, as the run's final error, after the next steps.
  if (outcome.ok) context.out(kleur.green('✔ Installed dependencies.'));
  return outcome;
}

async function gitStep(plan: Plan, context: Context): Promise<void> {
  const outcome = await initGit(plan.target.path, context.run);
  if (outcome.status === 'skipped') {
    context.out(`Skipped git init: ${outcome.reason}.`);
    return;
  }
  if (outcome.status === 'failed') {
    context.err(kleur.yellow(`git init did not finish: ${outcome.problem}`));
    context.err(`  To finish by hand: ${byHand(plan, outcome.command)}`);
    return;
  }
  context.out(kleur.green('✔ Created a git repository with a first commit.'));
  if (outcome.fallbackIdentity) {
    context.out(
      'git has no user.name/user.email configured, so the commit author is create-backend-roadmap.',
    );
    context.out('  Once configured: git commit --amend --reset-author --no-edit');
  }
}

/**
 * Ctrl-C (or SIGTERM) during the install: the package manager is stopped, and the run ends with
 * 130 and the command to finish by hand, rather than by the signal with nothing said. Waiting for
 * the package manager to exit (instead of exiting at once) also makes the outcome the same
 * whichever the CLI notices first, the signal or the child's exit. A second signal exits at once.
 */
function stopOnInterrupt(host: SignalHost) {
  const controller = new AbortController();
  const release = onStop(host, () => {
    if (controller.signal.aborted) host.exit(EXIT.cancelled);
    controller.abort();
  });
  return { signal: controller.signal, release };
}

function byHand(plan: Plan, command: string): string {
  const cd = cdCommand(plan.shown);
  return cd ? `${cd} && ${command}` : command;
}

function installFailure(outcome: InstallOutcome, plan: Plan): FailureError {
  return new FailureError(`Dependencies were not installed: ${outcome.problem ?? ''}.`, [
    `The starter itself is complete in ${plan.shown}. Install by hand: ${byHand(plan, outcome.command)}`,
  ]);
}
