import { describe, expect, it } from 'vitest';
import {
  IDEAS,
  IDEA_IDS,
  STAGES,
  STAGE_IDS,
  availableStarters,
  isAvailable,
  stagesUpTo,
} from '../../generators/catalog.ts';
import { STARTER_VERSIONS } from '../../generators/versions.ts';

describe('catalog', () => {
  it('has the seven ideas and three stages of the roadmap, in order', () => {
    expect(IDEAS.map((idea) => idea.id)).toEqual([...IDEA_IDS]);
    expect(STAGES.map((stage) => stage.id)).toEqual([...STAGE_IDS]);
    expect(IDEAS).toHaveLength(7);
  });

  it('gives each stage its concepts, outcomes and three mistakes', () => {
    const counts = STAGES.map((stage) => [stage.concepts.length, stage.mistakes.length]);
    expect(counts).toEqual([
      [7, 3],
      [5, 3],
      [5, 3],
    ]);
    for (const stage of STAGES) expect(stage.outcomes.length).toBeGreaterThan(0);
  });

  it('uses unique kebab-case ids for concepts and mistakes across all stages', () => {
    const ids = STAGES.flatMap((stage) => [...stage.concepts, ...stage.mistakes].map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('accumulates stages: advanced includes beginner and intermediate', () => {
    expect(stagesUpTo('beginner').map((stage) => stage.id)).toEqual(['beginner']);
    expect(stagesUpTo('advanced').map((stage) => stage.id)).toEqual([...STAGE_IDS]);
  });

  it('derives the starter matrix from what each idea declares available', () => {
    const matrix = availableStarters();
    expect(matrix).toContainEqual({ idea: 'todo-app', stage: 'beginner' });
    for (const { idea, stage } of matrix) expect(isAvailable(idea, stage)).toBe(true);
    const declared = IDEAS.reduce((sum, idea) => sum + idea.available.length, 0);
    expect(matrix).toHaveLength(declared);
  });
});

describe('starter dependency versions', () => {
  it('are all ranges of a concrete release', () => {
    for (const [name, range] of Object.entries(STARTER_VERSIONS)) {
      expect(range, name).toMatch(/^[\^~]?\d+\.\d+\.\d+$/);
    }
  });

  it('pin TypeScript below 6.1, which typescript-eslint 8 requires', () => {
    expect(STARTER_VERSIONS.typescript).toMatch(/^~6\.0\./);
  });
});
