import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('stage', 'stage')).toBe(0);
    expect(editDistance('stag', 'stage')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closest', () => {
  const stages = ['beginner', 'intermediate', 'advanced'];

  it('finds the nearest candidate, ignoring case', () => {
    expect(closest('beginer', stages)).toBe('beginner');
    expect(closest('Advanced', stages)).toBe('advanced');
    expect(closest('intermedate', stages)).toBe('intermediate');
  });

  it('falls back to a prefix match', () => {
    expect(closest('--dry', ['--dry-run', '--force'])).toBe('--dry-run');
  });

  it('suggests nothing for an unrelated input', () => {
    expect(closest('kubernetes', stages)).toBeUndefined();
    expect(didYouMean('kubernetes', stages)).toBe('');
  });

  it('phrases a suggestion', () => {
    expect(didYouMean('blgo', ['blog'])).toBe(' Did you mean "blog"?');
  });
});
