// Starts the project's history: git init and a first commit, unless the starter already sits
// inside a git work tree (a monorepo or a course repository), where a nested repo would be wrong.
import { formatCommand, type RunCommand } from './run-command.ts';

export const COMMIT_MESSAGE = 'Initial commit from create-backend-roadmap';

/**
 * Used only when git has no user.name / user.email: a first commit should not fail on a fresh
 * machine or in CI. The next-steps output says how to take the commit over.
 */
const FALLBACK_IDENTITY = {
  name: 'create-backend-roadmap',
  email: 'create-backend-roadmap@localhost',
};

export type GitOutcome =
  | { status: 'committed'; fallbackIdentity: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; problem: string; command: string };

export async function initGit(cwd: string, run: RunCommand): Promise<GitOutcome> {
  const version = await run('git', ['--version'], { cwd });
  if (!version.ok) {
    const reason = version.notFound ? 'git is not installed' : 'git does not run';
    return { status: 'skipped', reason };
  }
  const inside = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd });
  if (inside.ok && inside.output === 'true') {
    return { status: 'skipped', reason: 'the directory is inside an existing git repository' };
  }
  return commitEverything(cwd, run);
}

async function commitEverything(cwd: string, run: RunCommand): Promise<GitOutcome> {
  const init = ['init', '--quiet'];
  const add = ['add', '--all'];
  const commit = ['commit', '--quiet', '--message', COMMIT_MESSAGE];
  const identity = await identityEnv(cwd, run);
  const steps: [string[], Record<string, string> | undefined][] = [
    [init, undefined],
    [add, undefined],
    [commit, identity],
  ];
  for (const [index, [args, env]] of steps.entries()) {
    const result = await run('git', args, { cwd, env });
    if (!result.ok) {
      const remaining = steps.slice(index).map(([rest]) => formatCommand('git', rest));
      const problem = `\`${formatCommand('git', args)}\` failed${result.output ? `: ${result.output}` : ''}`;
      return { status: 'failed', problem, command: remaining.join(' && ') };
    }
  }
  return { status: 'committed', fallbackIdentity: identity !== undefined };
}

/**
 * `git var GIT_<ROLE>_IDENT` fails exactly when a commit would fail for lack of an identity, and
 * honours everything git does (config, GIT_* variables, EMAIL); only a role it fails for gets the
 * fallback.
 */
async function identityEnv(cwd: string, run: RunCommand) {
  const env: Record<string, string> = {};
  for (const role of ['AUTHOR', 'COMMITTER']) {
    const ident = await run('git', ['var', `GIT_${role}_IDENT`], { cwd });
    if (ident.ok) continue;
    env[`GIT_${role}_NAME`] = FALLBACK_IDENTITY.name;
    env[`GIT_${role}_EMAIL`] = FALLBACK_IDENTITY.email;
  }
  return Object.keys(env).length > 0 ? env : undefined;
}
