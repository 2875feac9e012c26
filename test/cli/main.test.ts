// run() with every effect replaced: the generator, the commands and the terminal are fakes.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableStarters } from '../../generators/catalog.ts';
import type { Context } from '../../src/create.ts';
import { CliError, EXIT } from '../../src/errors.ts';
import { report, run } from '../../src/main.ts';
import type { CommandResult } from '../../src/run-command.ts';

const { idea, stage } = availableStarters()[0]!;
let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'cbr-main-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

interface Fake {
  context: Context;
  out: string[];
  err: string[];
  commands: string[];
}

function fakeContext(overrides: Partial<Context> = {}, results: CommandResult[] = []): Fake {
  const fake: Fake = { out: [], err: [], commands: [], context: undefined as never };
  fake.context = {
    cwd,
    env: {},
    interactive: false,
    out: (line) => fake.out.push(line),
    err: (line) => fake.err.push(line),
    ask: {
      select: () => Promise.reject(new Error('no')),
      text: () => Promise.reject(new Error('no')),
    },
    generator: {
      render: () => Promise.resolve([{ path: 'package.json', content: '{}' }]),
      write: () => Promise.reject(new Error('template exploded')),
    },
    run: (command, args) => {
      fake.commands.push([command, ...args].join(' '));
      return Promise.resolve(results.shift() ?? { ok: true, notFound: false, output: '' });
    },
    ...overrides,
  };
  return fake;
}

describe('run', () => {
  it('returns the usage exit code and points at --help', async () => {
    const fake = fakeContext();
    expect(await run(['--stag'], fake.context)).toBe(EXIT.usage);
    expect(fake.err.join('\n')).toContain('Run create-backend-roadmap --help for usage.');
  });

  it('turns a rendering failure into exit 1 and leaves nothing behind', async () => {
    const fake = fakeContext();
    const code = await run([idea, '--stage', stage, '--no-install', '--no-git'], fake.context);
    expect(code).toBe(EXIT.failure);
    expect(fake.err.join('\n')).toContain('Could not create the starter: template exploded');
    expect(fake.err.join('\n')).toContain('Nothing was written');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('keeps going after a failed install, still runs git, and exits 1 at the end', async () => {
    const write = (_request: unknown, directory: string) =>
      writeFile(join(directory, 'package.json'), '{"scripts":{"dev":"x","test":"y"}}');
    const failedInstall = { ok: false, notFound: false, exitCode: 1, output: '' };
    const fake = fakeContext({ generator: { render: () => Promise.resolve([]), write } }, [
      failedInstall,
    ]);
    const code = await run([idea, '--stage', stage, '--pm', 'yarn'], fake.context);
    expect(code).toBe(EXIT.failure);
    expect(fake.commands[0]).toBe('yarn install');
    expect(fake.commands).toContain(
      'git commit --quiet --message Initial commit from create-backend-roadmap',
    );
    expect(fake.out).toEqual(
      expect.arrayContaining(['  yarn install', '  yarn dev', '  yarn test']),
    );
    expect(fake.err.join('\n')).toContain(`Install by hand: cd ${idea} && yarn install`);
  });

  describe('Ctrl-C during the install', () => {
    const write = (_request: unknown, directory: string) =>
      writeFile(join(directory, 'package.json'), '{}');

    /** A host whose signals the test sends; exit() must not be reached with one Ctrl-C. */
    function fakeHost() {
      const listeners = new Map<string, (() => void)[]>();
      return {
        on: (signal: string, listener: () => void) =>
          listeners.set(signal, [...(listeners.get(signal) ?? []), listener]),
        off: (signal: string, listener: () => void) =>
          listeners.set(
            signal,
            (listeners.get(signal) ?? []).filter((candidate) => candidate !== listener),
          ),
        exit: (code: number): never => {
          throw new Error(`exit ${code}`);
        },
        send: (signal: string) => {
          for (const listener of listeners.get(signal) ?? []) listener();
        },
      };
    }

    it('stops the package manager and ends with 130 and how to finish by hand', async () => {
      const host = fakeHost();
      const fake = fakeContext({
        generator: { render: () => Promise.resolve([]), write },
        host,
        // The install runs until it is cancelled, as npm does on SIGTERM.
        run: (command, _args, options) =>
          command === 'git'
            ? Promise.resolve({ ok: true, notFound: false, output: '' })
            : new Promise((resolve) => {
                options.cancelSignal?.addEventListener('abort', () =>
                  resolve({ ok: false, notFound: false, signal: 'SIGTERM', output: '' }),
                );
                setTimeout(() => host.send('SIGINT'), 10);
              }),
      });
      const code = await run([idea, '--stage', stage], fake.context);
      expect(code).toBe(EXIT.cancelled);
      expect(fake.err.join('\n')).toContain('Interrupted during the install.');
      expect(fake.err.join('\n')).toContain(`Install by hand: cd ${idea} && npm install`);
    });

    it('says the same when the package manager exits with 130 before the CLI sees the signal', async () => {
      const interrupted = { ok: false, notFound: false, exitCode: 130, output: '' };
      const fake = fakeContext(
        { generator: { render: () => Promise.resolve([]), write }, host: fakeHost() },
        [interrupted],
      );
      expect(await run([idea, '--stage', stage], fake.context)).toBe(EXIT.cancelled);
      expect(fake.err.join('\n')).toContain('Interrupted during the install.');
      expect(fake.commands.some((command) => command.startsWith('git'))).toBe(false);
    });
  });
});

describe('report', () => {
  it('shows the stack only with --verbose', () => {
    const lines: string[] = [];
    const error = new CliError('broke', EXIT.failure, [], new Error('root cause'));
    expect(report(error, true, (line) => lines.push(line))).toBe(1);
    expect(lines.join('\n')).toContain('root cause');
    expect(lines.join('\n')).toMatch(/at .*main\.test\.ts/);
    lines.length = 0;
    report(error, false, (line) => lines.push(line));
    expect(lines.join('\n')).not.toContain('main.test.ts');
    expect(lines.join('\n')).toContain('--verbose');
  });

  it('treats an unexpected error as a failure', () => {
    const lines: string[] = [];
    expect(report(new TypeError('oops'), false, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain('Unexpected error: oops');
  });
});
