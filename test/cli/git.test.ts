import { describe, expect, it } from 'vitest';
import { initGit } from '../../src/git.ts';
import type { CommandResult, RunCommand } from '../../src/run-command.ts';

const ok = (output = ''): CommandResult => ({ ok: true, notFound: false, output });
const failed = (output = ''): CommandResult => ({
  ok: false,
  notFound: false,
  exitCode: 1,
  output,
});

/** Answers each git subcommand from a table; records the calls and the extra env they got. */
function fakeGit(answers: Record<string, CommandResult>) {
  const calls: { args: string; env?: Record<string, string> }[] = [];
  const run: RunCommand = (_command, args, options) => {
    calls.push({ args: args.join(' '), env: options.env });
    const key = Object.keys(answers).find((prefix) => args.join(' ').startsWith(prefix));
    return Promise.resolve(key ? answers[key]! : ok());
  };
  return { run, calls };
}

describe('initGit', () => {
  it('skips when git is not installed', async () => {
    const { run } = fakeGit({ '--version': { ok: false, notFound: true, output: '' } });
    expect(await initGit('/p', run)).toEqual({ status: 'skipped', reason: 'git is not installed' });
  });

  it('skips inside an existing work tree', async () => {
    const { run, calls } = fakeGit({ 'rev-parse': ok('true') });
    expect(await initGit('/p', run)).toMatchObject({ status: 'skipped' });
    expect(calls.map((call) => call.args)).not.toContain('init --quiet');
  });

  it('commits with the configured identity when git has one', async () => {
    const { run, calls } = fakeGit({ 'rev-parse': failed() });
    expect(await initGit('/p', run)).toEqual({ status: 'committed', fallbackIdentity: false });
    expect(calls.find((call) => call.args.startsWith('commit'))?.env).toBeUndefined();
  });

  it('passes a fallback identity only for the role git cannot determine', async () => {
    const { run, calls } = fakeGit({ 'rev-parse': failed(), 'var GIT_COMMITTER_IDENT': failed() });
    expect(await initGit('/p', run)).toEqual({ status: 'committed', fallbackIdentity: true });
    expect(calls.find((call) => call.args.startsWith('commit'))?.env).toEqual({
      GIT_COMMITTER_NAME: 'create-backend-roadmap',
      GIT_COMMITTER_EMAIL: 'create-backend-roadmap@localhost',
    });
  });

  it('reports a failed step with the commands that remain to be run by hand', async () => {
    const { run } = fakeGit({ 'rev-parse': failed(), commit: failed('hook said no') });
    expect(await initGit('/p', run)).toEqual({
      status: 'failed',
      problem:
        "`git commit --quiet --message 'Initial commit from create-backend-roadmap'` failed: hook said no",
      command: "git commit --quiet --message 'Initial commit from create-backend-roadmap'",
    });
  });
});
