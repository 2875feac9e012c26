// Which template layers make up a starter, in the order they are applied.
import { STAGE_IDS, type IdeaId, type StageId } from './catalog.ts';
import { templateSourceOf, type TemplatesLocation } from './template-source.ts';

/** Every layer id a starter could have, whether or not the templates hold it. */
export function candidateLayerIds(idea: IdeaId, stage: StageId): string[] {
  const stages = STAGE_IDS.slice(0, STAGE_IDS.indexOf(stage) + 1);
  return [
    'base',
    ...stages.map((id) => `stages/${id}`),
    `ideas/${idea}`,
    ...stages.map((id) => `ideas/${idea}/stages/${id}`),
  ];
}

/**
 * Layer ids are paths relative to the templates folder. Stages are cumulative, so a stage id
 * pulls in every earlier stage's layers too. Layers that do not exist are skipped: an idea only
 * has an `ideas/<idea>/stages/<stage>` delta where data cannot express the difference.
 */
export function layerIdsFor(idea: IdeaId, stage: StageId, templates: TemplatesLocation): string[] {
  const source = templateSourceOf(templates);
  return candidateLayerIds(idea, stage).filter((id) => source.hasLayer(id));
}
