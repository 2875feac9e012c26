// Renders one starter without the CLI, for template authors:
//   node scripts/render-starter.ts <idea> <stage> <out-dir>
import { resolve } from 'node:path';
import { isIdeaId, isStageId } from '../generators/catalog.ts';
import { renderStarterSync } from '../generators/render.ts';
import { writeRenderedFiles } from '../generators/write-files.ts';

const [idea = '', stage = '', outDir] = process.argv.slice(2);
if (!isIdeaId(idea) || !isStageId(stage) || !outDir) {
  console.error('usage: node scripts/render-starter.ts <idea> <stage> <out-dir>');
  process.exit(2);
}
const target = resolve(outDir);
const files = renderStarterSync({
  idea,
  stage,
  projectName: `${idea}-${stage}`,
  options: { packageManager: 'npm', install: false, git: false, mode: 'guided' },
});
await writeRenderedFiles(target, files);
console.log(`${files.length} files written to ${target}`);
