// The pieces of an article's address and of the list's filters on their own.
import { describe, expect, it } from 'vitest';
import { UserModel } from '../src/auth/user.model.js';
import { articleFilter } from '../src/posts/post.search.js';
import { slugify } from '../src/posts/slug.js';

describe('slugify', () => {
  it('makes a readable, URL-safe address from a title', () => {
    expect(slugify('How to train your dragon')).toBe('how-to-train-your-dragon');
    expect(slugify('  Crème brûlée: the recipe!  ')).toBe('creme-brulee-the-recipe');
    expect(slugify('日本語 2026')).toBe('日本語-2026');
    expect(slugify('!!!')).toBe('article');
    expect(slugify('a'.repeat(300))).toHaveLength(120);
  });
});

describe('articleFilter', () => {
  it('is empty without filters and matches a tag as a plain value', async () => {
    expect(await articleFilter({})).toEqual({});
    expect(await articleFilter({ tag: 'dragons' })).toEqual({ tagList: 'dragons' });
  });

  it('finds the author by username, and matches nothing for an unknown one', async () => {
    const ann = await UserModel.create({
      username: 'ann',
      email: 'ann@example.com',
      passwordHash: 'x',
    });
    expect(await articleFilter({ author: 'ann' })).toEqual({ author: ann._id });
    expect(await articleFilter({ author: 'nobody' })).toBeNull();
    expect(await articleFilter({ favorited: 'nobody' })).toBeNull();
  });
});
