// Writes rendered files below a folder. Callers own the atomicity: the CLI writes into a fresh
// temporary folder and moves it into place only when everything was written.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedFile } from './render.ts';

export async function writeRenderedFiles(root: string, files: RenderedFile[]): Promise<string[]> {
  for (const file of files) {
    const target = join(root, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    // `wx`: never overwrite. The folder is new, so an existing file means a bug or a race.
    await writeFile(target, file.content, { flag: 'wx' });
  }
  return files.map((file) => file.path);
}
