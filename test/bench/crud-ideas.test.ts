// The throughput part of `npm run bench` is not run by `npm test` (it takes half an hour), so its
// assumptions about the starters are checked here: a starter change that would make the bench
// load the wrong thing, or none, fails a test instead of a bench run much later.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableStarters } from '../../generators/catalog.ts';
import { loadStarterManifest } from '../../generators/manifest.ts';
import { CRUD_BENCHES } from '../../bench/crud-ideas.ts';
import { isItemUrl, planSeeding } from '../../bench/crud-seed.ts';

const ideasDir = join(import.meta.dirname, '..', '..', 'templates', 'ideas');

/** The beginner starter's source files of an idea: its idea layer and its beginner layer. */
function beginnerSources(idea: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const layer of [join(ideasDir, idea), join(ideasDir, idea, 'stages', 'beginner')]) {
    const src = join(layer, 'src');
    if (!existsSync(src)) continue;
    for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      sources.set(file.slice(layer.length + 1), readFileSync(file, 'utf8'));
    }
  }
  return sources;
}

const compact = (code: string) => code.replace(/\s+/g, '').replace(/,}/g, '}');

describe('isItemUrl', () => {
  const captured = new Set(['todo', 'slug']);
  it('takes a captured Location or the route and a captured id, nothing below them', () => {
    expect(isItemUrl('${todo}', '/todos', captured)).toBe(true);
    expect(isItemUrl('/api/articles/${slug}', '/api/articles', captured)).toBe(true);
    expect(isItemUrl('/api/articles/${slug}/comments', '/api/articles', captured)).toBe(false);
    expect(isItemUrl('/todos/${other}', '/todos', captured)).toBe(false);
    expect(isItemUrl('/files/${slug}', '/todos', captured)).toBe(false);
  });
});

describe.each(CRUD_BENCHES)('throughput data of $idea', (bench) => {
  const sources = beginnerSources(bench.idea);

  it("names the beginner starter's model module and export", () => {
    const source = sources.get(
      bench.model.module.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'),
    );
    expect(source, bench.model.module).toBeDefined();
    expect(source).toContain(`export const ${bench.model.export} = model(`);
  });

  it("sorts like the beginner list's route handler and answers its fields", () => {
    const sort = `.sort({${Object.entries(bench.sort)
      .map(([field, order]) => `${field}:${order}`)
      .join(',')}})`;
    const handlers = [...sources.values()].filter((code) => compact(code).includes(sort));
    expect(handlers, `a beginner source with ${sort}`).toHaveLength(1);
    for (const field of bench.fields) expect(handlers[0]).toMatch(new RegExp(`\\b${field}:`));
  });

  const stages = availableStarters().filter((starter) => starter.idea === bench.idea);
  it.each(stages)('finds how to seed and load the $stage starter in its smoke steps', (s) => {
    const plan = planSeeding(s.idea, s.stage);
    expect(plan.create.method).toBe('POST');
    expect(plan.create.path).toBe(bench.route(s.stage));
    // The load needs one item to read: a smoke read of what the POST created, or its id.
    expect(plan.read !== undefined || plan.create.capture.id === 'json:id').toBe(true);
    if (plan.read)
      expect(isItemUrl(plan.read.path, plan.route, new Set(Object.keys(plan.create.capture)))).toBe(
        true,
      );
    if (plan.admin) expect(plan.admin.relogin.length).toBeGreaterThan(0);
    if (s.stage === 'beginner') {
      expect(plan.admin).toBeUndefined();
      expect(plan.pages).toBe(false);
    }
  });
});

const withCachedRead = CRUD_BENCHES.filter((bench) => bench.cachedRead !== undefined);
describe.each(withCachedRead)('the cached read of $idea', (bench) => {
  it('is one the advanced smoke steps see cached, of the month the seed falls in', () => {
    const path = bench.cachedRead?.path ?? '';
    const advanced = loadStarterManifest(bench.idea, 'advanced').smoke;
    const hits = advanced.filter(
      (step) => step.path === path && step.expectHeaders?.['x-cache'] === '^HIT$',
    );
    expect(hits.length).toBeGreaterThan(0);
    const month = new URL(path, 'http://x').searchParams.get('month') ?? '';
    const body = planSeeding(bench.idea, 'advanced').create.body as { date?: string };
    expect(body.date?.startsWith(month)).toBe(true);
  });
});
