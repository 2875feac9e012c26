import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerIdsFor } from '../../generators/layers.ts';
import { loadStarterManifest, mergeLayers } from '../../generators/manifest.ts';
import { renderStarterSync, type StarterRequest } from '../../generators/render.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/templates', import.meta.url));

const request: StarterRequest = {
  idea: 'todo-app',
  stage: 'beginner',
  projectName: 'my-app',
  options: { packageManager: 'pnpm', install: false, git: false, mode: 'guided' },
};

function render(overrides: Partial<StarterRequest> = {}) {
  const files = renderStarterSync({ ...request, ...overrides }, FIXTURES);
  return new Map(files.map((file) => [file.path, file.content]));
}

describe('layer order', () => {
  it('applies base, stages up to the chosen one, the idea, then its stage deltas', () => {
    expect(layerIdsFor('todo-app', 'beginner', FIXTURES)).toEqual([
      'base',
      'stages/beginner',
      'ideas/todo-app',
      'ideas/todo-app/stages/beginner',
    ]);
  });

  it('skips layer folders that do not exist', () => {
    expect(layerIdsFor('blog', 'advanced', FIXTURES)).toEqual(['base', 'stages/beginner']);
  });
});

describe('manifest merge', () => {
  const manifest = loadStarterManifest('todo-app', 'beginner', FIXTURES);

  it('concatenates dependency names without duplicates', () => {
    expect(manifest.dependencies).toEqual(['express', 'mongoose']);
  });

  it('lets a later layer change an env example without repeating the others', () => {
    expect(manifest.env).toEqual([{ name: 'PORT', example: '4000', comment: 'changed' }]);
  });

  it('adds files to a concept and takes the later description', () => {
    expect(manifest.concepts['http-methods']).toEqual({
      files: ['src/app.ts', 'src/todos.ts'],
      see: 'idea',
    });
  });

  it('lets a later layer move a router without mounting it twice', () => {
    expect(manifest.app.routes).toEqual([
      { path: "'/tasks'", router: 'todoRouter', from: './todos.js' },
    ]);
  });

  it('collects README parts in layer order', () => {
    expect(manifest.readmeParts).toEqual(['## base part\n', '## idea part\n']);
  });

  it("replaces an earlier stage delta's README part with the later delta's", () => {
    // The same fixture delta twice stands for the beginner and the intermediate delta.
    const twice = mergeLayers(FIXTURES, [
      'base',
      'ideas/todo-app',
      'ideas/todo-app/stages/beginner',
      'ideas/todo-app/stages/beginner',
    ]);
    expect(twice.readmePartLayers).toEqual(['base', 'ideas/todo-app/stages/beginner']);
    expect(twice.readmeParts).toEqual(['## base part\n', '## idea part\n']);
  });
});

describe('renderer', () => {
  const files = render();

  it('replaces a file from an earlier layer with the later one', () => {
    expect(files.get('src/shared.ts')).toBe('idea beginner override\n');
  });

  it('renames _dotfiles and strips .hbs after rendering', () => {
    expect(files.has('.gitignore')).toBe(true);
    expect(files.get('.env.example')).toBe('PORT=4000\n');
    expect([...files.keys()].some((path) => path.endsWith('.hbs'))).toBe(false);
  });

  it('never outputs layer data files', () => {
    expect([...files.keys()].filter((path) => /layer\.json|README\.part/.test(path))).toEqual([]);
  });

  it('renders code without HTML escaping', () => {
    const app = render({ projectName: "o'neil<&>" }).get('src/app.ts') ?? '';
    expect(app).toContain(`const name = "o'neil<&>";`);
    expect(app).toContain("import cors from 'cors';");
    expect(app).toContain("app.use('/tasks', todoRouter); // from ./todos.js");
  });

  it('writes package.json from the layers with versions from one place', () => {
    const pkg = JSON.parse(files.get('package.json') ?? '{}') as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: 'my-app',
      private: true,
      type: 'module',
      dependencies: { express: '^5.3.0', mongoose: '^9.12.1' },
      // express is a runtime dependency, so it is not repeated as a dev one.
      devDependencies: { typescript: '~6.0.3' },
    });
  });

  it('records what generated the starter', () => {
    const record = JSON.parse(files.get('.backend-roadmap.json') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      generator: 'create-backend-roadmap',
      idea: 'todo-app',
      stage: 'beginner',
      mode: 'guided',
      options: { packageManager: 'pnpm' },
    });
    expect(record.layers).toHaveLength(4);
  });

  it('is deterministic', () => {
    expect([...render()]).toEqual([...files]);
  });
});
