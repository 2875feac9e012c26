// Exercise regions (generators/exercises.ts): one side kept, markers dropped, mistakes reported.
import { describe, expect, it } from 'vitest';
import { moveTestContent, resolveRegions } from '../../generators/exercises.ts';

const source = [
  'const a = 1;',
  '  // exercise:start unhandled-async',
  '  await connect();',
  '  // exercise:else',
  '  // // TODO(mistake:unhandled-async): Exercise: …',
  '  // void connect();',
  '  //',
  '  //   nested();',
  '  // exercise:end',
  '# exercise:start *',
  '# exercise:else',
  '# extra: true',
  '# exercise:end',
  'const b = 2;',
].join('\n');

describe('resolveRegions', () => {
  it('keeps the guided side, or the exercise side uncommented, and drops every marker', () => {
    expect(resolveRegions(source, 'x.ts', () => 'guided')).toEqual({
      content: ['const a = 1;', '  await connect();', 'const b = 2;'].join('\n'),
      ids: ['unhandled-async', '*'],
    });
    expect(resolveRegions(source, 'x.ts', () => 'exercise').content).toBe(
      [
        'const a = 1;',
        '  // TODO(mistake:unhandled-async): Exercise: …',
        '  void connect();',
        '',
        '    nested();',
        'extra: true',
        'const b = 2;',
      ].join('\n'),
    );
    const mixed = resolveRegions(source, 'x.ts', (id) => (id === '*' ? 'exercise' : 'guided'));
    expect(mixed.content).toContain('extra: true');
    expect(mixed.content).toContain('await connect();');
  });

  it('leaves a file without regions alone', () => {
    expect(resolveRegions('const a = 1;\n', 'x.ts', () => 'exercise')).toEqual({
      content: 'const a = 1;\n',
      ids: [],
    });
  });

  it('refuses malformed regions, naming the file and line', () => {
    const bad = (lines: string[]) => () => resolveRegions(lines.join('\n'), 'y.ts', () => 'guided');
    expect(bad(['// exercise:start a', 'x', '// exercise:end'])).toThrow(/y\.ts:3: .*without/);
    expect(bad(['// exercise:start a', '// exercise:else', '// x'])).toThrow(/y\.ts:1: .*no end/);
    expect(bad(['// exercise:end'])).toThrow(/y\.ts:1: .*outside/);
    expect(bad(['// exercise:start a', '// exercise:start b'])).toThrow(/y\.ts:2: .*inside/);
    expect(bad(['// exercise:start a', '// exercise:else', 'not commented'])).toThrow(
      /y\.ts:3: .*commented/,
    );
  });
});

describe('moveTestContent', () => {
  it('points imports of test helpers from exercises/ back to test/', () => {
    const moved = moveTestContent(
      [
        "import { useApi } from './api.js';",
        "import './setup.js';",
        "const later = await import('./users.js');",
        "import { createApp } from '../src/app.js';",
      ].join('\n'),
    );
    expect(moved).toBe(
      [
        "import { useApi } from '../test/api.js';",
        "import '../test/setup.js';",
        "const later = await import('../test/users.js');",
        "import { createApp } from '../src/app.js';",
      ].join('\n'),
    );
  });
});
