// Drives the plop generator programmatically for the CLI. node-plop is the heaviest part of the
// CLI to load, so this module is only loaded once the CLI knows it is going to write a starter.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { StarterRequest } from './render.ts';
import type { StarterAnswers } from './starter-action.ts';

export async function generateWithPlop(
  request: StarterRequest,
  destination: string,
): Promise<string[]> {
  const [{ default: nodePlop }, { default: plopfile }] = await Promise.all([
    import('node-plop'),
    import('../plopfile.ts'),
  ]);
  // The plopfile is imported like any module and applied to an empty plop instance, as node-plop
  // does with a plopfile path: so it is bundled with the CLI instead of loaded from a file.
  const plop = await nodePlop('', { destBasePath: destination, force: false });
  plopfile(plop);
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
