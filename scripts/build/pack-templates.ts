// Writes every template layer of templates/ as one JSON file under dist/layers/, which is what
// the built CLI reads (generators/template-source.ts says why).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { IDEA_IDS, STAGE_IDS } from '../../generators/catalog.ts';
import { candidateLayerIds } from '../../generators/layers.ts';
import { packedLayerFile, packLayer, templateFolder } from '../../generators/template-source.ts';

/** Every layer some starter uses, each once. */
export function allLayerIds(templatesDir: string): string[] {
  const folder = templateFolder(templatesDir);
  const ids = IDEA_IDS.flatMap((idea) =>
    STAGE_IDS.flatMap((stage) => candidateLayerIds(idea, stage)),
  );
  return [...new Set(ids)].filter((id) => folder.hasLayer(id)).sort();
}

export function packTemplates(templatesDir: string, packDir: string): void {
  const folder = templateFolder(templatesDir);
  for (const layerId of allLayerIds(templatesDir)) {
    const file = packedLayerFile(packDir, layerId);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, packLayer(folder.readLayer(layerId)));
  }
}
