// Runs the external commands (package manager, git). execa is imported on first use: it costs
// about 0.1 s, which --help, --list and --dry-run should not pay.

export interface CommandResult {
  ok: boolean;
  /** The binary is not on PATH. */
  notFound: boolean;
  exitCode?: number;
  /** The signal that ended the command, if one did (SIGINT from a Ctrl-C, for example). */
  signal?: string;
  /** Combined stdout and stderr when not inherited, for error messages. */
  output: string;
}

export interface CommandOptions {
  cwd: string;
  /** Show the command's own output (progress of an install) instead of capturing it. */
  inherit?: boolean;
  env?: Record<string, string>;
  /** Aborting it stops the command (SIGTERM): how an interrupted CLI ends its install. */
  cancelSignal?: AbortSignal;
}

export type RunCommand = (
  command: string,
  args: readonly string[],
  options: CommandOptions,
) => Promise<CommandResult>;

export const runCommand: RunCommand = async (command, args, options) => {
  const { execa } = await import('execa');
  const result = await execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    reject: false,
    stdin: options.inherit ? 'inherit' : 'ignore',
    stdout: options.inherit ? 'inherit' : 'pipe',
    stderr: options.inherit ? 'inherit' : 'pipe',
    all: !options.inherit,
    ...(options.cancelSignal ? { cancelSignal: options.cancelSignal } : {}),
  });
  return {
    ok: !result.failed,
    notFound: result.code === 'ENOENT',
    exitCode: result.exitCode,
    ...(result.signal ? { signal: result.signal } : {}),
    output: typeof result.all === 'string' ? result.all.trim() : '',
  };
};

/** A command as the user would type it, for "run this by hand" messages. */
export function formatCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(shellQuote).join(' ');
}

/** POSIX single-quoting, only where needed, so simple commands stay readable. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
