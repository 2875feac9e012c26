// Settles idea, stage and directory: from the arguments, else from --yes defaults, else by asking
// on a terminal. Without a terminal nothing is asked: the run fails at once, naming what is
// missing and the valid values, so CI and scripts never hang.
import {
  IDEAS,
  IDEA_IDS,
  STAGES,
  STAGE_IDS,
  availableStarters,
  getIdea,
  isAvailable,
  type IdeaId,
  type StageId,
} from '../generators/catalog.ts';
import type { CliArgs } from './args.ts';
import { UsageError } from './errors.ts';
import type { Asker } from './prompts.ts';
import { didYouMean } from './suggest.ts';

export const DEFAULT_STAGE: StageId = 'beginner';

export interface Choices {
  idea: IdeaId;
  stage: StageId;
  directory: string;
}

export interface ChoiceContext {
  /** stdin and stdout are both terminals. */
  interactive: boolean;
  ask: Asker;
}

type Given = Pick<CliArgs, 'idea' | 'stage' | 'directory' | 'yes'>;

export async function resolveChoices(args: Given, context: ChoiceContext): Promise<Choices> {
  if (!context.interactive || args.yes) assertNothingMissing(args);
  const idea = args.idea ?? (await askIdea(context.ask));
  assertIdeaHasStarters(idea);
  const stage = args.stage ?? (args.yes ? DEFAULT_STAGE : await askStage(idea, context.ask));
  assertAvailable(idea, stage);
  const directory = args.directory ?? (await askDirectory(idea, args, context));
  if (directory.trim() === '') throw new UsageError('The directory name cannot be empty.');
  return { idea, stage, directory };
}

/**
 * Without a terminal (or with --yes) every missing choice must have a default. The stage has one
 * under --yes, the directory always does (the idea id); the idea never does, since picking a
 * project for someone is not a sensible default.
 */
function assertNothingMissing(args: Given): void {
  const missing: string[] = [];
  const hints: string[] = [];
  if (!args.idea) {
    missing.push('the idea');
    const guess = args.directory === undefined ? '' : didYouMean(args.directory, IDEA_IDS);
    hints.push(`Ideas: ${IDEA_IDS.join(', ')}.${guess}`);
  }
  if (!args.stage && !args.yes) {
    missing.push('--stage');
    hints.push(`Stages: ${STAGE_IDS.join(', ')} (or pass --yes for ${DEFAULT_STAGE}).`);
  }
  if (missing.length === 0) return;
  const why = args.yes
    ? '--yes has no default idea'
    : 'stdin is not a terminal, so nothing is asked';
  throw new UsageError(`Missing ${missing.join(' and ')} (${why}).`, [
    ...hints,
    `Example: create-backend-roadmap ${args.idea ?? 'todo-app'} --stage ${DEFAULT_STAGE}`,
    availableHint(),
  ]);
}

function assertIdeaHasStarters(idea: IdeaId): void {
  if (getIdea(idea).available.length > 0) return;
  throw new UsageError(`No starter for "${idea}" is available yet.`, [availableHint()]);
}

function assertAvailable(idea: IdeaId, stage: StageId): void {
  if (isAvailable(idea, stage)) return;
  const stages = getIdea(idea).available.join(', ');
  throw new UsageError(`The ${stage} starter for "${idea}" is not available yet.`, [
    `Stages available for ${idea}: ${stages}.`,
    availableHint(),
  ]);
}

function availableHint(): string {
  const starters = availableStarters().map(({ idea, stage }) => `${idea} --stage ${stage}`);
  return `Available now: ${starters.join('; ')}. See --list.`;
}

function askIdea(ask: Asker): Promise<IdeaId> {
  const choices = IDEAS.map((idea) => ({
    title: idea.available.length > 0 ? idea.title : `${idea.title} (planned)`,
    value: idea.id,
    description: idea.summary,
    disabled: idea.available.length === 0,
  }));
  return ask.select('Which project do you want to build?', choices) as Promise<IdeaId>;
}

function askStage(idea: IdeaId, ask: Asker): Promise<StageId> {
  const choices = STAGES.map((stage) => ({
    title: `${stage.title} (${stage.duration})${isAvailable(idea, stage.id) ? '' : ' (planned)'}`,
    value: stage.id,
    description: stage.concepts.map((concept) => concept.title).join(', '),
    disabled: !isAvailable(idea, stage.id),
  }));
  return ask.select('Which roadmap stage?', choices) as Promise<StageId>;
}

/**
 * The directory defaults to the idea id. It is asked for only in a fully interactive session (the
 * idea was asked too): `create-backend-roadmap todo-app --stage beginner` creates ./todo-app.
 */
async function askDirectory(idea: IdeaId, args: Given, context: ChoiceContext): Promise<string> {
  if (args.idea !== undefined || args.yes || !context.interactive) return idea;
  return context.ask.text('Directory for the project:', idea);
}
