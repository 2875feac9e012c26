// What `upgrade` does to each file, computed entirely in memory before anything is written.
//   base   = the starter as generated (re-rendered from the generation record),
//   theirs = the same idea at the new stage,
//   ours   = the learner's working tree.
// A file whose content still has the sha256 the record holds was never touched by the learner.
import { RECORD_FILE, sha256, type GenerationRecord } from '../../generators/record.ts';
import type { RenderedFile } from '../../generators/render.ts';
import type { MergeFile } from './merge.ts';

export type Action =
  /** untouched by the learner, changed by the new stage: replaced */
  | 'update'
  /** new in the new stage: written */
  | 'add'
  /** changed by both: merged cleanly */
  | 'merge'
  /** changed by both, overlapping: written with conflict markers */
  | 'conflict'
  /** the learner's version stays as it is */
  | 'keep'
  /** untouched by the learner, gone from the new stage: removed */
  | 'delete';

export interface Step {
  path: string;
  action: Action;
  /** Why, for the plan: "you changed it; the new stage deletes it", … */
  note?: string;
  /** The content to write (update, add, merge, conflict). */
  content?: string;
  conflicts?: number;
}

export interface UpgradePlan {
  steps: Step[];
  /** Files the new stage does not change, left as they are. */
  unchanged: number;
  record: string;
}

export interface PlanInput {
  record: GenerationRecord;
  base: readonly RenderedFile[];
  theirs: readonly RenderedFile[];
  /** The learner's files that matter: read on demand, undefined when missing. */
  readOurs: (path: string) => string | undefined;
  /** Every file of the working tree (relative posix paths), to report the learner's own files. */
  workingFiles: readonly string[];
  merge: MergeFile;
}

export function planUpgrade(input: PlanInput): UpgradePlan {
  const base = toMap(input.base);
  const theirs = toMap(input.theirs);
  const record = theirs.get(RECORD_FILE);
  if (record === undefined) throw new Error('the new stage rendered no generation record');
  base.delete(RECORD_FILE);
  theirs.delete(RECORD_FILE);
  const recorded = input.record.files;
  const untouched = (path: string, ours: string): boolean => {
    const hash = recorded?.[path];
    // Records without hashes (older tool versions): compare with the re-rendered original.
    return hash === undefined ? ours === base.get(path) : sha256(ours) === hash;
  };

  const steps: Step[] = [];
  let unchanged = 0;
  // Files the record lists but today's render of the old stage lacks (an older tool version
  // generated them) still count as generated: untouched ones may go, changed ones are kept.
  const paths = [
    ...new Set([...base.keys(), ...theirs.keys(), ...Object.keys(recorded ?? {})]),
  ].sort();
  for (const path of paths) {
    const was = base.get(path);
    const next = theirs.get(path);
    const ours = input.readOurs(path);
    // With hashes, the record alone says what was generated: a file today's render of the old
    // stage has but the record lacks came with a newer tool version, so the learner never had it.
    const generated = recorded === undefined ? was !== undefined : recorded[path] !== undefined;
    const ancestor = generated ? (was ?? '') : '';
    if (next === undefined) {
      // The new stage no longer has this file.
      if (ours === undefined) continue;
      if (!generated) steps.push({ path, action: 'keep', note: 'your file' });
      else if (untouched(path, ours)) steps.push({ path, action: 'delete' });
      else
        steps.push({
          path,
          action: 'keep',
          note: 'you changed it; the new stage no longer has it',
        });
      continue;
    }
    if (ours === undefined) {
      if (generated && was === next) unchanged += 1;
      else if (generated) {
        steps.push({
          path,
          action: 'keep',
          note: 'you deleted it; the new stage changes it (not restored)',
        });
      } else steps.push({ path, action: 'add', content: next });
      continue;
    }
    if (ours === next) {
      unchanged += 1;
      continue;
    }
    if (generated && untouched(path, ours)) {
      steps.push({ path, action: 'update', content: next });
      continue;
    }
    if (generated && was === next) {
      unchanged += 1; // the learner changed it, the new stage does not: nothing to do
      continue;
    }
    const merged = input.merge(ours, ancestor, next, path);
    steps.push({
      path,
      action: merged.conflicts > 0 ? 'conflict' : 'merge',
      content: merged.content,
      conflicts: merged.conflicts,
      ...(generated ? {} : { note: 'you created a file the new stage adds' }),
    });
  }
  const known = new Set([...paths, RECORD_FILE]);
  for (const path of input.workingFiles) {
    if (!known.has(path)) steps.push({ path, action: 'keep', note: 'your file' });
  }
  steps.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { steps, unchanged, record };
}

function toMap(files: readonly RenderedFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, file.content]));
}
