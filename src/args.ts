// Turns argv into typed arguments. Hand-written rather than node:util parseArgs so that every
// unknown option and value gets the valid list and the closest spelling, and so that values are
// checked against the catalog before anything else happens.
import { IDEA_IDS, isIdeaId, isStageId, type IdeaId, type StageId } from '../generators/catalog.ts';
import { UsageError } from './errors.ts';
import {
  CLASS_OPTIONS,
  OPTIONS,
  UPGRADE_OPTIONS,
  allSpellings,
  findLong,
  findShort,
  type OptionName,
  type OptionSpec,
} from './options.ts';
import { isMode, type Mode } from '../generators/record.ts';
import { isPackageManager, type PackageManager } from './package-manager.ts';
import { didYouMean } from './suggest.ts';

export interface CliArgs {
  idea?: IdeaId;
  directory?: string;
  stage?: StageId;
  /** guided unless --mode says otherwise: no prompt, the default is the complete starter. */
  mode: Mode;
  name?: string;
  pm?: PackageManager;
  install: boolean;
  git: boolean;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  list: boolean;
  json: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

/** `create-backend-roadmap class <course-file> [--out <dir>] [--dry-run]`. */
export interface ClassArgs {
  course?: string;
  out?: string;
  dryRun: boolean;
  verbose: boolean;
  help: boolean;
}

/** `create-backend-roadmap upgrade --to <stage> [--dry-run]`. */
export interface UpgradeArgs {
  to?: StageId;
  dryRun: boolean;
  verbose: boolean;
  help: boolean;
}

/** The first argument `class` or `upgrade` selects a command; anything else creates a starter. */
export type Command =
  | { command: 'create'; args: CliArgs }
  | { command: 'class'; args: ClassArgs }
  | { command: 'upgrade'; args: UpgradeArgs };

export const COMMANDS = ['class', 'upgrade'] as const;

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === 'class') return { command: 'class', args: parseClassArgs(rest) };
  if (first === 'upgrade') return { command: 'upgrade', args: parseUpgradeArgs(rest) };
  return { command: 'create', args: parseArgs(argv) };
}

export function parseClassArgs(argv: readonly string[]): ClassArgs {
  const { values, positionals } = tokenize(argv, CLASS_OPTIONS);
  if (positionals.length > 1) {
    throw new UsageError(`Too many arguments: ${positionals.slice(1).join(' ')}`, [
      'Usage: create-backend-roadmap class <course-file> [--out <dir>] [--dry-run]',
    ]);
  }
  const out = values.get('out');
  return {
    course: positionals[0],
    out: typeof out === 'string' ? out : undefined,
    dryRun: values.get('dry-run') === true,
    verbose: values.get('verbose') === true,
    help: values.get('help') === true,
  };
}

export function parseUpgradeArgs(argv: readonly string[]): UpgradeArgs {
  const { values, positionals } = tokenize(argv, UPGRADE_OPTIONS);
  if (positionals.length > 0) {
    throw new UsageError(`Unexpected argument: ${positionals.join(' ')}`, [
      'Usage: create-backend-roadmap upgrade --to <stage> [--dry-run], run inside a starter',
    ]);
  }
  const to = values.get('to');
  return {
    to: checkChoice(typeof to === 'string' ? to : undefined, 'to', isStageId, UPGRADE_OPTIONS),
    dryRun: values.get('dry-run') === true,
    verbose: values.get('verbose') === true,
    help: values.get('help') === true,
  };
}

type RawValues = Map<string, string | boolean>;

interface Tokens {
  values: RawValues;
  positionals: string[];
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = tokenize(argv);
  const flag = (name: OptionName, fallback = false): boolean => {
    const value = values.get(name);
    return typeof value === 'boolean' ? value : fallback;
  };
  const text = (name: OptionName): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const args: CliArgs = {
    ...splitPositionals(positionals, text('idea')),
    stage: checkChoice(text('stage'), 'stage', isStageId),
    mode: checkChoice(text('mode'), 'mode', isMode) ?? 'guided',
    name: text('name'),
    pm: checkChoice(text('pm'), 'pm', isPackageManager),
    install: flag('install', true),
    git: flag('git', true),
    yes: flag('yes'),
    force: flag('force'),
    dryRun: flag('dry-run'),
    list: flag('list'),
    json: flag('json'),
    verbose: flag('verbose'),
    help: flag('help'),
    version: flag('version'),
  };
  if (args.json && !args.list) throw new UsageError('--json only works together with --list.');
  return args;
}

function tokenize(argv: readonly string[], table: readonly OptionSpec[] = OPTIONS): Tokens {
  const values: RawValues = new Map();
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    const next = (): string | undefined => {
      const candidate = argv[index + 1];
      if (candidate === undefined || candidate.startsWith('-')) return undefined;
      index += 1;
      return candidate;
    };
    if (token === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (token.startsWith('--')) readLong(token, next, values, table);
    else if (token.startsWith('-') && token.length > 1) readShorts(token, next, values, table);
    else positionals.push(token);
  }
  return { values, positionals };
}

function readLong(
  token: string,
  next: () => string | undefined,
  values: RawValues,
  table: readonly OptionSpec[],
): void {
  const [rawName = '', inlineValue] = splitOnce(token.slice(2), '=');
  const negated = rawName.startsWith('no-') && findLong(rawName, table) === undefined;
  const spec = findLong(negated ? rawName.slice(3) : rawName, table);
  if (!spec || (negated && !spec.negatable)) throw unknownOption(`--${rawName}`, table);
  if (spec.kind === 'boolean') {
    if (inlineValue !== undefined) throw new UsageError(`--${rawName} does not take a value.`);
    values.set(spec.name, !negated);
    return;
  }
  values.set(spec.name, requireValue(spec, inlineValue ?? next()));
}

/** `-y`, `-s beginner`, `-s=beginner` and bundles of boolean flags such as `-yf`. */
function readShorts(
  token: string,
  next: () => string | undefined,
  values: RawValues,
  table: readonly OptionSpec[],
): void {
  const [letters = '', inlineValue] = splitOnce(token.slice(1), '=');
  [...letters].forEach((letter, position) => {
    const spec = findShort(letter, table);
    if (!spec) throw unknownOption(`-${letter}`, table);
    const isLast = position === letters.length - 1;
    if (spec.kind === 'boolean') {
      if (isLast && inlineValue !== undefined) {
        throw new UsageError(`-${letter} does not take a value.`);
      }
      values.set(spec.name, true);
      return;
    }
    if (!isLast)
      throw new UsageError(`-${letter} needs a value, so it must come last in ${token}.`);
    values.set(spec.name, requireValue(spec, inlineValue ?? next()));
  });
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function requireValue(spec: OptionSpec, value: string | undefined): string {
  if (value !== undefined) return value;
  const choices = spec.choices ? `: one of ${spec.choices.join(', ')}` : '';
  throw new UsageError(`--${spec.name} needs a value${choices}.`);
}

function unknownOption(spelling: string, table: readonly OptionSpec[]): UsageError {
  // A single unknown letter is as close to every other letter: a suggestion would be a guess.
  const guess = spelling.startsWith('--') ? didYouMean(spelling, allSpellings(table)) : '';
  return new UsageError(`Unknown option ${spelling}.${guess}`, [
    `Valid options: ${allSpellings(table).join(', ')}`,
  ]);
}

function checkChoice<T extends string>(
  value: string | undefined,
  name: string,
  isValid: (candidate: string) => candidate is T,
  table: readonly OptionSpec[] = OPTIONS,
): T | undefined {
  if (value === undefined || isValid(value)) return value;
  const spec = findLong(name, table);
  // The message names what the value is (`--to bogus`: an unknown stage), from the placeholder.
  const noun = spec?.value?.replace(/^<|>$/g, '') ?? name;
  throw invalidValue(name, value, spec?.choices ?? [], noun);
}

export function invalidValue(
  name: string,
  value: string,
  choices: readonly string[],
  noun = name,
): UsageError {
  return new UsageError(`Unknown ${noun} "${value}".${didYouMean(value, choices)}`, [
    `Valid values for --${name}: ${choices.join(', ')}`,
  ]);
}

/**
 * `<idea> [directory]`: without `--idea`, a first argument that is an idea id is the idea and the
 * second is the directory; otherwise the only argument is the directory. Two arguments whose
 * first is not an idea can only be a mistyped idea, so that is reported as one.
 */
function splitPositionals(
  positionals: readonly string[],
  ideaOption: string | undefined,
): Pick<CliArgs, 'idea' | 'directory'> {
  const idea = checkChoice(ideaOption, 'idea', isIdeaId);
  if (idea !== undefined) {
    if (positionals.length > 1) throw tooMany(positionals, 1);
    return { idea, directory: positionals[0] };
  }
  const [first, second] = positionals;
  if (positionals.length > 2) throw tooMany(positionals, 2);
  if (first !== undefined && isIdeaId(first)) return { idea: first, directory: second };
  if (first !== undefined && second !== undefined) throw invalidValue('idea', first, IDEA_IDS);
  return { directory: first };
}

function tooMany(positionals: readonly string[], allowed: number): UsageError {
  const extra = positionals.slice(allowed).join(' ');
  return new UsageError(`Too many arguments: ${extra}`, [
    'Usage: create-backend-roadmap <idea> [directory] --stage <stage>',
    'Quote a directory name that contains spaces.',
  ]);
}
