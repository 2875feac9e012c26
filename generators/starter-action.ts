// The one custom plop action: render a starter's layers and write them below plop's destination.
// Plop's own `addMany` cannot rename `_gitignore`, skips dotfiles and fails on existing files, so
// layering is done by our renderer and plop drives it.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { CustomActionFunction } from 'node-plop';
import { isIdeaId, isStageId } from './catalog.ts';
import type { Mode, PackageManager } from './record.ts';
import { renderStarterSync } from './render.ts';
import { writeRenderedFiles } from './write-files.ts';

export const STARTER_ACTION = 'backend-roadmap:render-starter';

/** Answers of the `starter` generator; the CLI passes the same fields without prompting. */
export interface StarterAnswers {
  idea: string;
  stage: string;
  projectName: string;
  directory: string;
  packageManager?: PackageManager;
  install?: boolean;
  git?: boolean;
  /** guided (the default) or exercise. */
  mode?: Mode;
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export const renderStarterAction: CustomActionFunction = async (answers, _config, plop) => {
  const { idea, stage, projectName, directory, ...options } = answers as StarterAnswers;
  if (!isIdeaId(idea)) throw new Error(`Unknown idea "${idea}"`);
  if (!isStageId(stage)) throw new Error(`Unknown stage "${stage}"`);
  const target = isAbsolute(directory) ? directory : resolve(plop.getDestBasePath(), directory);
  if (!isEmptyOrMissing(target)) throw new Error(`${target} is not empty`);
  const files = renderStarterSync({
    idea,
    stage,
    projectName,
    options: {
      packageManager: options.packageManager ?? 'npm',
      install: options.install ?? false,
      git: options.git ?? false,
      mode: options.mode ?? 'guided',
    },
  });
  await writeRenderedFiles(target, files);
  return `${files.length} files in ${join(target)}`;
};
