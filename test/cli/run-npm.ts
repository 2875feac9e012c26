// Runs npm in a generated starter, the way the end-to-end tests check it: no colour, the test's
// environment (MONGODB_URI, REDIS_URL), and stdout and stderr together for failure messages.
import { spawnSync } from 'node:child_process';

export function runNpm(args: string[], cwd: string, timeout = 300_000) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}
