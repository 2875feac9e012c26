// One error model for the whole CLI: every failure the user can act on is a CliError that carries
// its exit code and, optionally, hints (what to run or pass instead). The top-level handler in
// cli.ts is the only place that prints errors and sets the exit code.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly hints: readonly string[];

  constructor(message: string, exitCode: ExitCode, hints: readonly string[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hints = hints;
  }
}

/** The command cannot succeed as typed: changing the arguments fixes it. */
export class UsageError extends CliError {
  constructor(message: string, hints: readonly string[] = []) {
    super(message, EXIT.usage, hints);
  }
}

/** Something went wrong while doing the work (file system, rendering, install). */
export class FailureError extends CliError {
  constructor(message: string, hints: readonly string[] = [], cause?: unknown) {
    super(message, EXIT.failure, hints, cause);
  }
}

/** The user pressed Ctrl-C in a prompt, while the starter was being written or installed. */
export class CancelledError extends CliError {
  constructor(message = 'Cancelled. Nothing was written.', hints: readonly string[] = []) {
    super(message, EXIT.cancelled, hints);
  }
}
