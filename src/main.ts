// One run of the CLI, from argv to exit code, with the single top-level error handler. Kept apart
// from cli.ts (which wires in the real process) so tests can run it with a fake context.
import kleur from 'kleur';
import { toolInfo } from '../generators/tool-info.ts';
import { parseCommand } from './args.ts';
import type { Context } from './create.ts';
import { CliError, EXIT, type ExitCode } from './errors.ts';
import { classHelpText, helpText, upgradeHelpText } from './help.ts';
import { catalogJson, catalogText } from './list.ts';

export async function run(argv: readonly string[], context: Context): Promise<ExitCode> {
  try {
    const command = parseCommand(argv);
    const { version } = toolInfo();
    if (command.command === 'class') {
      if (command.args.help) context.out(classHelpText());
      else {
        const { generateClass } = await import('./class/generate.ts');
        await generateClass(command.args, context);
      }
      return EXIT.ok;
    }
    if (command.command === 'upgrade') {
      if (command.args.help) context.out(upgradeHelpText());
      else {
        const { upgradeStarter } = await import('./upgrade/upgrade.ts');
        await upgradeStarter(command.args, context);
      }
      return EXIT.ok;
    }
    const { args } = command;
    if (args.help) context.out(helpText(version));
    else if (args.version) context.out(version);
    else if (args.list) context.out((args.json ? catalogJson(version) : catalogText()).trimEnd());
    else {
      // The create flow (file system, child processes, prompts) is loaded only when it runs.
      const { createStarter } = await import('./create.ts');
      await createStarter(args, context);
    }
    return EXIT.ok;
  } catch (error) {
    return report(error, argv.includes('--verbose'), context.err);
  }
}

/** Prints an error the way users should see it and returns the exit code it carries. */
export function report(error: unknown, verbose: boolean, err: (line: string) => void): ExitCode {
  const known = error instanceof CliError;
  const message = error instanceof Error ? error.message : String(error);
  err(kleur.red(`✖ ${known ? message : `Unexpected error: ${message}`}`));
  for (const hint of known ? error.hints : []) err(`  ${hint}`);
  if (known && error.exitCode === EXIT.usage) err('  Run create-backend-roadmap --help for usage.');
  if (verbose) {
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      err(kleur.dim(cause.stack ?? cause.message));
    }
  } else if (!known || error.cause !== undefined) {
    err(kleur.dim('  Run again with --verbose for the stack trace.'));
  }
  return known ? error.exitCode : EXIT.failure;
}
