// A teacher's course file: which starter, and who gets one. Everything is validated before
// anything is written, and every problem names the line of the course file that holds it.
import {
  IDEA_IDS,
  STAGE_IDS,
  getIdea,
  isIdeaId,
  isStageId,
  type IdeaId,
  type StageId,
} from '../../generators/catalog.ts';
import { MODES, type Mode } from '../../generators/record.ts';
import { packageNameProblem, toPackageName } from '../project-name.ts';
import { didYouMean } from '../suggest.ts';
import {
  JsonSyntaxError,
  parseLocatedJson,
  type JsonEntry,
  type JsonNode,
} from './located-json.ts';

/** guided: complete starters; exercise: the stage's mistakes left in the code for students. */
export const COURSE_MODES = MODES;
export type CourseMode = Mode;

/** Folder names the class itself uses in the target folder. */
export const SOLUTION_FOLDER = 'solution';
export const SUMMARY_JSON = 'class-summary.json';
export const SUMMARY_MD = 'class-summary.md';
const RESERVED = new Set([SOLUTION_FOLDER, SUMMARY_JSON, SUMMARY_MD, 'node_modules']);

export interface Seat {
  kind: 'student' | 'team';
  /** As written in the course file. */
  name: string;
  members: string[];
  /** Folder below the class folder, and the starter's package name. */
  folder: string;
  line: number;
}

export interface Course {
  title?: string;
  idea: IdeaId;
  stage: StageId;
  mode: CourseMode;
  seats: Seat[];
}

export interface CourseProblem {
  line: number;
  /** Where in the file: `stage`, `students[2].name`, … */
  field: string;
  message: string;
}

const TOP_LEVEL = ['course', 'idea', 'stage', 'mode', 'students', 'teams'] as const;
const STUDENT_FIELDS = ['name'] as const;
const TEAM_FIELDS = ['name', 'members'] as const;

/** The course, or every problem found in it (never both). */
export function parseCourse(text: string): { course: Course } | { problems: CourseProblem[] } {
  let root: JsonNode;
  try {
    root = parseLocatedJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const where = `column ${error.column}`;
    return {
      problems: [{ line: error.line, field: where, message: `not valid JSON: ${error.message}` }],
    };
  }
  const problems: CourseProblem[] = [];
  const problem = (line: number, field: string, message: string) =>
    problems.push({ line, field, message });

  if (root.kind !== 'object') {
    problem(root.line, '(top level)', 'the course file must be a JSON object { "idea": …, … }');
    return { problems };
  }
  const fields = checkFields(root.entries, TOP_LEVEL, '', problem);

  const title = optionalString(fields.get('course'), 'course', problem);
  const idea = requiredChoice(fields.get('idea'), 'idea', IDEA_IDS, isIdeaId, root.line, problem);
  const stage = requiredChoice(
    fields.get('stage'),
    'stage',
    STAGE_IDS,
    isStageId,
    root.line,
    problem,
  );
  const modeEntry = fields.get('mode');
  const mode = modeEntry
    ? requiredChoice(modeEntry, 'mode', COURSE_MODES, isMode, root.line, problem)
    : 'guided';
  if (idea && stage && !getIdea(idea).available.includes(stage)) {
    const entry = fields.get('stage');
    const available = getIdea(idea).available;
    problem(
      entry?.value.line ?? root.line,
      'stage',
      `the ${idea} starter is not available at stage ${stage} yet (available: ${available.join(', ') || 'none'})`,
    );
  }

  const seats = [
    ...readSeats(fields.get('students'), 'students', 'student', problem),
    ...readSeats(fields.get('teams'), 'teams', 'team', problem),
  ];
  if (!fields.has('students') && !fields.has('teams')) {
    problem(
      root.line,
      'students',
      'missing: list the students ("students": [...]) or teams ("teams": [...])',
    );
  } else if (seats.length === 0 && problems.length === 0) {
    problem(root.line, 'students', 'the class is empty: list at least one student or team');
  }
  checkFolders(seats, problem);

  if (problems.length > 0 || !idea || !stage || !mode) {
    return { problems: problems.sort((a, b) => a.line - b.line) };
  }
  return { course: { ...(title === undefined ? {} : { title }), idea, stage, mode, seats } };
}

type Report = (line: number, field: string, message: string) => void;

function isMode(value: string): value is CourseMode {
  return (COURSE_MODES as readonly string[]).includes(value);
}

function checkFields(
  entries: readonly JsonEntry[],
  allowed: readonly string[],
  prefix: string,
  problem: Report,
): Map<string, JsonEntry> {
  const fields = new Map<string, JsonEntry>();
  for (const entry of entries) {
    const field = `${prefix}${entry.key}`;
    if (!allowed.includes(entry.key)) {
      problem(
        entry.line,
        field,
        `unknown field.${didYouMean(entry.key, allowed)} Valid fields: ${allowed.join(', ')}`,
      );
    } else if (fields.has(entry.key)) {
      problem(entry.line, field, `given twice (first on line ${fields.get(entry.key)?.line})`);
    } else fields.set(entry.key, entry);
  }
  return fields;
}

function optionalString(entry: JsonEntry | undefined, field: string, problem: Report) {
  if (!entry) return undefined;
  if (entry.value.kind !== 'string') {
    problem(entry.value.line, field, `must be a string, not ${entry.value.kind}`);
    return undefined;
  }
  return entry.value.value;
}

function requiredChoice<T extends string>(
  entry: JsonEntry | undefined,
  field: string,
  choices: readonly string[],
  isValid: (value: string) => value is T,
  objectLine: number,
  problem: Report,
): T | undefined {
  if (!entry) {
    problem(objectLine, field, `missing: one of ${choices.join(', ')}`);
    return undefined;
  }
  if (entry.value.kind !== 'string') {
    problem(entry.value.line, field, `must be a string: one of ${choices.join(', ')}`);
    return undefined;
  }
  const { value } = entry.value;
  if (isValid(value)) return value;
  problem(
    entry.value.line,
    field,
    `unknown ${field} "${value}".${didYouMean(value, choices)} Valid values: ${choices.join(', ')}`,
  );
  return undefined;
}

function readSeats(
  entry: JsonEntry | undefined,
  field: 'students' | 'teams',
  kind: Seat['kind'],
  problem: Report,
): Seat[] {
  if (!entry) return [];
  if (entry.value.kind !== 'array') {
    problem(entry.value.line, field, `must be a list: [ "Ada", { "name": "Grace" } ]`);
    return [];
  }
  const seats: Seat[] = [];
  entry.value.items.forEach((item, index) => {
    const at = `${field}[${index}]`;
    if (item.kind === 'string') {
      seats.push(seat(kind, item.value, [], item.line));
      return;
    }
    if (item.kind !== 'object') {
      problem(item.line, at, `must be a name in quotes or { "name": "…" }, not ${item.kind}`);
      return;
    }
    const fields = checkFields(
      item.entries,
      kind === 'team' ? TEAM_FIELDS : STUDENT_FIELDS,
      `${at}.`,
      problem,
    );
    const name = fields.get('name');
    if (!name) {
      problem(item.line, `${at}.name`, 'missing');
      return;
    }
    if (name.value.kind !== 'string') {
      problem(name.value.line, `${at}.name`, `must be a string, not ${name.value.kind}`);
      return;
    }
    seats.push(
      seat(
        kind,
        name.value.value,
        readMembers(fields.get('members'), at, problem),
        name.value.line,
      ),
    );
  });
  return seats;
}

function readMembers(entry: JsonEntry | undefined, at: string, problem: Report): string[] {
  if (!entry) return [];
  const { value } = entry;
  if (value.kind !== 'array' || value.items.some((item) => item.kind !== 'string')) {
    problem(value.line, `${at}.members`, 'must be a list of names in quotes');
    return [];
  }
  return value.items.map((item) => (item.kind === 'string' ? item.value : ''));
}

function seat(kind: Seat['kind'], name: string, members: string[], line: number): Seat {
  return { kind, name, members, folder: toPackageName(name), line };
}

/** Names become folders inside the class folder: nothing may point elsewhere or collide. */
function checkFolders(seats: readonly Seat[], problem: Report): void {
  const taken = new Map<string, Seat>();
  for (const seat of seats) {
    const field = `${seat.kind} "${seat.name}"`;
    const trimmed = seat.name.trim();
    if (/[/\\]/.test(trimmed)) {
      problem(
        seat.line,
        field,
        'a name may not contain "/" or "\\": each name becomes one folder inside the class folder',
      );
    } else if (trimmed.startsWith('.')) {
      problem(
        seat.line,
        field,
        'a name may not start with ".": it would be a hidden or parent folder',
      );
    } else if (/^[a-zA-Z]:/.test(trimmed)) {
      problem(seat.line, field, 'a name may not be a drive path');
    } else if (seat.folder === '') {
      problem(
        seat.line,
        field,
        'nothing is left of this name as a folder name (letters or digits are needed)',
      );
    } else if (RESERVED.has(seat.folder)) {
      problem(
        seat.line,
        field,
        `"${seat.folder}" is used by the class itself; choose another name`,
      );
    } else {
      const invalid = packageNameProblem(seat.folder);
      if (invalid) {
        problem(
          seat.line,
          field,
          `cannot use "${seat.folder}" as folder and package name: ${invalid}`,
        );
      } else {
        const first = taken.get(seat.folder);
        if (first) {
          problem(
            seat.line,
            field,
            `becomes the folder "${seat.folder}", like ${first.kind} "${first.name}" on line ${first.line}; make the names differ`,
          );
        } else taken.set(seat.folder, seat);
      }
    }
  }
}
