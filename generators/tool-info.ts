// Name and version of this tool, read from its own package.json so they are never restated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

export interface ToolInfo {
  name: string;
  version: string;
  /** `engines.node`, for example `>=22.12`: the oldest Node the CLI runs on. */
  node: string;
}

let cached: ToolInfo | undefined;

/** Runs from `generators/` in the repo and from `dist/generators/` when installed. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let depth = 0; depth < 4; depth += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
        engines?: { node?: string };
      };
      if (pkg.name === 'create-backend-roadmap' && pkg.version) {
        cached = { name: pkg.name, version: pkg.version, node: pkg.engines?.node ?? '' };
        return cached;
      }
    }
    dir = join(dir, '..');
  }
  throw new Error('create-backend-roadmap: its package.json is missing from the installation');
}
