// The generation record every starter carries, so later commands (level-up, adding a resource)
// know what produced it. No timestamp: two runs with the same inputs give identical starters.
import type { IdeaId, StageId } from './catalog.ts';
import { toolInfo } from './tool-info.ts';

export const RECORD_FILE = '.backend-roadmap.json';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export type Mode = 'guided';

export interface GenerationOptions {
  packageManager: PackageManager;
  install: boolean;
  git: boolean;
  mode: Mode;
}

export interface GenerationRecord {
  generator: string;
  version: string;
  idea: IdeaId;
  stage: StageId;
  mode: Mode;
  projectName: string;
  layers: string[];
  options: { packageManager: PackageManager; install: boolean; git: boolean };
}

export function generationRecord(
  idea: IdeaId,
  stage: StageId,
  projectName: string,
  options: GenerationOptions,
  layers: string[],
): GenerationRecord {
  const tool = toolInfo();
  return {
    generator: tool.name,
    version: tool.version,
    idea,
    stage,
    mode: options.mode,
    projectName,
    layers,
    options: {
      packageManager: options.packageManager,
      install: options.install,
      git: options.git,
    },
  };
}
