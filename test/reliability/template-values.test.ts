// Reliability: values a user types reach the output as the same characters. Quotes, backslashes,
// Handlebars braces, `</script>`, HTML entities and Unicode in a course title and a student's
// name must not be HTML-escaped, evaluated as a template, or break the JSON and Markdown they land
// in. Runs the built bin, like the bad-input suite.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from '../cli/run-bin.ts';

let cwd: string;

beforeAll(() => assertBuilt());
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'cbr-values-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const VALUES = [
  { label: 'quotes and a backslash', text: 'Back"end \\ O\'Brien' },
  { label: 'Handlebars braces', text: 'Class {{title}} {{{raw}}} {{> partial}}' },
  { label: 'a closing script tag', text: 'x </script><script>alert(1)</script>' },
  { label: 'an HTML entity', text: 'R&amp;D &lt;b&gt;' },
  { label: 'Unicode and emoji', text: 'Zoë Ünïcødé 学生 🚀' },
  { label: 'Markdown table syntax', text: 'Ann | Bob `code`' },
] as const;

interface Summary {
  course?: string;
}

describe('template values render as typed', () => {
  it.each(VALUES.map((value) => [value.label, value.text] as const))('%s', async (_label, text) => {
    // A student's name becomes a folder, so `/` and a backslash are refused there (bad input).
    const student = text.replace(/[\\/]/g, '');
    const course = { course: text, idea: 'todo-app', stage: 'beginner', students: [student] };
    await writeFile(join(cwd, 'course.json'), JSON.stringify(course));
    const result = await runBin(['class', 'course.json'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1' },
    });
    expect(result.code, result.stderr).toBe(0);
    const json = await readFile(join(cwd, 'course', 'class-summary.json'), 'utf8');
    const summary = JSON.parse(json) as Summary;
    expect(summary.course).toBe(text);
    expect(json).toContain(JSON.stringify(student));
    const markdown = await readFile(join(cwd, 'course', 'class-summary.md'), 'utf8');
    // The title is a heading, as typed (only `|` is escaped, inside the table).
    expect(markdown).toContain(`# ${text}`);
    expect(markdown).not.toMatch(/&quot;|&#x27;|&#39;|&amp;amp;|&lt;\/script/);
  });
});
