import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { packageNameProblem, resolveProjectName, toPackageName } from '../../src/project-name.ts';

describe('toPackageName', () => {
  it.each([
    ['My App', 'my-app'],
    ['  spaced   out  ', 'spaced-out'],
    ['Café Übersicht', 'cafe-ubersicht'],
    ['.hidden', 'hidden'],
    ['_private', 'private'],
    ['a!!b??c', 'a-b-c'],
    ['trailing---', 'trailing'],
    ['ok.name_1~x', 'ok.name_1~x'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(toPackageName(input)).toBe(expected);
  });
});

describe('packageNameProblem', () => {
  it('accepts valid names, scoped ones included', () => {
    expect(packageNameProblem('my-app')).toBeUndefined();
    expect(packageNameProblem('@class-2025/todo-app')).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(215), 'longer than 214'],
    ['My-App', 'capital'],
    ['.app', 'starts with'],
    ['my app', 'may only contain'],
    ['@scope/a/b', 'may only contain'],
    ['node_modules', 'reserved'],
    ['favicon.ico', 'reserved'],
    ['http', 'core module'],
    ['fs', 'core module'],
    ['test', undefined],
  ])('%j', (name, problem) => {
    if (problem === undefined) expect(packageNameProblem(name)).toBeUndefined();
    else expect(packageNameProblem(name)).toContain(problem);
  });
});

describe('resolveProjectName', () => {
  it('keeps a valid directory name as it is', () => {
    expect(resolveProjectName('todo-app')).toEqual({ name: 'todo-app' });
  });

  it('cleans up a directory name and says so', () => {
    expect(resolveProjectName('My App')).toEqual({ name: 'my-app', cleanedFrom: 'My App' });
  });

  it('refuses a directory name that cannot be made valid', () => {
    for (const directory of ['!!!', 'node_modules', 'http', 'a'.repeat(300)]) {
      expect(() => resolveProjectName(directory)).toThrow(UsageError);
    }
  });

  it('lets --name override the directory name, checked exactly as typed', () => {
    expect(resolveProjectName('http', 'my-http')).toEqual({ name: 'my-http' });
    expect(() => resolveProjectName('ok', 'Not Valid')).toThrow(/Cannot use "Not Valid"/);
  });
});
