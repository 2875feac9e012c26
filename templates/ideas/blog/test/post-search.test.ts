// The search filter on its own: what the client's `?term=` text becomes before it reaches MongoDB.
import { describe, expect, it } from 'vitest';
import { escapeRegex, postFilter } from '../src/posts/post.search.js';

describe('escapeRegex', () => {
  it('makes every regex metacharacter literal', () => {
    const special = '.*+?^${}()|[]\\';
    expect(new RegExp(`^${escapeRegex(special)}$`).test(special)).toBe(true);
    expect(new RegExp(escapeRegex('a.c')).test('abc')).toBe(false);
  });
});

describe('postFilter', () => {
  it('is empty without a term', () => {
    expect(postFilter(undefined)).toEqual({});
    expect(postFilter('')).toEqual({});
  });

  it('searches title, content and category for the escaped term, ignoring case', () => {
    const pattern = { $regex: 'c\\+\\+', $options: 'i' };
    // Through JSON: the filter as it goes to MongoDB, without Mongoose's `trusted` marker.
    expect(JSON.parse(JSON.stringify(postFilter('c++')))).toEqual({
      $or: [{ title: pattern }, { content: pattern }, { category: pattern }],
    });
  });
});
