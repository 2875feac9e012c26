// Values put into templates come out as the same characters: no HTML escaping in code, and a
// value that looks like a template is never evaluated (no template injection).
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../generators/handlebars.ts';

const TRICKY_VALUES = [
  `it's "quoted"`,
  'back\\slash \\n not a newline',
  '{{constructor.constructor}} {{{raw}}} {{> partial}}',
  '</script><script>alert(1)</script>',
  'ünïcødé — 日本語 — 🚀',
  '${process.env.SECRET} `backticks`',
  '& &amp; &#x27; <b>',
];

describe('template values', () => {
  it.each(TRICKY_VALUES)('render unchanged with {{value}}: %s', (value) => {
    expect(renderTemplate('[{{value}}]', { value }, 'test.hbs')).toBe(`[${value}]`);
  });

  it.each(TRICKY_VALUES)('render unchanged inside #each: %s', (value) => {
    const source = '{{#each items}}<{{this}}>{{/each}}';
    expect(renderTemplate(source, { items: [value, value] }, 'test.hbs')).toBe(
      `<${value}><${value}>`,
    );
  });

  it('reports which template failed to compile', () => {
    expect(() => renderTemplate('{{#each}}', {}, 'broken.hbs')).toThrow(/broken\.hbs/);
  });
});
