// Drives the plop generator programmatically for the CLI. node-plop costs ~0.2 s to import, so
// this module is only loaded once the CLI knows it is going to write a starter.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarterRequest } from './render.ts';
import type { StarterAnswers } from './starter-action.ts';

/** The plopfile next to `generators/`: compiled `.js` when installed, `.ts` in the repo. */
function plopfilePath(): string {
  const compiled = fileURLToPath(new URL('../plopfile.js', import.meta.url));
  return existsSync(compiled)
    ? compiled
    : fileURLToPath(new URL('../plopfile.ts', import.meta.url));
}

export async function generateWithPlop(
  request: StarterRequest,
  destination: string,
): Promise<string[]> {
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop(plopfilePath(), { destBasePath: destination, force: false });
  const answers: StarterAnswers = {
    idea: request.idea,
    stage: request.stage,
    projectName: request.projectName,
    directory: destination,
    packageManager: request.options.packageManager,
    install: request.options.install,
    git: request.options.git,
    mode: request.options.mode,
  };
  // node-plop never throws from runActions: failures come back in the result.
  const result = await plop.getGenerator('starter').runActions(answers);
  const failure = result.failures[0];
  if (failure)
    throw new Error(`Rendering failed: ${failure.error || failure.message || failure.type}`);
  return readdirSync(destination, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(destination, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
