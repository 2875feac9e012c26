import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError, UsageError } from '../../src/errors.ts';
import {
  assertWritable,
  displayPath,
  guardSignals,
  inspectTarget,
  writeAtomically,
} from '../../src/target-directory.ts';
import type { SignalHost } from '../../src/signals.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cbr-target-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a small starter, optionally pausing halfway so a test can interrupt it. */
function starter(pause?: Promise<void>) {
  return async (directory: string) => {
    await mkdir(join(directory, 'src'), { recursive: true });
    await writeFile(join(directory, 'package.json'), '{"name":"x"}\n');
    await pause;
    await writeFile(join(directory, 'src', 'app.ts'), 'export {};\n');
  };
}

/**
 * A process stand-in: signals are emitted by the test; exit is only recorded (and returns,
 * which the real one never does) so it can be observed from timers too.
 */
class FakeHost extends EventEmitter implements SignalHost {
  exitCode: number | undefined;
  override on(signal: NodeJS.Signals, listener: () => void): this {
    return super.on(signal, listener);
  }
  override off(signal: NodeJS.Signals, listener: () => void): this {
    return super.off(signal, listener);
  }
  exit(code: number): never {
    this.exitCode = code;
    return undefined as never;
  }
}

describe('inspectTarget and assertWritable', () => {
  it('tells missing, empty and non-empty directories apart', async () => {
    expect((await inspectTarget(join(root, 'nope'), 'nope')).state).toBe('missing');
    await mkdir(join(root, 'empty'));
    expect((await inspectTarget(join(root, 'empty'), 'empty')).state).toBe('empty');
    await writeFile(join(root, 'empty', 'keep.txt'), 'mine');
    const full = await inspectTarget(join(root, 'empty'), 'empty');
    expect(full).toMatchObject({ state: 'non-empty', sample: ['keep.txt'] });
    expect(() => assertWritable(full, false, 'empty')).toThrow(/not empty \(keep\.txt\)/);
    expect(() => assertWritable(full, true, 'empty')).not.toThrow();
  });

  it('refuses a file (or a link to one) at the target path, even with --force', async () => {
    await writeFile(join(root, 'file'), 'x');
    await symlink(join(root, 'file'), join(root, 'link'));
    await expect(inspectTarget(join(root, 'file'), 'file')).rejects.toThrow(UsageError);
    await expect(inspectTarget(join(root, 'link'), 'link')).rejects.toThrow(/not a directory/);
  });

  it('follows a link to a directory, so the final rename lands in the real folder', async () => {
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'alias'));
    expect(await inspectTarget(join(root, 'alias'), 'alias')).toMatchObject({
      path: join(root, 'real'),
      state: 'empty',
    });
  });
});

describe('displayPath', () => {
  it('is relative inside the working directory and absolute outside it', () => {
    expect(displayPath('/work', '/work')).toBe('.');
    expect(displayPath('/work', '/work/app')).toBe('./app');
    expect(displayPath('/work', '/elsewhere/app')).toBe('/elsewhere/app');
  });
});

describe('writeAtomically', () => {
  it('moves a complete starter into a missing target and leaves no temporary folder', async () => {
    const target = await inspectTarget(join(root, 'deep', 'er', 'app'), 'app');
    const result = await writeAtomically({ target, render: starter() });
    expect(result).toEqual({ files: ['package.json', 'src/app.ts'], overwritten: [] });
    expect(await readdir(join(root, 'deep', 'er'))).toEqual(['app']);
  });

  it('replaces an empty target directory', async () => {
    await mkdir(join(root, 'app'));
    const target = await inspectTarget(join(root, 'app'), 'app');
    await writeAtomically({ target, render: starter() });
    expect(await readdir(join(root, 'app'))).toEqual(['package.json', 'src']);
  });

  it('leaves nothing behind when rendering fails, not even the parents it created', async () => {
    const target = await inspectTarget(join(root, 'new', 'app'), 'app');
    const failing = async (directory: string) => {
      await starter()(directory);
      throw new Error('template broke');
    };
    await expect(writeAtomically({ target, render: failing })).rejects.toThrow('template broke');
    expect(await readdir(root)).toEqual([]);
  });

  it('on SIGINT while rendering lets the render settle, then removes everything', async () => {
    const target = await inspectTarget(join(root, 'new', 'app'), 'app');
    const host = new FakeHost();
    let resume = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const writing = writeAtomically({ target, render: starter(paused), host });
    await waitFor(
      async () => existsSync(join(root, 'new')) && (await readdir(join(root, 'new'))).length > 0,
    );
    expect((await readdir(join(root, 'new')))[0]).toMatch(/^\.app\.partial-[0-9a-f]{8}$/);
    host.emit('SIGINT');
    expect(host.exitCode).toBeUndefined();
    resume();
    await expect(writing).rejects.toBeInstanceOf(CancelledError);
    expect(await readdir(root)).toEqual([]);
    expect(host.listenerCount('SIGINT')).toBe(0);
  });

  it('with --force merges into a non-empty directory, overwriting only same-named files', async () => {
    await mkdir(join(root, 'app'));
    await writeFile(join(root, 'app', 'package.json'), 'old');
    await writeFile(join(root, 'app', 'notes.txt'), 'mine');
    const target = await inspectTarget(join(root, 'app'), 'app');
    const result = await writeAtomically({ target, render: starter() });
    expect(result.overwritten).toEqual(['package.json']);
    expect(await readFile(join(root, 'app', 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(root, 'app', 'package.json'), 'utf8')).toContain('"name"');
    expect((await readdir(root)).sort()).toEqual(['app']);
  });

  it('with --force stops before moving anything when a folder and a file collide', async () => {
    await mkdir(join(root, 'app', 'package.json'), { recursive: true });
    await writeFile(join(root, 'app', 'src'), 'a file where the starter has a folder');
    const target = await inspectTarget(join(root, 'app'), 'app');
    await expect(writeAtomically({ target, render: starter() })).rejects.toThrow(
      /in the way: package\.json, src/,
    );
    expect((await readdir(join(root, 'app'))).sort()).toEqual(['package.json', 'src']);
    expect(await readdir(root)).toEqual(['app']);
  });
});

describe('guardSignals', () => {
  it('remembers the first signal and forces the exit on a second one', () => {
    const host = new FakeHost();
    let cleanups = 0;
    const guard = guardSignals(host, () => (cleanups += 1));
    host.emit('SIGTERM');
    expect(guard.received()).toBe('SIGTERM');
    expect(cleanups).toBe(0);
    host.emit('SIGINT');
    expect(host.exitCode).toBe(130);
    expect(cleanups).toBe(1);
    guard.release();
    expect(host.listenerCount('SIGINT') + host.listenerCount('SIGTERM')).toBe(0);
  });

  it('forces the exit when an interrupted render does not settle in time', async () => {
    const host = new FakeHost();
    let cleanups = 0;
    const guard = guardSignals(host, () => (cleanups += 1), 10);
    host.emit('SIGINT');
    await waitFor(() => Promise.resolve(host.exitCode !== undefined));
    expect(host.exitCode).toBe(130);
    expect(cleanups).toBe(1);
    guard.release();
  });

  it('only remembers signals once the move has begun', () => {
    const host = new FakeHost();
    const guard = guardSignals(host, () => {}, 10);
    guard.holdFromNowOn();
    host.emit('SIGINT');
    host.emit('SIGINT');
    expect(guard.received()).toBe('SIGINT');
    expect(host.exitCode).toBeUndefined();
    guard.release();
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never became true');
}
