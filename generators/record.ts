// The generation record every starter carries, so later commands (level-up, adding a resource)
// know what produced it. No timestamp: two runs with the same inputs give identical starters.
import { createHash } from 'node:crypto';
import type { IdeaId, StageId } from './catalog.ts';
import { toolInfo } from './tool-info.ts';

export const RECORD_FILE = '.backend-roadmap.json';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
/**
 * guided: the complete starter, every mistake marked beside code that avoids it. exercise: the
 * mistakes of the chosen stage are left in the code for the learner to fix (generators/exercises.ts).
 */
export const MODES = ['guided', 'exercise'] as const;
export type Mode = (typeof MODES)[number];

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

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
  /**
   * sha256 (hex) of every generated file except the record itself, by path: `upgrade` compares
   * the working tree against it to know exactly which files the learner never touched, even when
   * a newer tool version would render the old stage differently. Absent in older records.
   */
  files?: Record<string, string>;
}

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Path → sha256 of each file, in path order (so the record is deterministic). */
export function fileHashes(
  files: readonly { path: string; content: string }[],
): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (file.path !== RECORD_FILE) hashes[file.path] = sha256(file.content);
  }
  return hashes;
}

export function generationRecord(
  idea: IdeaId,
  stage: StageId,
  projectName: string,
  options: GenerationOptions,
  layers: string[],
  files?: Record<string, string>,
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
    ...(files ? { files } : {}),
  };
}
