// `--help`. The options section is built from the option table so it cannot drift from the
// parser.
import { CLASS_OPTIONS, OPTIONS, UPGRADE_OPTIONS, type OptionSpec } from './options.ts';

const USAGE = 'create-backend-roadmap <idea> [directory] --stage <stage> [options]';

export function helpText(version: string): string {
  return [
    `create-backend-roadmap ${version}: Express + MongoDB starters for the backend roadmap`,
    '',
    `Usage: ${USAGE}`,
    '       create-backend-roadmap [directory] --idea <idea> --stage <stage> [options]',
    '       npm create backend-roadmap@latest -- <idea> --stage <stage>',
    '',
    'Commands:',
    '  class <course-file>   One starter per student or team from a course file (class --help)',
    '  upgrade --to <stage>  Move the starter in this folder to a later stage (upgrade --help)',
    '  (A directory literally named class or upgrade: write ./class.)',
    '',
    'Arguments:',
    '  <idea>       Project idea (see --list). If the first argument is not an idea, it is the',
    '               directory, and the idea comes from --idea or a prompt.',
    '  [directory]  Where to create the project (default: ./<idea>). Its last segment becomes',
    '               the package name, cleaned up if needed ("My App" → my-app).',
    '',
    'Options:',
    ...OPTIONS.map(optionLine),
    '',
    'Without a terminal (CI, pipes) nothing is asked: a missing idea or --stage is an error',
    '(exit 2). --yes picks the beginner stage and the default directory; it never picks an idea.',
    '',
    'Examples:',
    '  create-backend-roadmap todo-app --stage beginner',
    '  create-backend-roadmap todo-app ~/code/my-todos --stage beginner --pm pnpm --no-git',
    '  create-backend-roadmap my-api --idea todo-app --yes',
    '  create-backend-roadmap todo-app --stage beginner --dry-run',
    '  create-backend-roadmap todo-app --stage beginner --mode exercise',
    '  create-backend-roadmap --list --json',
    '',
    'Exit codes:',
    '  0    success',
    '  1    failure (file system, rendering, dependency install failed)',
    '  2    usage: unknown option or value, missing choice without a terminal, starter not',
    '       available yet, invalid package name, target is a file or a non-empty directory',
    '  130  cancelled (Ctrl-C)',
    '',
  ].join('\n');
}

function optionLine(option: OptionSpec): string {
  const short = 'short' in option && option.short ? `-${option.short}, ` : '    ';
  const long = option.negatable ? `--[no-]${option.name}` : `--${option.name}`;
  const value = option.value ? ` ${option.value}` : '';
  const choices = option.choices ? ` (${option.choices.join(', ')})` : '';
  const label = `${short}${long}${value}`.padEnd(26);
  return `  ${label} ${option.description}${option.name === 'idea' ? '' : choices}`;
}

export function classHelpText(): string {
  return [
    'Usage: create-backend-roadmap class <course-file> [--out <dir>] [--dry-run]',
    '',
    'Generates one starter per student or team listed in a JSON course file, a solution/ copy',
    'and class-summary.json/.md. Nothing is installed. Folders that already exist are left alone,',
    'so running it again after adding students only creates the new ones.',
    '',
    'Course file:',
    '  {',
    '    "course": "Backend 101 (optional title)",',
    '    "idea": "todo-app",',
    '    "stage": "beginner",',
    '    "mode": "guided",',
    '    "students": ["Ada Lovelace", { "name": "Grace Hopper" }],',
    '    "teams": [{ "name": "Team Blue", "members": ["Alan", "Barbara"] }]',
    '  }',
    'Each name becomes a folder and package name ("Ada Lovelace" → ada-lovelace). Any problem in',
    'the file is reported with its line, and then nothing is generated (exit 2).',
    '',
    'Options:',
    ...CLASS_OPTIONS.map(optionLine),
    '',
  ].join('\n');
}

export function upgradeHelpText(): string {
  return [
    'Usage: create-backend-roadmap upgrade --to <stage> [--dry-run]',
    '',
    'Run inside a starter. Moves it to a later stage using its .backend-roadmap.json record:',
    'files you never changed are updated, added or removed; files you changed are merged with',
    'the new stage (git merge-file), overlapping changes are written with conflict markers and',
    'listed. Your own files, and changed files the new stage drops, are always kept.',
    '',
    'Options:',
    ...UPGRADE_OPTIONS.map(optionLine),
    '',
  ].join('\n');
}
