// Where the starter goes, and how it gets there without ever leaving half a project behind.
// Files are rendered into a hidden sibling directory (same file system, so the final move is a
// rename) and moved into place only when rendering has fully succeeded.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rename, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CancelledError, EXIT, UsageError } from './errors.ts';
import { onStop, type SignalHost } from './signals.ts';

export type TargetState = 'missing' | 'empty' | 'non-empty';

export interface Target {
  /** Absolute path, with a symbolic link to a directory resolved (a rename cannot go through it). */
  path: string;
  state: TargetState;
  /** A few of the entries of a non-empty directory, for messages. */
  sample: string[];
}

/** How the user should see `path`: relative when it is inside the working directory. */
export function displayPath(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  if (fromCwd === '') return '.';
  if (fromCwd.startsWith('..') || isAbsolute(fromCwd)) return path;
  return `.${sep}${fromCwd}`;
}

export async function inspectTarget(path: string, shown: string): Promise<Target> {
  const link = await lstat(path).catch(() => undefined);
  if (!link) return { path, state: 'missing', sample: [] };
  const real = link.isSymbolicLink() ? await realpath(path).catch(() => undefined) : path;
  const info = real === undefined ? undefined : await stat(real);
  if (!real || !info?.isDirectory()) {
    throw new UsageError(`${shown} already exists and is not a directory.`, [
      'Choose another directory name, or move that file away first.',
    ]);
  }
  const entries = await readdir(real);
  return {
    path: real,
    state: entries.length === 0 ? 'empty' : 'non-empty',
    sample: entries.slice(0, 5),
  };
}

export function assertWritable(target: Target, force: boolean, shown: string): void {
  if (target.state !== 'non-empty' || force) return;
  const more = target.sample.length === 5 ? ', …' : '';
  throw new UsageError(`${shown} is not empty (${target.sample.join(', ')}${more}).`, [
    'Choose another directory, or pass --force to write the starter into it:',
    'same-named files are overwritten, nothing else is changed or deleted.',
  ]);
}

/** The relative paths of a starter that already exist as files in the target directory. */
export async function existingFiles(targetPath: string, files: readonly string[]) {
  const checks = await Promise.all(
    files.map(async (file) => ((await kindOf(join(targetPath, file))) === 'file' ? file : '')),
  );
  return checks.filter((file) => file !== '');
}

/**
 * Starter files that cannot be written into the target because something of the other kind is in
 * the way (a folder where a file goes, or a file where a folder goes). --force never deletes
 * user files, so these stop the run before anything is moved.
 */
export async function blockedPaths(targetPath: string, files: readonly string[]) {
  const blocked = new Set<string>();
  for (const file of files) {
    const segments = file.split('/');
    for (let depth = 1; depth <= segments.length; depth += 1) {
      const path = segments.slice(0, depth).join('/');
      const kind = await kindOf(join(targetPath, path));
      const wanted = depth === segments.length ? 'file' : 'directory';
      if (kind !== 'missing' && kind !== wanted) blocked.add(path);
    }
  }
  return [...blocked].sort();
}

async function kindOf(path: string): Promise<'missing' | 'file' | 'directory' | 'other'> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 'missing';
  if (info.isDirectory()) return 'directory';
  return info.isFile() ? 'file' : 'other';
}

export interface WriteOptions {
  target: Target;
  /**
   * Writes the starter into the (empty, existing) directory it is given. It may resolve to the
   * relative posix paths of every file now in that directory, read from the disk after writing
   * (as plop's path does), so they are not listed twice; else they are listed here.
   */
  render: (directory: string) => Promise<readonly string[] | void>;
  host?: SignalHost;
  /** Called once Ctrl-C is handled, so a signal right after what it prints still cleans up. */
  onStart?: () => void;
}

export interface WriteResult {
  /** Relative posix paths of every file written. */
  files: string[];
  /** Those that replaced a file of the same name (only with --force into a non-empty directory). */
  overwritten: string[];
}

/** How long an interrupted render may take to settle before the temporary files go regardless. */
const GRACE_MS = 3_000;

/**
 * Renders into a temporary sibling of the target, then moves the result into place. If rendering
 * fails or is interrupted (SIGINT, SIGTERM), the temporary directory and any parent folders this
 * run created are removed and the target is left as it was. A signal that arrives during the
 * final move (one rename, or one per file with --force) is held until the move is done, so the
 * starter is then complete rather than half-moved.
 */
export async function writeAtomically(options: WriteOptions): Promise<WriteResult> {
  const { target, render, host = process } = options;
  const parent = dirname(target.path);
  // Both decided before anything is created, so a signal at any later moment knows what to remove.
  const firstMissing = firstMissingAncestor(parent);
  const temp = tempPathFor(parent, basename(target.path));
  const cleanUp = () => removeSync(temp, parent, firstMissing);
  const signals = guardSignals(host, cleanUp);
  options.onStart?.();
  try {
    await mkdir(parent, { recursive: true });
    // mkdir, not mkdtemp (mode 0700), so the moved project gets the usual permissions.
    await mkdir(temp);
    const listed = await renderUnlessInterrupted(render, temp, signals);
    const files = listed ? [...listed].sort() : listFiles(temp);
    if (target.state === 'non-empty') await assertNothingInTheWay(target.path, files);
    signals.holdFromNowOn();
    const overwritten = await moveIntoPlace(temp, target, files);
    if (signals.received()) {
      throw new CancelledError(
        `Interrupted after the starter was written to ${target.path}; install and git were skipped.`,
      );
    }
    return { files, overwritten };
  } catch (error) {
    cleanUp();
    throw error;
  } finally {
    signals.release();
    // Left over only after a --force merge: the emptied folder skeleton.
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * A signal does not stop a render midway: writes still in flight could recreate the temporary
 * folder after it was removed. The render is left to settle (it takes a fraction of a second),
 * then the run is cancelled and the caller's cleanup removes everything.
 */
async function renderUnlessInterrupted(
  render: WriteOptions['render'],
  temp: string,
  signals: SignalGuard,
): Promise<readonly string[] | void> {
  let result: readonly string[] | void = undefined;
  if (!signals.received()) {
    result = await render(temp).catch((error: unknown) => {
      if (!signals.received()) throw error;
    });
  }
  if (signals.received()) throw new CancelledError();
  return result;
}

export interface SignalGuard {
  received(): NodeJS.Signals | undefined;
  /** From now on only remember signals: no forced exit, whatever happens. */
  holdFromNowOn(): void;
  release(): void;
}

/**
 * Listens for SIGINT and SIGTERM in place of Node's default (exit at once). The first one is
 * remembered for the writer to act on; a second one while rendering, or a render that has not
 * settled within the grace period, removes the temporary files and exits with 130 at once.
 */
export function guardSignals(host: SignalHost, cleanUp: () => void, graceMs = GRACE_MS) {
  let holding = false;
  let received: NodeJS.Signals | undefined;
  let timer: NodeJS.Timeout | undefined;
  const forceExit = () => {
    cleanUp();
    host.exit(EXIT.cancelled);
  };
  const stopListening = onStop(host, (signal) => {
    if (received && !holding) return forceExit();
    received ??= signal;
    if (!holding) timer ??= setTimeout(forceExit, graceMs);
  });
  const guard: SignalGuard = {
    received: () => received,
    holdFromNowOn: () => {
      holding = true;
      clearTimeout(timer);
    },
    release: () => {
      clearTimeout(timer);
      stopListening();
    },
  };
  return guard;
}

/** A hidden, unused sibling name: cleanup deletes it, so it must never be someone else's. */
function tempPathFor(parent: string, base: string): string {
  for (;;) {
    const path = join(parent, `.${base.slice(0, 180)}.partial-${randomBytes(4).toString('hex')}`);
    if (!existsSync(path)) return path;
  }
}

/** The outermost folder on the way to `dir` that does not exist yet (this run will create it). */
function firstMissingAncestor(dir: string): string | undefined {
  let missing: string | undefined;
  for (let current = dir; !existsSync(current); current = dirname(current)) {
    missing = current;
    if (dirname(current) === current) break;
  }
  return missing;
}

/** Synchronous because it also runs inside a signal handler, right before the process exits. */
export function removeSync(temp: string, parent: string, firstMissing: string | undefined): void {
  rmSync(temp, { recursive: true, force: true });
  if (firstMissing === undefined) return;
  // Remove only the folders this run created, innermost first; rmdir refuses non-empty ones.
  for (let dir = parent; dir.startsWith(firstMissing); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === firstMissing) return;
  }
}

/** Synchronous: the recursive promise version takes a thread-pool round trip per folder. */
function listFiles(root: string): string[] {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function moveIntoPlace(temp: string, target: Target, files: string[]): Promise<string[]> {
  if (target.state === 'missing') {
    await rename(temp, target.path);
    return [];
  }
  if (target.state === 'empty') {
    await replaceEmptyDirectory(temp, target.path);
    return [];
  }
  return mergeInto(temp, target.path, files);
}

async function replaceEmptyDirectory(temp: string, path: string): Promise<void> {
  try {
    // POSIX rename replaces an empty directory in one step.
    await rename(temp, path);
  } catch {
    // Windows refuses that; rmdir fails safely if something appeared in the meantime.
    await rmdir(path);
    await rename(temp, path);
  }
}

export async function assertNothingInTheWay(path: string, files: readonly string[]): Promise<void> {
  const blocked = await blockedPaths(path, files);
  if (blocked.length === 0) return;
  throw new UsageError(`Cannot write the starter into ${path}: in the way: ${blocked.join(', ')}`, [
    'A folder stands where the starter has a file, or the reverse. --force never deletes those.',
  ]);
}

async function mergeInto(temp: string, path: string, files: string[]): Promise<string[]> {
  const overwritten = await existingFiles(path, files);
  for (const file of files) {
    await mkdir(dirname(join(path, file)), { recursive: true });
    await rename(join(temp, file), join(path, file));
  }
  return overwritten;
}
