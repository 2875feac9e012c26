// The option table: the parser, the help text and the "did you mean" suggestions all read it, so
// an option exists in exactly one place.
import { IDEA_IDS, STAGE_IDS } from '../generators/catalog.ts';
import { MODES } from '../generators/record.ts';
import { PACKAGE_MANAGERS } from './package-manager.ts';

export interface OptionSpec {
  /** Long name without the leading dashes. */
  name: string;
  short?: string;
  kind: 'boolean' | 'string';
  /** Accepts `--no-<name>`; the option is on by default. */
  negatable?: boolean;
  /** Placeholder shown in the help text for string options. */
  value?: string;
  choices?: readonly string[];
  description: string;
}

export const OPTIONS = [
  {
    name: 'stage',
    short: 's',
    kind: 'string',
    value: '<stage>',
    choices: STAGE_IDS,
    description: 'Roadmap stage of the starter',
  },
  {
    name: 'idea',
    kind: 'string',
    value: '<idea>',
    choices: IDEA_IDS,
    description: 'Project idea, when the first argument is the directory',
  },
  {
    name: 'mode',
    short: 'm',
    kind: 'string',
    value: '<mode>',
    choices: MODES,
    description: 'guided: complete (default); exercise: the stage mistakes left in to fix',
  },
  {
    name: 'name',
    kind: 'string',
    value: '<package-name>',
    description: 'Package name (default: from the directory name)',
  },
  {
    name: 'pm',
    kind: 'string',
    value: '<pm>',
    choices: PACKAGE_MANAGERS,
    description: 'Package manager, default: the one in use',
  },
  {
    name: 'install',
    kind: 'boolean',
    negatable: true,
    description: 'Install dependencies (--no-install to skip)',
  },
  {
    name: 'git',
    kind: 'boolean',
    negatable: true,
    description: 'Initialise a git repository with a first commit (--no-git to skip)',
  },
  { name: 'yes', short: 'y', kind: 'boolean', description: 'Use defaults instead of prompting' },
  {
    name: 'force',
    short: 'f',
    kind: 'boolean',
    description: 'Write into a non-empty directory (overwrites same-named files only)',
  },
  { name: 'dry-run', kind: 'boolean', description: 'Show what would be written; write nothing' },
  { name: 'list', kind: 'boolean', description: 'List ideas, stages and their concepts' },
  { name: 'json', kind: 'boolean', description: 'With --list: print the catalog as JSON' },
  { name: 'verbose', kind: 'boolean', description: 'Show stack traces on errors' },
  { name: 'help', short: 'h', kind: 'boolean', description: 'Show this help' },
  { name: 'version', short: 'v', kind: 'boolean', description: 'Show the version' },
] as const satisfies readonly OptionSpec[];

export type OptionName = (typeof OPTIONS)[number]['name'];

const shared = {
  dryRun: { name: 'dry-run', kind: 'boolean', description: 'Show the plan; write nothing' },
  verbose: { name: 'verbose', kind: 'boolean', description: 'Show stack traces on errors' },
  help: { name: 'help', short: 'h', kind: 'boolean', description: 'Show this help' },
} as const satisfies Record<string, OptionSpec>;

/** `create-backend-roadmap class <course-file>`. */
export const CLASS_OPTIONS = [
  {
    name: 'out',
    short: 'o',
    kind: 'string',
    value: '<dir>',
    description: 'Folder for the class (default: ./<course file name without .json>)',
  },
  shared.dryRun,
  shared.verbose,
  shared.help,
] as const satisfies readonly OptionSpec[];

/** `create-backend-roadmap upgrade --to <stage>`, run inside a starter. */
export const UPGRADE_OPTIONS = [
  {
    name: 'to',
    kind: 'string',
    value: '<stage>',
    choices: STAGE_IDS,
    description: 'The stage to move the starter to',
  },
  shared.dryRun,
  shared.verbose,
  shared.help,
] as const satisfies readonly OptionSpec[];

export function findLong(
  name: string,
  table: readonly OptionSpec[] = OPTIONS,
): OptionSpec | undefined {
  return table.find((option) => option.name === name);
}

export function findShort(
  short: string,
  table: readonly OptionSpec[] = OPTIONS,
): OptionSpec | undefined {
  return table.find((option) => option.short === short);
}

/** Every spelling the parser accepts, for suggestions: `--stage`, `--no-git`, `-s`, … */
export function allSpellings(table: readonly OptionSpec[] = OPTIONS): string[] {
  return table.flatMap((option) => [
    `--${option.name}`,
    ...(option.negatable ? [`--no-${option.name}`] : []),
    ...(option.short ? [`-${option.short}`] : []),
  ]);
}
