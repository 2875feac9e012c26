// What the verify matrix prints: one line per step as it finishes, and a table at the end.
export const STEP_NAMES = [
  'generate',
  'install',
  'typecheck',
  'lint',
  'format',
  'test',
  'build',
  'start',
  'smoke',
  'stop',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export interface StepResult {
  name: StepName;
  status: 'ok' | 'fail' | 'skip';
  ms: number;
  detail?: string;
}

export interface StarterResult {
  id: string;
  steps: StepResult[];
  ms: number;
}

export function passed(result: StarterResult): boolean {
  return result.steps.length > 0 && result.steps.every((step) => step.status === 'ok');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function stepLine(starter: string, step: StepResult): string {
  const status = { ok: 'ok', fail: 'FAIL', skip: 'skip' }[step.status];
  const detail = step.detail === undefined ? '' : `  ${step.detail}`;
  return `[${starter}] ${step.name.padEnd(9)} ${status.padEnd(4)} ${seconds(step.ms).padStart(6)}${detail}`;
}

/** Indented so a failing command's output stands apart from the matrix's own lines. */
export function indentTail(tail: string): string {
  return tail
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}

function cell(step: StepResult | undefined): string {
  if (!step) return '-';
  if (step.status === 'skip') return 'skip';
  return `${step.status === 'ok' ? 'ok' : 'FAIL'} ${seconds(step.ms)}`;
}

export function table(results: readonly StarterResult[]): string {
  const header = ['starter', ...STEP_NAMES, 'total', 'result'];
  const rows = results.map((result) => [
    result.id,
    ...STEP_NAMES.map((name) => cell(result.steps.find((step) => step.name === name))),
    seconds(result.ms),
    passed(result) ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: string[]): string =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...rows.map(format),
  ].join('\n');
}

/** The plain closing line CI reads: starters, not steps, are counted. */
export function summaryLine(results: readonly StarterResult[]): string {
  const ok = results.filter(passed).length;
  return `${ok} passed, ${results.length - ok} failed`;
}
