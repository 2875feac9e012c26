// The CLI writes through node-plop; this proves the plop path and the in-memory renderer agree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { availableStarters } from '../../generators/catalog.ts';
import { renderStarterSync, type StarterRequest } from '../../generators/render.ts';
import { generateWithPlop } from '../../generators/run-plop.ts';

const [first] = availableStarters();
if (!first) throw new Error('the catalog has no starter with templates');
const request: StarterRequest = {
  ...first,
  projectName: 'via-plop',
  options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
};

describe('generateWithPlop', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbr-plop-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes exactly what the renderer renders', async () => {
    const dir = tempDir();
    const written = await generateWithPlop(request, dir);
    const expected = renderStarterSync(request);
    expect(written).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) {
      expect(readFileSync(join(dir, file.path), 'utf8'), file.path).toBe(file.content);
    }
  });

  it('reports a failure instead of writing into a folder that is not empty', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    await expect(generateWithPlop(request, dir)).rejects.toThrow(/not empty/);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('works for template authors from the plop command line, prompts bypassed', () => {
    const dir = tempDir();
    const plopBin = new URL('../../node_modules/plop/bin/plop.js', import.meta.url);
    const plopfile = new URL('../../plopfile.ts', import.meta.url);
    execFileSync(
      process.execPath,
      [
        plopBin.pathname,
        '--plopfile',
        plopfile.pathname,
        'starter',
        request.idea,
        request.stage,
        'by-hand',
        join(dir, 'out'),
      ],
      { stdio: 'pipe' },
    );
    expect(existsSync(join(dir, 'out', 'package.json'))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'package.json'), 'utf8')).toContain('"name": "by-hand"');
  });
});
