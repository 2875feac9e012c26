// The closing message: how to get from the generated files to a running, tested API, in the
// user's package manager.
import { runScriptCommand, type PackageManager } from './package-manager.ts';
import { shellQuote } from './run-command.ts';

export interface NextStepsInput {
  /** How the user reaches the project from where they ran the command; '.' when already there. */
  shownPath: string;
  pm: PackageManager;
  installed: boolean;
  /** Relative paths of the starter's files: the steps mention only what the starter has. */
  files: readonly string[];
  scripts: Readonly<Record<string, string>>;
}

export function nextSteps(input: NextStepsInput): string[] {
  const steps: [command: string, why: string][] = [];
  const cd = cdCommand(input.shownPath);
  if (cd) steps.push([cd, '']);
  if (!input.installed) steps.push([`${input.pm} install`, '']);
  if (input.files.includes('.env.example')) {
    steps.push(['cp .env.example .env', 'local settings, explained in README.md']);
  }
  for (const script of ['dev', 'test']) {
    if (input.scripts[script]) steps.push([runScriptCommand(input.pm, script), '']);
  }
  if (input.scripts.exercises) {
    steps.push([runScriptCommand(input.pm, 'exercises'), 'the mistakes left for you to fix']);
  }
  const width = Math.max(...steps.map(([command]) => command.length));
  return [
    'Next steps:',
    ...steps.map(([command, why]) => `  ${why ? `${command.padEnd(width)}   # ${why}` : command}`),
    '',
    'README.md explains the API, the concepts this stage teaches and where each one lives.',
  ];
}

/** `cd <project>` as the user would type it, or undefined when they are already there. */
export function cdCommand(shownPath: string): string | undefined {
  if (shownPath === '.') return undefined;
  return `cd ${shellQuote(shownPath.replace(/^\.[/\\](?=.)/, ''))}`;
}

/** The `scripts` of a package.json text; an unreadable file simply yields no script steps. */
export function scriptsOf(packageJson: string | undefined): Record<string, string> {
  try {
    const parsed = JSON.parse(packageJson ?? '{}') as { scripts?: Record<string, string> };
    return parsed.scripts ?? {};
  } catch {
    return {};
  }
}
