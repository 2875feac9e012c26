// `create-backend-roadmap class <course-file>`: one starter per student or team, a solution copy
// and a summary. The starter is rendered once; each copy differs only in its package name and
// its generation record. No installs: each student installs their own copy.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import kleur from 'kleur';
import { RECORD_FILE, fileHashes, type GenerationRecord } from '../../generators/record.ts';
import type { RenderedFile } from '../../generators/render.ts';
import type { ClassArgs } from '../args.ts';
import { EXIT, FailureError, UsageError } from '../errors.ts';
import { onStop, type SignalHost } from '../signals.ts';
import { displayPath } from '../target-directory.ts';
import {
  SOLUTION_FOLDER,
  SUMMARY_JSON,
  SUMMARY_MD,
  parseCourse,
  type Course,
  type Seat,
} from './course.ts';

export interface ClassContext {
  cwd: string;
  out: (line: string) => void;
  /** Ctrl-C / SIGTERM: the copy being written is removed before exiting with 130. */
  host?: SignalHost;
}

/** Rendered once under this name, then replaced per copy. Cannot occur in any template. */
const PLACEHOLDER = 'backend-roadmap-class-placeholder-9f3c2a';

export interface Copy {
  kind: Seat['kind'] | 'solution';
  name: string;
  members: string[];
  folder: string;
  packageName: string;
  status: 'created' | 'existing';
}

export interface ClassSummary {
  course?: string;
  idea: string;
  stage: string;
  mode: string;
  generator: string;
  version: string;
  folder: string;
  filesPerStarter: number;
  copies: Copy[];
  install: string;
}

export async function generateClass(args: ClassArgs, context: ClassContext): Promise<ClassSummary> {
  if (args.course === undefined) {
    throw new UsageError('Missing the course file.', [
      'Usage: create-backend-roadmap class <course-file> [--out <dir>] [--dry-run]',
      'See docs/class.md for the course file format.',
    ]);
  }
  const coursePath = resolve(context.cwd, args.course);
  const course = await readCourse(coursePath, args.course);
  const outPath = resolve(context.cwd, args.out ?? basename(coursePath, extname(coursePath)));
  const shown = displayPath(context.cwd, outPath);
  await assertFolderOrMissing(outPath, shown);

  const { renderStarterSync } = await import('../../generators/render.ts');
  const request = {
    idea: course.idea,
    stage: course.stage,
    projectName: PLACEHOLDER,
    options: { packageManager: 'npm', install: false, git: false, mode: course.mode },
  } as const;
  const template = renderStarterSync(request);
  // Exercise mode: the teacher's copy is the same starter with every exercise fixed.
  const solved =
    course.mode === 'exercise' ? renderStarterSync({ ...request, solution: true }) : template;

  const planned: Copy[] = [
    ...course.seats.map((seat) => ({
      kind: seat.kind,
      name: seat.name,
      members: seat.members,
      folder: seat.folder,
      packageName: seat.folder,
      status: 'created' as const,
    })),
    {
      kind: 'solution' as const,
      name: 'Solution',
      members: [],
      folder: SOLUTION_FOLDER,
      packageName: `${course.idea}-solution`,
      status: 'created' as const,
    },
  ];
  const copies: Copy[] = [];
  for (const copy of planned) {
    const exists = await pathExists(join(outPath, copy.folder));
    copies.push({ ...copy, status: exists ? 'existing' : 'created' });
  }
  const { toolInfo } = await import('../../generators/tool-info.ts');
  const tool = toolInfo();
  const summary: ClassSummary = {
    ...(course.title === undefined ? {} : { course: course.title }),
    idea: course.idea,
    stage: course.stage,
    mode: course.mode,
    generator: tool.name,
    version: tool.version,
    folder: shown,
    filesPerStarter: template.length,
    copies,
    install:
      'Nothing was installed: each student runs `npm install` once in their own folder (their machine, their network).',
  };

  if (args.dryRun) {
    printSummary(summary, context, true);
    context.out('Dry run: nothing was written.');
    return summary;
  }

  await mkdir(outPath, { recursive: true });
  // On Ctrl-C the copy in progress (a hidden .partial folder) is removed; finished ones stay and
  // a second run skips them.
  let writing: string | undefined;
  const interrupt = () => {
    if (writing) rmSync(writing, { recursive: true, force: true });
    context.out(`Cancelled. Finished folders stay in ${shown}; run the command again to continue.`);
    context.host?.exit(EXIT.cancelled);
  };
  const stopListening = onStop(context.host, interrupt);
  try {
    for (const copy of copies) {
      if (copy.status === 'existing') continue;
      const files =
        copy.kind === 'solution'
          ? solutionFiles(solved, copy)
          : starterFiles(template, copy.packageName);
      await writeCopy(outPath, copy.folder, files, (temporary) => (writing = temporary));
      writing = undefined;
    }
  } finally {
    stopListening();
  }
  await writeAtomic(join(outPath, SUMMARY_JSON), `${JSON.stringify(summary, null, 2)}\n`);
  await writeAtomic(join(outPath, SUMMARY_MD), summaryMarkdown(summary));
  printSummary(summary, context, false);
  return summary;
}

async function readCourse(path: string, shown: string): Promise<Course> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `Course file ${shown} not found.`
        : `Cannot read course file ${shown} (${code ?? 'error'}).`,
      ['See docs/class.md for the course file format.'],
    );
  }
  const parsed = parseCourse(text);
  if ('course' in parsed) return parsed.course;
  const { problems } = parsed;
  throw new UsageError(
    problems.length === 1
      ? `The course file has a problem; nothing was generated.`
      : `The course file has ${problems.length} problems; nothing was generated.`,
    problems.map((problem) => `${shown}:${problem.line}: ${problem.field}: ${problem.message}`),
  );
}

async function assertFolderOrMissing(path: string, shown: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new UsageError(`${shown} exists and is not a folder.`, ['Choose another --out folder.']);
  }
}

async function pathExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/** The rendered starter under a student's package name, with its own generation record. */
export function starterFiles(
  template: readonly RenderedFile[],
  packageName: string,
): RenderedFile[] {
  const files = template
    .filter((file) => file.path !== RECORD_FILE)
    .map((file) => ({
      path: file.path,
      content: file.content.replaceAll(PLACEHOLDER, packageName),
    }));
  const recordFile = template.find((file) => file.path === RECORD_FILE);
  if (!recordFile) throw new Error('the rendered starter has no generation record');
  const record = JSON.parse(recordFile.content) as GenerationRecord;
  const own: GenerationRecord = { ...record, projectName: packageName, files: fileHashes(files) };
  files.push({ path: RECORD_FILE, content: `${JSON.stringify(own, null, 2)}\n` });
  return files;
}

/**
 * The teacher's copy. In guided mode the learner's starter already works, so the solution is the
 * same starter; in exercise mode it is rendered with every exercise fixed (the reference fix),
 * laid out like the students' copies, so `npm run exercises` there reports all of them fixed.
 */
function solutionFiles(solved: readonly RenderedFile[], copy: Copy): RenderedFile[] {
  return starterFiles(solved, copy.packageName);
}

/** Into a hidden temporary folder beside the target, then one rename: never a half copy. */
async function writeCopy(
  outPath: string,
  folder: string,
  files: readonly RenderedFile[],
  started: (temporary: string) => void,
) {
  const temporary = join(outPath, `.${folder}.partial-${randomBytes(4).toString('hex')}`);
  started(temporary);
  try {
    const folders = new Set(files.map((file) => dirname(join(temporary, file.path))));
    for (const dir of folders) await mkdir(dir, { recursive: true });
    await Promise.all(
      files.map((file) => writeFile(join(temporary, file.path), file.content, { flag: 'wx' })),
    );
    await rename(temporary, join(outPath, folder));
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new FailureError(
      `Could not write ${folder}: ${message}`,
      ['Folders written before it are complete; run the command again to continue.'],
      error,
    );
  }
}

async function writeAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.partial-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

function label(copy: Copy): string {
  if (copy.kind === 'solution') return 'solution';
  const members = copy.members.length > 0 ? ` (${copy.members.join(', ')})` : '';
  return `${copy.kind} ${copy.name}${members}`;
}

function printSummary(summary: ClassSummary, context: ClassContext, dryRun: boolean): void {
  const created = summary.copies.filter((copy) => copy.status === 'created');
  const existing = summary.copies.filter((copy) => copy.status === 'existing');
  const title = summary.course ? `${summary.course}: ` : '';
  context.out(
    `${title}${summary.idea} (${summary.stage}, ${summary.mode}) for ${summary.copies.length - 1} ${
      summary.copies.length === 2 ? 'seat' : 'seats'
    } in ${summary.folder}`,
  );
  const verb = dryRun ? 'Would create' : 'Created';
  context.out(`${verb} ${created.length} folders (${summary.filesPerStarter} files each):`);
  for (const copy of created) {
    context.out(
      `  ${kleur.green(`${copy.folder}/`)}  ${label(copy)}, package "${copy.packageName}"`,
    );
  }
  if (existing.length > 0) {
    context.out(kleur.yellow(`Left alone ${existing.length} folders that already exist:`));
    for (const copy of existing) context.out(`  ${copy.folder}/  ${label(copy)}`);
  }
  if (!dryRun) context.out(`Summary: ${join(summary.folder, SUMMARY_MD)} and ${SUMMARY_JSON}`);
  context.out(summary.install);
}

function summaryMarkdown(summary: ClassSummary): string {
  const rows = summary.copies.map(
    (copy) =>
      `| \`${copy.folder}/\` | ${copy.kind} | ${copy.name.replaceAll('|', '\\|')} | ${copy.members.join(', ').replaceAll('|', '\\|')} | \`${copy.packageName}\` | ${copy.status === 'created' ? 'created' : 'already there, left alone'} |`,
  );
  return [
    `# ${summary.course ?? 'Class'}: ${summary.idea} (${summary.stage})`,
    '',
    `Generated by ${summary.generator} ${summary.version}, ${summary.mode} mode, ${summary.filesPerStarter} files per starter.`,
    '',
    '| Folder | Kind | Name | Members | Package | This run |',
    '| ------ | ---- | ---- | ------- | ------- | -------- |',
    ...rows,
    '',
    summary.install,
    '',
    'Each folder is a complete starter with its own `.backend-roadmap.json`; `solution/` is the',
    summary.mode === 'exercise'
      ? 'teacher copy, with every exercise fixed (`npm run exercises` there: all fixed).'
      : 'teacher copy (in guided mode the same starter).',
    '',
  ].join('\n');
}
