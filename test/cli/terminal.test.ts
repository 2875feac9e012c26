// Prompts, driven through a pseudo-terminal. Skipped where util-linux `script` is missing.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { availableStarters } from '../../generators/catalog.ts';
import { assertBuilt, runInTerminal } from './run-bin.ts';

const hasScript = existsSync('/usr/bin/script');
const ENTER = '\r';
const CTRL_C = '\u0003';
const first = availableStarters()[0]!;

let cwd: string;

beforeAll(() => assertBuilt());
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'cbr-tty-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function terminal(args: string[], exchanges: { expect: string; send: string }[]) {
  const env = { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1' };
  return runInTerminal(args, exchanges, { cwd, env })!;
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it('asks for what is missing and creates the starter', async () => {
    const result = await terminal(
      ['--no-install', '--no-git'],
      [
        { expect: 'Which project', send: ENTER },
        { expect: 'Which roadmap stage', send: ENTER },
        { expect: 'Directory for the project', send: ENTER },
      ],
    );
    expect(result.code).toBe(0);
    expect(await readdir(join(cwd, first.idea))).toContain('package.json');
  });

  it('asks only for the stage when the idea is given', async () => {
    const result = await terminal(
      [first.idea, '--no-install', '--no-git'],
      [{ expect: 'Which roadmap stage', send: ENTER }],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Directory for the project');
    expect(await readdir(cwd)).toEqual([first.idea]);
  });

  it('exits with 130 and writes nothing when a prompt is cancelled with Ctrl-C', async () => {
    const result = await terminal([], [{ expect: 'Which project', send: CTRL_C }]);
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('Cancelled. Nothing was written.');
    expect(await readdir(cwd)).toEqual([]);
  });
});
