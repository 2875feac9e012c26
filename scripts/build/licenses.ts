// The licenses of the packages bundled into the CLI. They are not installed next to it any more,
// so their notices ship in the package as one file (their MIT/ISC/BSD terms ask for that).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

/** `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c`. */
function packageRoot(input: string): string | undefined {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last === -1) return undefined;
  const name = parts[last + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, last + 1 + name).join('/');
}

function licenseText(dir: string): string | undefined {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

export function thirdPartyLicenses(metafile: Metafile, repoDir: string): string {
  const roots = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const root = packageRoot(input);
    if (root) roots.add(root);
  }
  const sections = [...roots].map((root) => {
    const dir = join(repoDir, root);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const text = existsSync(dir) ? licenseText(dir) : undefined;
    return {
      id: `${pkg.name}@${pkg.version}`,
      body: `## ${pkg.name}@${pkg.version} (${pkg.license ?? 'see below'})\n\n${text ?? '(no license file in the package)'}`,
    };
  });
  sections.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [
    '# Third-party licenses',
    '',
    'dist/ bundles these packages into the create-backend-roadmap CLI.',
    '',
    ...sections.map((section) => `${section.body}\n`),
  ].join('\n');
}
