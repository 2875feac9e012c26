// `--help`. The options section is built from the option table so it cannot drift from the
// parser.
import { OPTIONS, type OptionSpec } from './options.ts';

const USAGE = 'create-backend-roadmap <idea> [directory] --stage <stage> [options]';

export function helpText(version: string): string {
  return [
    `create-backend-roadmap ${version}: Express + MongoDB starters for the backend roadmap`,
    '',
    `Usage: ${USAGE}`,
    '       create-backend-roadmap [directory] --idea <idea> --stage <stage> [options]',
    '       npm create backend-roadmap@latest -- <idea> --stage <stage>',
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
