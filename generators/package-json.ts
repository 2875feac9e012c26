// The starter's package.json is data, not a template: names come from the layers, versions from
// versions.ts, so no layer can pin its own version of a shared dependency.
import type { Idea, Stage } from './catalog.ts';
import type { MergedManifest } from './manifest.ts';
import { STARTER_NODE_ENGINES, STARTER_VERSIONS } from './versions.ts';

function versioned(names: string[]): Record<string, string> {
  // Code-unit order, as npm itself writes dependencies (and cheaper than localeCompare).
  const sorted = [...names].sort();
  return Object.fromEntries(
    sorted.map((name) => {
      const version = STARTER_VERSIONS[name];
      if (!version) throw new Error(`No version for "${name}" in generators/versions.ts`);
      return [name, version];
    }),
  );
}

export function starterPackageJson(
  projectName: string,
  idea: Idea,
  stage: Stage,
  manifest: MergedManifest,
): string {
  const runtime = new Set(manifest.dependencies);
  const pkg = {
    name: projectName,
    version: '0.1.0',
    private: true,
    description: `${idea.summary} A ${stage.id} starter from the backend roadmap.`,
    type: 'module',
    engines: { node: STARTER_NODE_ENGINES },
    scripts: manifest.scripts,
    dependencies: versioned(manifest.dependencies),
    // A package both layers need at run time must not be pruned by `npm ci --omit=dev`.
    devDependencies: versioned(manifest.devDependencies.filter((name) => !runtime.has(name))),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
