// An esbuild plugin that replaces generators/precompiled-templates.ts in the bundle with every
// `.hbs` file under templates/, precompiled (see generators/handlebars.ts): a run of the CLI then
// loads compiled templates instead of compiling them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { precompileTemplate } from '../../generators/handlebars.ts';
import { sha256 } from '../../generators/record.ts';

const MODULE = /[\\/]generators[\\/]precompiled-templates\.ts$/;

function templateFiles(templatesDir: string): string[] {
  return readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The module's source (a Map from each template's text to its compiled specification) and a
 * manifest of what went into it: template path → sha256 of the text that was precompiled.
 */
function precompiledModule(templatesDir: string): {
  code: string;
  manifest: Record<string, string>;
} {
  const files = templateFiles(templatesDir);
  const manifest: Record<string, string> = {};
  // Two layers may hold the same text; a Map keeps one entry per distinct source.
  const sources = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    manifest[relative(templatesDir, file).split(sep).join('/')] = sha256(source);
    sources.add(source);
  }
  const entries = [...sources].map(
    (source) => `  [${JSON.stringify(source)}, ${precompileTemplate(source)}],`,
  );
  return {
    code: `export const PRECOMPILED_TEMPLATES = new Map([\n${entries.join('\n')}\n]);\n`,
    manifest,
  };
}

/** Also writes the manifest to `manifestFile`, for the tests (test/cli/bundle.test.ts). */
export function precompiledTemplatesPlugin(templatesDir: string, manifestFile: string): Plugin {
  return {
    name: 'precompiled-templates',
    setup(build) {
      build.onLoad({ filter: MODULE }, () => {
        const { code, manifest } = precompiledModule(templatesDir);
        writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
        // Every .hbs file is an input: esbuild's watch mode and metafile see them.
        return { contents: code, loader: 'js', watchFiles: templateFiles(templatesDir) };
      });
    },
  };
}
