// Installs the starter's dependencies with the chosen package manager, showing its own progress.
import { installCommand, type PackageManager } from './package-manager.ts';
import { formatCommand, type RunCommand } from './run-command.ts';

export interface InstallOutcome {
  ok: boolean;
  /** What to run by hand (from inside the project) when it failed. */
  command: string;
  problem?: string;
  /** The package manager ended by Ctrl-C (SIGINT or SIGTERM, or their exit codes 130 and 143). */
  interrupted?: boolean;
}

export async function installDependencies(
  pm: PackageManager,
  cwd: string,
  run: RunCommand,
  cancelSignal?: AbortSignal,
): Promise<InstallOutcome> {
  const { command, args } = installCommand(pm);
  const shown = formatCommand(command, args);
  const result = await run(command, args, { cwd, inherit: true, cancelSignal });
  if (result.ok) return { ok: true, command: shown };
  const problem = result.notFound
    ? `${pm} was not found on PATH: install it, or pass --pm with a package manager you have`
    : `\`${shown}\` failed${result.exitCode === undefined ? '' : ` with exit code ${result.exitCode}`}`;
  const interrupted =
    ['SIGINT', 'SIGTERM'].includes(result.signal ?? '') ||
    result.exitCode === 130 ||
    result.exitCode === 143;
  return { ok: false, command: shown, problem, interrupted };
}
