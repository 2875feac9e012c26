// Turns (idea, stage, name, options) into the complete list of a starter's files, in memory.
// Pure with respect to the target: it reads templates and writes nothing, so `--dry-run`, the
// plop action and the render tests all share it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { getIdea, getStage, stagesUpTo, type IdeaId, type StageId } from './catalog.ts';
import { renderTemplate } from './handlebars.ts';
import { defaultTemplatesDir, layerIdsFor } from './layers.ts';
import { MANIFEST_FILE, README_PART_FILE, mergeLayers, type MergedManifest } from './manifest.ts';
import { starterPackageJson } from './package-json.ts';
import { RECORD_FILE, fileHashes, generationRecord, type GenerationOptions } from './record.ts';
import { toolInfo } from './tool-info.ts';

export type { GenerationOptions } from './record.ts';

export interface StarterRequest {
  idea: IdeaId;
  stage: StageId;
  projectName: string;
  options: GenerationOptions;
}

export interface RenderedFile {
  /** Relative, with forward slashes. */
  path: string;
  content: string;
}

const TEMPLATE_SUFFIX = '.hbs';
/** Data files of a layer, never output. */
const LAYER_DATA_FILES = new Set([MANIFEST_FILE, README_PART_FILE]);

/**
 * `_gitignore` → `.gitignore`, `_github/` → `.github/`: npm drops some dotfiles from published
 * packages, so templates never hold them literally. `__x` is left alone.
 */
function outputSegment(segment: string): string {
  return /^_[^_]/.test(segment) ? `.${segment.slice(1)}` : segment;
}

function listFiles(dir: string, skipTopLevel: ReadonlySet<string>): string[] {
  // Every entry's parentPath starts with `dir`: slicing is the relative path without path.relative.
  const prefix = dir.length + sep.length;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath}${sep}${entry.name}`.slice(prefix).split(sep).join('/'))
    .filter((path) => !skipTopLevel.has(path.split('/')[0] ?? ''));
}

interface SourceFile {
  source: string;
  isTemplate: boolean;
}

/** Later layers replace earlier ones path by path. */
function overlayLayers(templatesDir: string, layerIds: string[]): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  for (const layerId of layerIds) {
    const layerDir = join(templatesDir, layerId);
    // An idea folder holds its stage deltas in `stages/`; those are layers of their own.
    const nested = layerId.startsWith('ideas/') && !layerId.includes('/stages/');
    const skip = new Set([...LAYER_DATA_FILES, ...(nested ? ['stages'] : [])]);
    for (const path of listFiles(layerDir, skip)) {
      const isTemplate = path.endsWith(TEMPLATE_SUFFIX);
      const output = (isTemplate ? path.slice(0, -TEMPLATE_SUFFIX.length) : path)
        .split('/')
        .map(outputSegment)
        .join('/');
      files.set(output, { source: join(layerDir, path), isTemplate });
    }
  }
  return files;
}

function packageManagerCommands(options: GenerationOptions) {
  const name = options.packageManager;
  return { name, install: `${name} install`, run: `${name} run` };
}

/** What `.hbs` files see. Documented in docs/templates.md. */
export function templateContext(request: StarterRequest, manifest: MergedManifest) {
  const idea = getIdea(request.idea);
  const stage = getStage(request.stage);
  const stages = stagesUpTo(request.stage);
  return {
    project: { name: request.projectName },
    idea,
    stage,
    stages,
    conceptMap: stages.flatMap((owner) =>
      owner.concepts.map((concept) => ({
        stage: { id: owner.id, title: owner.title },
        concept,
        files: manifest.concepts[concept.id]?.files ?? [],
        see: manifest.concepts[concept.id]?.see ?? '',
      })),
    ),
    mistakes: stages.flatMap((owner) =>
      owner.mistakes.map((mistake) => ({
        stage: { id: owner.id, title: owner.title },
        mistake,
        files: manifest.mistakes[mistake.id]?.files ?? [],
        guard: manifest.mistakes[mistake.id]?.guard ?? '',
      })),
    ),
    env: manifest.env,
    app: manifest.app,
    scripts: manifest.scripts,
    readmeParts: manifest.readmeParts,
    generator: toolInfo(),
    pm: packageManagerCommands(request.options),
  };
}

export function renderStarterSync(
  request: StarterRequest,
  templatesDir = defaultTemplatesDir(),
): RenderedFile[] {
  const layerIds = layerIdsFor(request.idea, request.stage, templatesDir);
  const manifest = mergeLayers(templatesDir, layerIds);
  const context = templateContext(request, manifest);
  const files = [...overlayLayers(templatesDir, layerIds)].map(([path, file]) => {
    const source = readFileSync(file.source, 'utf8');
    return {
      path,
      content: file.isTemplate ? renderTemplate(source, context, file.source) : source,
    };
  });
  files.push({
    path: 'package.json',
    content: starterPackageJson(request.projectName, context.idea, context.stage, manifest),
  });
  const record = generationRecord(
    request.idea,
    request.stage,
    request.projectName,
    request.options,
    layerIds,
    fileHashes(files),
  );
  files.push({ path: RECORD_FILE, content: `${JSON.stringify(record, null, 2)}\n` });
  // Code-unit order, like git and npm (localeCompare would start ICU's collator: ~10 ms).
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function renderStarter(
  request: StarterRequest,
  templatesDir = defaultTemplatesDir(),
): Promise<RenderedFile[]> {
  return Promise.resolve().then(() => renderStarterSync(request, templatesDir));
}
