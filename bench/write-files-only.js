// The floor for writing a starter: the thinnest Node program that puts the same files on disk,
// with their contents already rendered (node bench/write-files-only.js <files.json> <target>).
// bench/scaffold.ts times it beside the CLI, so the table shows how much of a scaffold is the
// file system's cost per file, which no generator can avoid, and how much is ours.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';

const [filesJson, target] = process.argv.slice(2);
/** @type {Record<string, string>} relative path → content */
const files = JSON.parse(readFileSync(filesJson, 'utf8'));
const folders = new Set();
for (const [path, content] of Object.entries(files)) {
  const file = join(target, path);
  const folder = dirname(file);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(file, content, { flag: 'wx' });
}
