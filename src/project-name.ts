// The starter's package name comes from the directory's last segment. npm's rules are applied
// here (rather than letting `npm install` reject the package.json later) so a bad name fails
// before anything is written, with the reason.
import { builtinModules } from 'node:module';
import { UsageError } from './errors.ts';

const MAX_LENGTH = 214;
/** Names npm refuses outright, besides Node's core modules. */
const RESERVED = new Set(['node_modules', 'favicon.ico']);
const SCOPED = /^@([^/]+)\/(.+)$/;

/**
 * Best-effort conversion of a folder name into a package name: "My App" → "my-app". Whatever
 * cannot be converted (an empty result, a reserved or core-module name) is left for
 * `assertValidPackageName` to reject with a reason.
 */
export function toPackageName(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[._-]+/, '')
    .replace(/-+$/, '');
}

/** Why `name` is not a valid new package name, or undefined when it is. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (name !== name.toLowerCase()) return 'it contains capital letters';
  const parts = SCOPED.exec(name)?.slice(1) ?? [name];
  if (parts.some((part) => /^[._]/.test(part))) return 'it starts with "." or "_"';
  if (parts.some((part) => !/^[a-z0-9._~-]+$/.test(part))) {
    return 'it may only contain a–z, 0–9, "-", ".", "_" and "~" (plus one "@scope/")';
  }
  if (RESERVED.has(name)) return `"${name}" is reserved`;
  if (isCoreModule(name)) return `"${name}" is the name of a Node.js core module`;
  return undefined;
}

/** Core modules `require(name)` resolves; prefix-only ones (`node:test`) do not clash. */
function isCoreModule(name: string): boolean {
  return builtinModules.includes(name);
}

export interface ProjectName {
  name: string;
  /** Set when the name differs from what it was derived from, to tell the user. */
  cleanedFrom?: string;
}

/**
 * The package name for a starter in `directoryName`, or `explicit` (`--name`) when given. An
 * explicit name is checked as typed, never silently changed: the user asked for that exact name.
 */
export function resolveProjectName(directoryName: string, explicit?: string): ProjectName {
  if (explicit !== undefined) {
    const problem = packageNameProblem(explicit);
    if (problem) throw invalidName(explicit, problem, '--name');
    return { name: explicit };
  }
  const name = toPackageName(directoryName);
  const problem = packageNameProblem(name);
  if (problem) throw invalidName(directoryName, problem, 'directory');
  return name === directoryName ? { name } : { name, cleanedFrom: directoryName };
}

function invalidName(input: string, problem: string, source: '--name' | 'directory'): UsageError {
  const cleaned = toPackageName(input);
  const hints =
    source === '--name'
      ? [
          packageNameProblem(cleaned) === undefined
            ? `Try --name ${cleaned}`
            : 'Package names are lowercase letters, digits, "-", "." and "_", up to 214 characters.',
        ]
      : ['Choose another directory name, or keep it and pass --name <package-name>.'];
  const shown =
    input === cleaned || source === '--name' ? `"${input}"` : `"${input}" (→ "${cleaned}")`;
  return new UsageError(`Cannot use ${shown} as the package name: ${problem}.`, hints);
}
