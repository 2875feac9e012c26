// Which template folders make up a starter, in the order they are applied.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAGE_IDS, type IdeaId, type StageId } from './catalog.ts';

/**
 * The templates folder ships beside `generators/` both in the repo and in the published package
 * (where this file runs from `dist/generators/`), so walk up until it is found.
 */
export function defaultTemplatesDir(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let depth = 0; depth < 4; depth += 1) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'base'))) return candidate;
    dir = join(dir, '..');
  }
  throw new Error('create-backend-roadmap: the templates folder is missing from the installation');
}

/**
 * Layer ids are paths relative to the templates folder. Stages are cumulative, so a stage id
 * pulls in every earlier stage's layers too. Folders that do not exist are skipped: an idea only
 * has an `ideas/<idea>/stages/<stage>` delta where data cannot express the difference.
 */
export function layerIdsFor(idea: IdeaId, stage: StageId, templatesDir: string): string[] {
  const stages = STAGE_IDS.slice(0, STAGE_IDS.indexOf(stage) + 1);
  const candidates = [
    'base',
    ...stages.map((id) => `stages/${id}`),
    `ideas/${idea}`,
    ...stages.map((id) => `ideas/${idea}/stages/${id}`),
  ];
  return candidates.filter((id) => existsSync(join(templatesDir, id)));
}
