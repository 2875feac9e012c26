#!/usr/bin/env node
// Entry point: wires the real process (argv, terminal, signals, child processes) into run().
// Everything heavy is imported later, and only when needed, so --help, --version, --list and
// usage errors start about as fast as Node itself.
import module from 'node:module';
import { toolInfo } from '../generators/tool-info.ts';
import { plopGenerator } from './generator.ts';
import { run } from './main.ts';
import { terminalAsker } from './prompts.ts';
import { unsupportedNode } from './node-version.ts';
import { runCommand } from './run-command.ts';

const tooOld = unsupportedNode(process.versions.node, toolInfo().node);
if (tooOld !== undefined) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(1);
}

// From here on, Node keeps V8's compiled code of every module it loads (the bundle's chunks) in a
// cache in the temporary folder, so later runs skip parsing and compiling them again.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache();

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
