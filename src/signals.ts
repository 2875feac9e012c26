// The two ways a user stops the CLI: Ctrl-C (SIGINT) and `kill` (SIGTERM). Every command that
// writes or installs listens for both in the same way, through these helpers.

/** The parts of the process the CLI listens to; injected so tests can send fake signals. */
export interface SignalHost {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): never;
}

export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Calls `listener` on either stop signal until the returned function is called. Node's default
 * action (exit at once) is off while it listens, so the caller decides what a stop means.
 */
export function onStop(
  host: SignalHost | undefined,
  listener: (signal: NodeJS.Signals) => void,
): () => void {
  if (!host) return () => undefined;
  const listeners = STOP_SIGNALS.map((signal) => {
    const each = () => listener(signal);
    host.on(signal, each);
    return { signal, each };
  });
  return () => {
    for (const { signal, each } of listeners) host.off(signal, each);
  };
}
