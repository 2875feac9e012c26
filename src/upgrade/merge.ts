// Three-way merge of one file through `git merge-file`: the learner's version, the starter as
// generated, and the new stage's version. git is the diff3 everyone already has and trusts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FailureError } from '../errors.ts';

export interface MergeResult {
  content: string;
  conflicts: number;
}

export type MergeFile = (ours: string, base: string, theirs: string, path: string) => MergeResult;

/** Fails with a clear message when git is not installed (checked once, before any merge). */
export function assertGitAvailable(): void {
  const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new FailureError('upgrade needs git to merge files you changed, and git was not found.', [
      'Install git (https://git-scm.com/downloads), then run the upgrade again. Nothing was changed.',
    ]);
  }
}

export const gitMergeFile: MergeFile = (ours, base, theirs, path) => {
  const dir = mkdtempSync(join(tmpdir(), 'backend-roadmap-merge-'));
  try {
    const files = { ours: join(dir, 'ours'), base: join(dir, 'base'), theirs: join(dir, 'theirs') };
    writeFileSync(files.ours, ours);
    writeFileSync(files.base, base);
    writeFileSync(files.theirs, theirs);
    const result = spawnSync(
      'git',
      [
        'merge-file',
        '-p',
        '--diff3',
        '-L',
        `yours (${path})`,
        '-L',
        'as generated',
        '-L',
        'new stage',
        files.ours,
        files.base,
        files.theirs,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    // Exit status: 0 clean, 1..127 the number of conflicts, anything else an error.
    if (result.error || result.status === null || result.status < 0 || result.status > 127) {
      const reason = result.error?.message ?? result.stderr.trim();
      throw new FailureError(`git merge-file failed on ${path}: ${reason}`, [
        'Nothing was changed.',
      ]);
    }
    return { content: result.stdout, conflicts: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
