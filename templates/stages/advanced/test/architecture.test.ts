// The modular monolith's one rule, checked on every file (docs/architecture.md,
// docs/adr/0001-modular-monolith.md): a module (a folder under src/, e.g. src/cache) that has an
// index.ts, its public face, is used by other modules only through it. Files directly in src/
// (config, logger, db, redis, app…) and src/http/ are the shared plumbing every module may use.
// Give each module an index.ts as it grows up, and this test keeps its border.
//
// Why a test: the day a module must become a service of its own, its index.ts is the list of
// calls that turn into network requests. A deep import (`../auth/tokens.js`) is a hidden
// dependency that makes that split, or even a refactor inside the module, break things far away.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const SHARED = new Set(['http']);

function sourceFiles(): string[] {
  return readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(srcDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The module a file under src/ belongs to, or undefined for shared plumbing. */
function moduleOf(path: string): string | undefined {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 && first !== undefined && !SHARED.has(first) ? first : undefined;
}

/** Deep imports of another module: `from '../auth/tokens.js'` in src/todos/todo.routes.ts. */
function violations(files: Record<string, string>): string[] {
  const sealed = new Set(
    Object.keys(files)
      .filter((path) => /^[^/]+\/index\.ts$/.test(path))
      .map((path) => path.split('/')[0]),
  );
  const found: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const fromModule = moduleOf(path);
    // Files in src/ itself compose the app (app.ts mounts every router): they may import anything.
    if (!fromModule) continue;
    const dir = path.split('/').slice(0, -1);
    for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = join(...dir, match[1] ?? '')
        .split(sep)
        .join('/');
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === fromModule || !sealed.has(targetModule)) continue;
      if (target !== `${targetModule}/index.js`) found.push(`${path} imports ${match[1]}`);
    }
  }
  return found;
}

describe('module boundaries', () => {
  it('lets modules use a module with an index.ts through it only', () => {
    const files = Object.fromEntries(
      sourceFiles().map((path) => [path, readFileSync(join(srcDir, path), 'utf8')]),
    );
    expect(violations(files)).toEqual([]);
  });

  it('catches a deep import into a module that has an index.ts', () => {
    expect(
      violations({
        'todos/todo.routes.ts': "import { verify } from '../auth/tokens.js';",
        'todos/todo.model.ts': "import { readThrough } from '../cache/cache.js';",
        'auth/index.ts': "export { verify } from './tokens.js';",
        'auth/tokens.ts': "import { config } from '../config.js';",
        'cache/index.ts': "export { readThrough } from './cache.js';",
        'uploads/upload.ts': "import { notFound } from '../http/errors.js';",
        'todos/attachments.ts': "import { uploadOne } from '../uploads/upload.js';",
        'auth/routes.ts': "import { x } from './tokens.js';",
        'app.ts': "import { todoRouter } from './todos/todo.routes.js';",
        'users/user.ts': "import { cachedRead } from '../cache/index.js';",
      }),
    ).toEqual([
      'todos/todo.routes.ts imports ../auth/tokens.js',
      'todos/todo.model.ts imports ../cache/cache.js',
    ]);
  });
});
