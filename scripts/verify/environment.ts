// The environment each starter command runs with: the caller's, cleaned of what would change how
// npm or the starter behaves, plus the database URLs and, for the booted server, the values its
// own `.env.example` documents.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * Variables `npm run verify` itself sets, which must not leak into the starter's own npm runs
 * (they describe this repo's package), and NODE_ENV, which would make `npm install` skip the
 * devDependencies the checks need.
 */
function inheritable(name: string): boolean {
  if (name === 'NODE_ENV' || name === 'INIT_CWD') return false;
  return !/^npm_(package|lifecycle)_/.test(name) && name !== 'npm_command';
}

/** The caller's environment with this Node first on PATH, so `npm` and `npx` run on it too. */
export function baseEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && inheritable(name)) clean[name] = value;
  }
  const nodeDir = dirname(process.execPath);
  clean.PATH = [nodeDir, ...(env.PATH ?? '').split(delimiter).filter((dir) => dir !== nodeDir)]
    .filter((dir) => dir !== '')
    .join(delimiter);
  // A native addon built on install must compile against this Node's headers, not whatever
  // nodedir the machine's npm config names. The npm `node` package ships them beside the binary.
  const nodeHome = dirname(dirname(realpathSync(process.execPath)));
  if (existsSync(join(nodeHome, 'include', 'node', 'node.h'))) clean.npm_config_nodedir = nodeHome;
  clean.npm_config_update_notifier = 'false';
  return clean;
}

/** `NAME=value` lines of a dotenv file; comments, blank lines and `export ` prefixes allowed. */
export function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', rest = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rest);
    values[name] = quoted ? (quoted[2] ?? '') : rest.replace(/\s+#.*$/, '');
  }
  return values;
}

export function readDotenvExample(starterDir: string): Record<string, string> {
  const file = join(starterDir, '.env.example');
  return existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {};
}

/**
 * The same server with another database: the booted starter gets one of its own per run, so its
 * smoke calls never meet data from an earlier run. When the URI carries credentials and no
 * authSource, the database they were checked against is kept as the authSource.
 */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) return uri;
  const [, scheme = '', hosts = '', path = '', query = ''] = match;
  const params = new URLSearchParams(query.slice(1));
  if (hosts.includes('@') && !params.has('authSource')) {
    params.set('authSource', path.length > 1 ? decodeURIComponent(path.slice(1)) : 'admin');
  }
  const search = params.toString();
  return `${scheme}${hosts}/${database}${search === '' ? '' : `?${search}`}`;
}
