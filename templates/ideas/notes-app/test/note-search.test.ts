// The search filter on its own: what the client's `?q=` text becomes before it reaches MongoDB.
import { describe, expect, it } from 'vitest';
import { escapeRegex, noteFilter } from '../src/notes/note.search.js';

describe('escapeRegex', () => {
  it('makes every regex metacharacter literal', () => {
    const special = '.*+?^${}()|[]\\';
    const pattern = new RegExp(`^${escapeRegex(special)}$`);
    expect(pattern.test(special)).toBe(true);
    expect(new RegExp(escapeRegex('a.c')).test('abc')).toBe(false);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeRegex('meeting notes 2026')).toBe('meeting notes 2026');
  });
});

describe('noteFilter', () => {
  it('is empty without a tag or a search', () => {
    expect(noteFilter({})).toEqual({});
    expect(noteFilter({ q: '' })).toEqual({});
  });

  it('searches title and content for the escaped text, ignoring case', () => {
    const pattern = { $regex: 'a\\+b', $options: 'i' };
    // Through JSON: the filter as it goes to MongoDB, without Mongoose's `trusted` marker.
    expect(JSON.parse(JSON.stringify(noteFilter({ tag: 'work', q: 'a+b' })))).toEqual({
      tags: 'work',
      $or: [{ title: pattern }, { content: pattern }],
    });
  });
});
