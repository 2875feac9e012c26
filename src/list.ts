// `--list`: what can be generated, for people (a table per stage and idea) and for programs
// (`--list --json`, the catalog as it is plus which stages have templates).
import kleur from 'kleur';
import { IDEAS, STAGES, STAGE_IDS } from '../generators/catalog.ts';
import { MODES } from '../generators/record.ts';

export function catalogJson(version: string): string {
  const ideas = IDEAS.map((idea) => ({
    ...idea,
    planned: STAGE_IDS.filter((stage) => !idea.available.includes(stage)),
  }));
  // `modes`: what --mode accepts; in exercise mode the mistakes of the chosen stage are exercises.
  const catalog = {
    generator: 'create-backend-roadmap',
    version,
    modes: MODES,
    stages: STAGES,
    ideas,
  };
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

const NAME_WIDTH = 19;
const CELL_WIDTH = 14;
const MAX_WIDTH = 100;

export function catalogText(): string {
  const lines = [...stageLines(), '', ...ideaLines(), '', legend()];
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

function stageLines(): string[] {
  const lines = [kleur.bold('Stages') + kleur.dim(' (cumulative: each includes the ones before)')];
  for (const stage of STAGES) {
    lines.push(`  ${kleur.cyan(stage.id.padEnd(NAME_WIDTH - 2))}${stage.title}, ${stage.duration}`);
    const concepts = stage.concepts.map((concept) => concept.title);
    const mistakes = stage.mistakes.map((mistake) => mistake.title);
    lines.push(...detail('concepts', concepts), ...detail('mistakes', mistakes));
  }
  return lines;
}

/** `concepts: a · b · c`, wrapped under the stage name so it stays readable in 100 columns. */
function detail(label: string, items: readonly string[]): string[] {
  const pad = ' '.repeat(NAME_WIDTH);
  const lines: string[] = [];
  let line = `${label}:`;
  for (const item of items) {
    const next = line.endsWith(':') ? `${line} ${item}` : `${line} · ${item}`;
    if (pad.length + next.length > MAX_WIDTH && !line.endsWith(':')) {
      lines.push(line);
      line = `${' '.repeat(label.length + 1)} ${item}`;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.map((text) => pad + text.replace(`${label}:`, kleur.dim(`${label}:`)));
}

function ideaLines(): string[] {
  const header = STAGE_IDS.map((stage) => stage.padEnd(CELL_WIDTH)).join('');
  const lines = [kleur.bold('Ideas'.padEnd(NAME_WIDTH)) + kleur.bold(header)];
  for (const idea of IDEAS) {
    const cells = STAGE_IDS.map((stage) =>
      idea.available.includes(stage)
        ? kleur.green('✔ ready'.padEnd(CELL_WIDTH))
        : kleur.dim('· planned'.padEnd(CELL_WIDTH)),
    ).join('');
    lines.push(`  ${kleur.cyan(idea.id.padEnd(NAME_WIDTH - 2))}${cells}${idea.summary}`);
  }
  return lines;
}

function legend(): string {
  return kleur.dim(
    'Create one with: create-backend-roadmap <idea> --stage <stage> [--mode exercise]   (--list --json for programs)',
  );
}
