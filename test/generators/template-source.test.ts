// The two places layers are read from (generators/template-source.ts): the templates folder and
// the packs the build writes. The packed CLI's byte-for-byte test (test/cli/bundle.test.ts) shows
// that both render the same starters; these tests pin down how a layer is read.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTemplates } from '../../scripts/build/pack-templates.ts';
import {
  defaultTemplates,
  packedLayerFile,
  packedTemplates,
  packLayer,
  templateFolder,
} from '../../generators/template-source.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cbr-template-source-'));
  const files: Record<string, string> = {
    'base/layer.json': '{}',
    'base/src/app.ts': 'app',
    'ideas/todo-app/src/todos.ts': 'todos',
    'ideas/todo-app/exercise-mode/src/todos.ts': 'todos, with the mistake',
    'ideas/todo-app/stages/beginner/src/extra.ts': 'extra',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(work, 'templates', path, '..'), { recursive: true });
    await writeFile(join(work, 'templates', path), text);
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a templates folder', () => {
  it("reads a layer's files by relative path, without an idea's stage layers", () => {
    const folder = templateFolder(join(work, 'templates'));
    expect(folder.readLayer('ideas/todo-app')).toEqual(
      new Map([
        ['exercise-mode/src/todos.ts', 'todos, with the mistake'],
        ['src/todos.ts', 'todos'],
      ]),
    );
    expect(folder.readLayer('ideas/todo-app/stages/beginner')).toEqual(
      new Map([['src/extra.ts', 'extra']]),
    );
    expect(folder.hasLayer('ideas/blog')).toBe(false);
    expect(folder.readLayer('ideas/blog').size).toBe(0);
  });

  it('is what the repo renders from', () => {
    expect(defaultTemplates().location).toMatch(/templates$/);
  });
});

describe('packed layers', () => {
  it('hold the same files as the folder, one pack per layer', () => {
    const packDir = join(work, 'layers');
    packTemplates(join(work, 'templates'), packDir);
    const folder = templateFolder(join(work, 'templates'));
    const packs = packedTemplates(packDir);
    for (const layerId of ['base', 'ideas/todo-app', 'ideas/todo-app/stages/beginner']) {
      expect(packs.hasLayer(layerId)).toBe(true);
      expect(packs.readLayer(layerId)).toEqual(folder.readLayer(layerId));
    }
    expect(packs.hasLayer('stages/beginner')).toBe(false);
    expect(packedLayerFile(packDir, 'ideas/todo-app')).toBe(
      join(packDir, 'ideas', 'todo-app.json'),
    );
  });

  it('are written in path order, so a build is reproducible', () => {
    const text = packLayer(
      new Map([
        ['b', '2'],
        ['a', '1'],
      ]),
    );
    expect(text).toBe('{"a":"1","b":"2"}\n');
  });
});
