// GET /notes/:id/html: the Markdown of a note as HTML, with everything that could run in a
// browser taken out. renderMarkdown() on its own first, then the route.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/notes/note.markdown.js';
import { useApi } from './api.js';
import { bearer, registerUser } from './users.js';

const api = useApi();

const HOSTILE = [
  '# Title',
  '',
  'Some **bold** text and a [good link](https://example.com).',
  '',
  '<script>alert("stolen")</script>',
  '',
  '[click me](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)">me too</a>',
  '',
  '<img src="x" onerror="alert(3)"> ![ok](https://example.com/cat.png)',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
].join('\n');

describe('renderMarkdown()', () => {
  it('renders Markdown to HTML', () => {
    const html = renderMarkdown('# Hi\n\n- **one**\n- `two`\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<h1>Hi</h1>');
    expect(html).toContain('<li><strong>one</strong></li>');
    expect(html).toContain('<code>two</code>');
    expect(html).toContain('<code class="language-ts">');
  });

  it('strips scripts, event handlers, frames, and javascript: and data: links', () => {
    const html = renderMarkdown(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/data:text/i);
    // …and keeps what is harmless.
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.com">good link</a>');
    expect(html).toContain('<img src="https://example.com/cat.png" alt="ok" />');
  });
});

describe('GET /notes/:id/html', () => {
  it('answers the sanitized HTML as text/html, with headers that forbid scripts', async () => {
    const ann = await registerUser(api, 'Ann');
    const created = await api()
      .post('/notes')
      .set('Authorization', bearer(ann))
      .send({ title: 'hostile', content: HOSTILE });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };

    const res = await api().get(`/notes/${id}/html`).set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toContain('<h1>Title</h1>');
    expect(res.text).not.toMatch(/<script|javascript:|onerror/i);
  });
});
