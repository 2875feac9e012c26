import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args.ts';
import { UsageError } from '../../src/errors.ts';

function usageMessage(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const usage = error as UsageError;
    return [usage.message, ...usage.hints].join('\n');
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseArgs', () => {
  it('reads the idea, the directory and the stage', () => {
    expect(parseArgs(['todo-app', 'my-dir', '--stage', 'beginner'])).toMatchObject({
      idea: 'todo-app',
      directory: 'my-dir',
      stage: 'beginner',
    });
  });

  it('defaults install and git to on, everything else off', () => {
    expect(parseArgs([])).toEqual({
      mode: 'guided',
      install: true,
      git: true,
      yes: false,
      force: false,
      dryRun: false,
      list: false,
      json: false,
      verbose: false,
      help: false,
      version: false,
    });
  });

  it('treats a first argument that is not an idea as the directory', () => {
    expect(parseArgs(['my-dir'])).toMatchObject({ directory: 'my-dir' });
    expect(parseArgs(['my-dir']).idea).toBeUndefined();
    expect(parseArgs(['my-dir', '--idea', 'blog'])).toMatchObject({
      idea: 'blog',
      directory: 'my-dir',
    });
  });

  it('takes the only argument as the directory when --idea is given, even if it is an idea id', () => {
    expect(parseArgs(['todo-app', '--idea', 'blog'])).toMatchObject({
      idea: 'blog',
      directory: 'todo-app',
    });
  });

  it('accepts --opt=value, short options, bundles and --no-*', () => {
    expect(
      parseArgs(['--stage=advanced', '--pm', 'pnpm', '--no-install', '--no-git']),
    ).toMatchObject({ stage: 'advanced', pm: 'pnpm', install: false, git: false });
    expect(parseArgs(['-yfs', 'intermediate'])).toMatchObject({
      yes: true,
      force: true,
      stage: 'intermediate',
    });
    expect(parseArgs(['-s=beginner', '-h', '-v'])).toMatchObject({
      stage: 'beginner',
      help: true,
      version: true,
    });
  });

  it('takes everything after -- as positional', () => {
    expect(parseArgs(['todo-app', '--', '--weird-dir'])).toMatchObject({
      idea: 'todo-app',
      directory: '--weird-dir',
    });
  });

  it('suggests the closest option for an unknown one and lists the valid ones', () => {
    const message = usageMessage(['--stag', 'beginner']);
    expect(message).toContain('Unknown option --stag');
    expect(message).toContain('Did you mean "--stage"?');
    expect(message).toContain('--dry-run');
    expect(usageMessage(['--dry'])).toContain('"--dry-run"');
    expect(usageMessage(['--no-instal'])).toContain('"--no-install"');
  });

  it('refuses unknown values with the closest one and the valid list', () => {
    expect(usageMessage(['todo-app', '--stage', 'beginer'])).toMatch(
      /Unknown stage "beginer"\. Did you mean "beginner"\?[\s\S]*beginner, intermediate, advanced/,
    );
    expect(usageMessage(['--pm', 'pnp'])).toContain('Did you mean "pnpm"?');
    expect(usageMessage(['--idea', 'blgo'])).toContain('Did you mean "blog"?');
    expect(usageMessage(['--mode', 'excercise'])).toMatch(
      /Unknown mode "excercise"\. Did you mean "exercise"\?[\s\S]*guided, exercise/,
    );
  });

  it('reads --mode (and -m): guided unless asked otherwise', () => {
    expect(parseArgs(['todo-app', '--mode', 'exercise'])).toMatchObject({ mode: 'exercise' });
    expect(parseArgs(['todo-app', '-m', 'guided'])).toMatchObject({ mode: 'guided' });
    expect(usageMessage(['--mode'])).toContain('--mode needs a value: one of guided, exercise.');
  });

  it('reads two arguments whose first is not an idea as a mistyped idea', () => {
    expect(usageMessage(['todo-ap', 'dir'])).toContain('Did you mean "todo-app"?');
  });

  it('refuses missing values, values on flags, negating non-flags and extra arguments', () => {
    expect(usageMessage(['--stage'])).toContain('--stage needs a value: one of beginner');
    expect(usageMessage(['--stage', '--yes'])).toContain('--stage needs a value');
    expect(usageMessage(['--force=yes'])).toContain('--force does not take a value');
    expect(usageMessage(['--no-stage'])).toContain('Unknown option --no-stage');
    expect(usageMessage(['todo-app', 'a', 'b'])).toContain('Too many arguments: b');
    expect(usageMessage(['-sy', 'beginner'])).toContain('-s needs a value');
    expect(usageMessage(['--json'])).toContain('--json only works together with --list');
  });

  it('does not guess for an unknown single-letter option', () => {
    expect(usageMessage(['-x'])).not.toContain('Did you mean');
  });
});
