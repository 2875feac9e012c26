// Turns (idea, stage, name, options) into the complete list of a starter's files, in memory.
// Pure with respect to the target: it reads templates and writes nothing, so `--dry-run`, the
// plop action and the render tests all share it.
import { getIdea, getStage, stagesUpTo, type IdeaId, type StageId } from './catalog.ts';
import {
  ANY_EXERCISE,
  EXERCISE_MODE_FOLDER,
  EXERCISES_FILE,
  exercisesJson,
  moveTestContent,
  resolveRegions,
  stageExercises,
  type Exercise,
} from './exercises.ts';
import { renderTemplate } from './handlebars.ts';
import { layerIdsFor } from './layers.ts';
import { MANIFEST_FILE, README_PART_FILE, mergeLayers, type MergedManifest } from './manifest.ts';
import { starterPackageJson } from './package-json.ts';
import { RECORD_FILE, fileHashes, generationRecord, type GenerationOptions } from './record.ts';
import {
  defaultTemplates,
  templateSourceOf,
  type TemplateSource,
  type TemplatesLocation,
} from './template-source.ts';
import { toolInfo } from './tool-info.ts';

export type { GenerationOptions } from './record.ts';

export interface StarterRequest {
  idea: IdeaId;
  stage: StageId;
  projectName: string;
  options: GenerationOptions;
  /**
   * Exercise mode only: the starter with every exercise already fixed (the guided side of each
   * region), laid out like the learner's. The reference fix: the class's solution/ copy.
   */
  solution?: boolean;
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

interface SourceFile {
  /** `<layer id>/<path>`, for messages. */
  source: string;
  text: string;
  isTemplate: boolean;
}

/**
 * Later layers replace earlier ones path by path. A layer's `exercise-mode/` folder is output
 * only in exercise mode, at the root, after the layer's other files.
 */
function overlayLayers(
  source: TemplateSource,
  layerIds: string[],
  exerciseMode: boolean,
): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  /** `path` is where the file sits in its layer, `relative` where it goes in the starter. */
  const add = (layerId: string, path: string, relative: string, text: string) => {
    const isTemplate = relative.endsWith(TEMPLATE_SUFFIX);
    const output = (isTemplate ? relative.slice(0, -TEMPLATE_SUFFIX.length) : relative)
      .split('/')
      .map(outputSegment)
      .join('/');
    files.set(output, { source: `${layerId}/${path}`, text, isTemplate });
  };
  const exercisePrefix = `${EXERCISE_MODE_FOLDER}/`;
  for (const layerId of layerIds) {
    const layer = source.readLayer(layerId);
    for (const [path, text] of layer) {
      if (!path.startsWith(exercisePrefix) && !LAYER_DATA_FILES.has(path)) {
        add(layerId, path, path, text);
      }
    }
    if (!exerciseMode) continue;
    for (const [path, text] of layer) {
      if (path.startsWith(exercisePrefix)) {
        add(layerId, path, path.slice(exercisePrefix.length), text);
      }
    }
  }
  return files;
}

function packageManagerCommands(options: GenerationOptions) {
  const name = options.packageManager;
  return { name, install: `${name} install`, run: `${name} run` };
}

/** The exercises of an exercise starter (none in guided mode). */
export function exercisesOf(request: StarterRequest, manifest: MergedManifest): Exercise[] {
  return request.options.mode === 'exercise'
    ? stageExercises(request.stage, manifest.exercises)
    : [];
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
    scripts: scriptsOf(request, manifest),
    mode: request.options.mode,
    // Set only in exercise mode, so `{{#if exercise}}` sections vanish from guided starters.
    exercise:
      request.options.mode === 'exercise'
        ? { stage, exercises: exercisesOf(request, manifest), file: EXERCISES_FILE }
        : undefined,
    readmeParts: manifest.readmeParts,
    generator: toolInfo(),
    pm: packageManagerCommands(request.options),
  };
}

function scriptsOf(request: StarterRequest, manifest: MergedManifest): Record<string, string> {
  return request.options.mode === 'exercise'
    ? { ...manifest.scripts, ...manifest.exerciseScripts }
    : manifest.scripts;
}

/**
 * Exercise regions → one side each; in exercise mode, the exercises' guard tests move to
 * exercises/ and the list of exercises is written beside them.
 */
function applyExercises(
  files: RenderedFile[],
  request: StarterRequest,
  exercises: readonly Exercise[],
): RenderedFile[] {
  const exerciseMode = request.options.mode === 'exercise';
  const broken = new Set(request.solution ? [] : exercises.map((exercise) => exercise.id));
  const side = (id: string) =>
    (id === ANY_EXERCISE ? exerciseMode : broken.has(id)) ? 'exercise' : 'guided';
  const found = new Map<string, string[]>();
  const resolved = files.map((file) => {
    const { content, ids } = resolveRegions(file.content, file.path, side);
    found.set(file.path, ids);
    return { path: file.path, content };
  });
  if (!exerciseMode) return resolved;

  const moves = new Map<string, string>();
  for (const exercise of exercises) {
    for (const path of exercise.files) {
      if (!found.get(path)?.includes(exercise.id)) {
        throw new Error(
          `Exercise ${exercise.id}: ${path} has no "exercise:start ${exercise.id}" region (did a later layer replace the file without it?)`,
        );
      }
    }
    for (const test of exercise.tests) moves.set(test.replace(/^[^/]+\//, 'test/'), test);
  }
  const byPath = new Map(resolved.map((file) => [file.path, file]));
  for (const [from, to] of moves) {
    const file = byPath.get(from);
    if (!file) throw new Error(`Exercise guard test ${from} is not part of this starter`);
    byPath.delete(from);
    byPath.set(to, { path: to, content: moveTestContent(file.content) });
  }
  byPath.set(EXERCISES_FILE, {
    path: EXERCISES_FILE,
    content: exercisesJson(request.stage, exercises),
  });
  return [...byPath.values()];
}

export function renderStarterSync(
  request: StarterRequest,
  templates: TemplatesLocation = defaultTemplates(),
): RenderedFile[] {
  const source = templateSourceOf(templates);
  const layerIds = layerIdsFor(request.idea, request.stage, source);
  const manifest = mergeLayers(source, layerIds);
  const context = templateContext(request, manifest);
  const exerciseMode = request.options.mode === 'exercise';
  const rendered = [...overlayLayers(source, layerIds, exerciseMode)].map(([path, file]) => ({
    path,
    content: file.isTemplate ? renderTemplate(file.text, context, file.source) : file.text,
  }));
  const files = applyExercises(rendered, request, context.exercise?.exercises ?? []);
  files.push({
    path: 'package.json',
    content: starterPackageJson(request.projectName, context.idea, context.stage, {
      ...manifest,
      scripts: context.scripts,
    }),
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
  templates: TemplatesLocation = defaultTemplates(),
): Promise<RenderedFile[]> {
  return Promise.resolve().then(() => renderStarterSync(request, templates));
}
