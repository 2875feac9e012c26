// A copy of the real templates with a synthetic `stages/intermediate` layer, so upgrade can be
// exercised end to end before the real intermediate templates exist. The layer changes files in
// the three ways that matter: one the learner will not touch (db.ts: updated), one the learner
// changes elsewhere (health.ts: merged), one the learner changes on the same line (server.ts:
// conflict), and adds a file (src/intermediate.ts).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export const ADDED_LINE = '// Added at intermediate: the health check reports the stage too.';
export const SERVER_FIRST_LINE =
  '// Intermediate stage: the server now also loads the auth settings.';
export const DB_LINE = '// Intermediate stage: connection pool sized for concurrent requests.';

export async function templatesWithIntermediate(dir: string): Promise<string> {
  const templates = join(dir, 'templates');
  await cp(REAL_TEMPLATES, templates, { recursive: true });
  const layer = join(templates, 'stages', 'intermediate');
  // Whatever real intermediate layers exist (perhaps half-written) make way for the synthetic one.
  await rm(layer, { recursive: true, force: true });
  await rm(join(templates, 'ideas', 'todo-app', 'stages', 'intermediate'), {
    recursive: true,
    force: true,
  });
  await mkdir(join(layer, 'src'), { recursive: true });
  await writeFile(
    join(layer, 'layer.json'),
    '{ "description": "Synthetic intermediate layer." }\n',
  );
  const original = (path: string) => readFile(join(templates, 'base', path), 'utf8');
  await writeFile(
    join(layer, 'src/health.ts'),
    `${await original('src/health.ts')}${ADDED_LINE}\n`,
  );
  const server = (await original('src/server.ts')).split('\n');
  server[0] = SERVER_FIRST_LINE;
  await writeFile(join(layer, 'src/server.ts'), server.join('\n'));
  await writeFile(join(layer, 'src/db.ts'), `${await original('src/db.ts')}${DB_LINE}\n`);
  await writeFile(join(layer, 'src/intermediate.ts'), 'export const stage = "intermediate";\n');
  return templates;
}
