// Which package manager installs the starter and appears in the next steps.

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export function isPackageManager(value: string): value is PackageManager {
  return (PACKAGE_MANAGERS as readonly string[]).includes(value);
}

/**
 * `npm create`, `pnpm create`, `yarn create` and `bunx` all set `npm_config_user_agent`
 * ("pnpm/9.12.0 npm/? node/v22.12.0 linux x64"); its first product token names the manager the
 * user chose. Anything else (a global install, an unknown manager) falls back to npm, which ships
 * with Node.
 */
export function detectPackageManager(
  env: Readonly<Record<string, string | undefined>>,
): PackageManager {
  const product = env.npm_config_user_agent?.split(' ')[0]?.split('/')[0] ?? '';
  return isPackageManager(product) ? product : 'npm';
}

/** The command that runs a package.json script: npm and bun need `run`, pnpm and yarn do not. */
export function runScriptCommand(pm: PackageManager, script: string): string {
  if (script === 'test') return `${pm} test`;
  return pm === 'npm' || pm === 'bun' ? `${pm} run ${script}` : `${pm} ${script}`;
}

export function installCommand(pm: PackageManager): { command: PackageManager; args: string[] } {
  return { command: pm, args: ['install'] };
}
