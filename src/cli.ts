#!/usr/bin/env node
// Entry point: wires the real process (argv, terminal, signals, child processes) into run().
// Everything heavy is imported later, and only when needed, so --help, --version, --list and
// usage errors start about as fast as Node itself.
import { plopGenerator } from './generator.ts';
import { run } from './main.ts';
import { terminalAsker } from './prompts.ts';
import { runCommand } from './run-command.ts';

// `create-backend-roadmap --list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  ask: terminalAsker,
  generator: plopGenerator,
  run: runCommand,
  host: process,
});
