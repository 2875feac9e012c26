// Where the template layers are read from. In the repo (tests, `npm run plop`, scripts) that is
// the templates/ folder, read afresh on every render so an edit shows at once. The built CLI
// reads one JSON file per layer from dist/layers/ instead (written by scripts/build.ts): npm
// unpacks a package file by file, and the ~400 files of templates/ made the first `npx` run of
// the CLI more than twice as slow as create-vite's (docs/benchmarks.md). A starter reads about
// eight layers, so the packs cost a scaffold no more than the folder does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A layer's files: path relative to the layer, with forward slashes → text. */
export type LayerFiles = ReadonlyMap<string, string>;

export interface TemplateSource {
  /** Where the layers are, for messages. */
  readonly location: string;
  hasLayer(layerId: string): boolean;
  /** Every file of the layer but its nested layers (an idea's `stages/`); empty if it has none. */
  readLayer(layerId: string): LayerFiles;
}

/** Where the layers are: a source, or the path of a templates folder. */
export type TemplatesLocation = TemplateSource | string;

/** The folder inside an idea layer that holds its stage layers. */
const NESTED_LAYERS_FOLDER = 'stages';
export const PACKED_LAYERS_FOLDER = 'layers';

function hasNestedLayers(layerId: string): boolean {
  return layerId.startsWith('ideas/') && !layerId.includes(`/${NESTED_LAYERS_FOLDER}/`);
}

/** The layers as folders under `dir` (templates/). */
export function templateFolder(dir: string): TemplateSource {
  return {
    location: dir,
    hasLayer: (layerId) => existsSync(join(dir, layerId)),
    readLayer(layerId) {
      const layerDir = join(dir, layerId);
      const files = new Map<string, string>();
      if (!existsSync(layerDir)) return files;
      // Every entry's parentPath starts with layerDir: slicing is the relative path.
      const prefix = layerDir.length + sep.length;
      const nested = hasNestedLayers(layerId);
      for (const entry of readdirSync(layerDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const full = `${entry.parentPath}${sep}${entry.name}`;
        const path = full.slice(prefix).split(sep).join('/');
        if (nested && path.startsWith(`${NESTED_LAYERS_FOLDER}/`)) continue;
        files.set(path, readFileSync(full, 'utf8'));
      }
      return files;
    },
  };
}

/** The file that holds a packed layer: `ideas/blog/stages/advanced` → `ideas/blog/stages/advanced.json`. */
export function packedLayerFile(packDir: string, layerId: string): string {
  return join(packDir, `${layerId}.json`);
}

/** A layer's files as the text of its pack file (sorted, so a build is reproducible). */
export function packLayer(files: LayerFiles): string {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(sorted))}\n`;
}

/** The layers packed by the build, one JSON file each under `packDir` (dist/layers/). */
export function packedTemplates(packDir: string): TemplateSource {
  // A class run renders the same layers once per student: each pack is parsed once.
  const parsed = new Map<string, LayerFiles>();
  return {
    location: packDir,
    hasLayer: (layerId) => parsed.has(layerId) || existsSync(packedLayerFile(packDir, layerId)),
    readLayer(layerId) {
      let files = parsed.get(layerId);
      if (!files) {
        const file = packedLayerFile(packDir, layerId);
        files = existsSync(file)
          ? new Map(
              Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>),
            )
          : new Map<string, string>();
        parsed.set(layerId, files);
      }
      return files;
    },
  };
}

export function templateSourceOf(location: TemplatesLocation): TemplateSource {
  return typeof location === 'string' ? templateFolder(location) : location;
}

let defaultSource: TemplateSource | undefined;

/**
 * The packed layers when this code runs from the built CLI (dist/, beside dist/layers/), else the
 * templates/ folder of the repo. Walks up, because the bundle's chunks sit in dist/chunks/.
 */
export function defaultTemplates(): TemplateSource {
  if (defaultSource) return defaultSource;
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let depth = 0; depth < 4; depth += 1) {
    const packDir = join(dir, PACKED_LAYERS_FOLDER);
    if (existsSync(packedLayerFile(packDir, 'base')))
      return (defaultSource = packedTemplates(packDir));
    const folder = join(dir, 'templates');
    if (existsSync(join(folder, 'base'))) return (defaultSource = templateFolder(folder));
    dir = join(dir, '..');
  }
  throw new Error('create-backend-roadmap: the templates are missing from the installation');
}
