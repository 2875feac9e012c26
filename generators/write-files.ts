// Writes rendered files below a folder. Callers own the atomicity: the CLI writes into a fresh
// temporary folder and moves it into place only when everything was written.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedFile } from './render.ts';

export async function writeRenderedFiles(root: string, files: RenderedFile[]): Promise<string[]> {
  const targets = files.map((file) => ({ file, target: join(root, ...file.path.split('/')) }));
  // Each folder once, then every file at the same time: a starter is about a hundred small files
  // in a few dozen folders, and the writes overlap in libuv's thread pool.
  const folders = [...new Set(targets.map(({ target }) => dirname(target)))];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  // `wx`: never overwrite. The folder is new, so an existing file means a bug or a race.
  await Promise.all(
    targets.map(({ file, target }) => writeFile(target, file.content, { flag: 'wx' })),
  );
  return files.map((file) => file.path);
}
