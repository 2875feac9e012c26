// Layer manifests (`layer.json`): the data each layer contributes, and how they merge.
import type { IdeaId, StageId } from './catalog.ts';
import type { ExerciseEntry } from './exercises.ts';
import { layerIdsFor } from './layers.ts';
import {
  defaultTemplates,
  templateSourceOf,
  type LayerFiles,
  type TemplatesLocation,
} from './template-source.ts';

export interface EnvVar {
  name: string;
  example: string;
  comment: string;
  /** A zod expression for the environment schema of src/config.ts (settings added by a layer). */
  schema?: string;
  /** The field of the typed `config` object, and its value: an expression over the parsed `env`. */
  key?: string;
  value?: string;
  /**
   * A secret the deployment must supply (advanced compose.yaml requires it from the shell or
   * .env, never a value in the file); the text says what a good value is.
   */
  secret?: string;
}

export interface RouteMount {
  path: string;
  router: string;
  from: string;
  /** The router gets request bodies as raw bytes (a Buffer), not parsed JSON: for signed webhooks. */
  rawBody?: boolean;
}

export interface ConceptEntry {
  files: string[];
  see: string;
}

export interface MistakeEntry {
  files: string[];
  guard: string;
}

export interface SmokeStep {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** `name → header:<header>` or `name → json:<dot.path>`; `${name}` is replaced later on. */
  capture?: Record<string, string>;
  /** Header name → a regular expression its value must match (`"x-cache": "^HIT$"`). */
  expectHeaders?: Record<string, string>;
  /** Sends a generated file as multipart/form-data instead of a JSON body. */
  upload?: { field: string; filename: string; contentType: string; bytes: number };
}

export interface LayerManifest {
  description?: string;
  dependencies?: string[];
  devDependencies?: string[];
  scripts?: Record<string, string>;
  env?: EnvVar[];
  app?: {
    imports?: string[];
    /** Before the body parser: what must see every request, even one whose body is refused. */
    early?: string[];
    middleware?: string[];
    routes?: RouteMount[];
    fallbacks?: string[];
  };
  concepts?: Record<string, ConceptEntry>;
  mistakes?: Record<string, MistakeEntry>;
  smoke?: SmokeStep[];
  /** Mistake id → its exercise: region files and guard tests (generators/exercises.ts). */
  exercises?: Record<string, ExerciseEntry>;
  /** Scripts only exercise starters get (`exercises`). */
  exerciseScripts?: Record<string, string>;
}

/** The merge of every layer of one starter. Lists are complete, never undefined. */
export interface MergedManifest {
  layers: string[];
  dependencies: string[];
  devDependencies: string[];
  scripts: Record<string, string>;
  env: EnvVar[];
  app: {
    imports: string[];
    early: string[];
    middleware: string[];
    routes: RouteMount[];
    fallbacks: string[];
  };
  concepts: Record<string, ConceptEntry>;
  mistakes: Record<string, MistakeEntry>;
  smoke: SmokeStep[];
  exercises: Record<string, ExerciseEntry>;
  exerciseScripts: Record<string, string>;
  readmeParts: string[];
  /** The layer each of `readmeParts` came from. */
  readmePartLayers: string[];
}

export const MANIFEST_FILE = 'layer.json';
export const README_PART_FILE = 'README.part.md';

/** `where` names the layer in the message if its layer.json is not valid JSON. */
function readLayerManifest(files: LayerFiles, where: string): LayerManifest {
  const text = files.get(MANIFEST_FILE);
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as LayerManifest;
  } catch (error) {
    throw new Error(`Invalid ${where}/${MANIFEST_FILE}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function emptyManifest(): MergedManifest {
  return {
    layers: [],
    dependencies: [],
    devDependencies: [],
    scripts: {},
    env: [],
    app: { imports: [], early: [], middleware: [], routes: [], fallbacks: [] },
    concepts: {},
    mistakes: {},
    smoke: [],
    exercises: {},
    exerciseScripts: {},
    readmeParts: [],
    readmePartLayers: [],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A later layer extends an entry: its files are added, its text replaces the earlier one. */
function mergeEntries<T extends { files: string[] }>(
  into: Record<string, T>,
  from: Record<string, T> | undefined,
): Record<string, T> {
  const merged = { ...into };
  for (const [id, entry] of Object.entries(from ?? {})) {
    const earlier = merged[id];
    merged[id] = earlier
      ? { ...earlier, ...entry, files: unique([...earlier.files, ...entry.files]) }
      : entry;
  }
  return merged;
}

/** A later layer extends an exercise: more region files, more guard tests. */
function mergeExercises(
  into: Record<string, ExerciseEntry>,
  from: Record<string, ExerciseEntry> | undefined,
): Record<string, ExerciseEntry> {
  const merged = { ...into };
  for (const [id, entry] of Object.entries(from ?? {})) {
    const earlier = merged[id];
    merged[id] = {
      files: unique([...(earlier?.files ?? []), ...(entry.files ?? [])]),
      tests: unique([...(earlier?.tests ?? []), ...(entry.tests ?? [])]),
    };
  }
  return merged;
}

/** Env vars are keyed by name so a later layer can change an example without repeating it. */
function mergeEnv(into: EnvVar[], from: EnvVar[] | undefined): EnvVar[] {
  const byName = new Map(into.map((entry) => [entry.name, entry]));
  for (const entry of from ?? []) byName.set(entry.name, entry);
  return [...byName.values()];
}

/**
 * Routes are keyed by router, so a later layer can move a router (the roadmap.sh Todo List API
 * wants `/register` at the root, the generic auth router lives under `/auth`) without a copy.
 */
function mergeRoutes(into: RouteMount[], from: RouteMount[] | undefined): RouteMount[] {
  const byRouter = new Map(into.map((route) => [route.router, route]));
  for (const route of from ?? []) byRouter.set(route.router, route);
  return [...byRouter.values()];
}

export function mergeManifest(
  into: MergedManifest,
  layerId: string,
  layer: LayerManifest,
  readmePart: string | undefined,
): MergedManifest {
  return {
    layers: [...into.layers, layerId],
    dependencies: unique([...into.dependencies, ...(layer.dependencies ?? [])]),
    devDependencies: unique([...into.devDependencies, ...(layer.devDependencies ?? [])]),
    scripts: { ...into.scripts, ...layer.scripts },
    env: mergeEnv(into.env, layer.env),
    app: {
      imports: unique([...into.app.imports, ...(layer.app?.imports ?? [])]),
      early: [...into.app.early, ...(layer.app?.early ?? [])],
      middleware: [...into.app.middleware, ...(layer.app?.middleware ?? [])],
      fallbacks: [...into.app.fallbacks, ...(layer.app?.fallbacks ?? [])],
      routes: mergeRoutes(into.app.routes, layer.app?.routes),
    },
    concepts: mergeEntries(into.concepts, layer.concepts),
    mistakes: mergeEntries(into.mistakes, layer.mistakes),
    // Each stage's idea delta describes the API of that stage, so the last one that has steps wins.
    smoke: layer.smoke ?? into.smoke,
    exercises: mergeExercises(into.exercises, layer.exercises),
    exerciseScripts: { ...into.exerciseScripts, ...layer.exerciseScripts },
    ...mergeReadmeParts(into, layerId, readmePart),
  };
}

/** `ideas/<idea>/stages/<stage>`: a delta that describes the idea's API at one stage. */
function isIdeaStageDelta(layerId: string): boolean {
  return /^ideas\/[^/]+\/stages\//.test(layerId);
}

/**
 * README parts are appended in layer order, except that an idea's stage delta replaces the part
 * of the earlier stage's delta: each describes the API of its stage (like `smoke`), and the
 * beginner API section must not survive into the intermediate README.
 */
function mergeReadmeParts(
  into: MergedManifest,
  layerId: string,
  readmePart: string | undefined,
): Pick<MergedManifest, 'readmeParts' | 'readmePartLayers'> {
  if (!readmePart) {
    return { readmeParts: into.readmeParts, readmePartLayers: into.readmePartLayers };
  }
  const keep = into.readmePartLayers.map(
    (from) => !(isIdeaStageDelta(layerId) && isIdeaStageDelta(from)),
  );
  return {
    readmeParts: [...into.readmeParts.filter((_, index) => keep[index]), readmePart],
    readmePartLayers: [...into.readmePartLayers.filter((_, index) => keep[index]), layerId],
  };
}

export function mergeLayers(templates: TemplatesLocation, layerIds: string[]): MergedManifest {
  const source = templateSourceOf(templates);
  return layerIds.reduce((merged, layerId) => {
    const files = source.readLayer(layerId);
    const where = `${source.location}/${layerId}`;
    return mergeManifest(
      merged,
      layerId,
      readLayerManifest(files, where),
      files.get(README_PART_FILE),
    );
  }, emptyManifest());
}

/** The merged manifest of one starter: used by the renderer and by the verify matrix. */
export function loadStarterManifest(
  idea: IdeaId,
  stage: StageId,
  templates: TemplatesLocation = defaultTemplates(),
): MergedManifest {
  const source = templateSourceOf(templates);
  return mergeLayers(source, layerIdsFor(idea, stage, source));
}
