// Markdown → HTML that is safe to put in a page. Two steps, and the second is not optional:
//
// 1. `marked` turns Markdown into HTML. Markdown allows raw HTML, so `<script>…</script>` or
//    `[click](javascript:steal())` in a note comes out as working HTML too.
// 2. `sanitize-html` keeps only an allow-list of tags, attributes and URL schemes, and drops
//    everything else: scripts, event handlers (`onerror=`), `javascript:` and `data:` links,
//    iframes, forms, styles.
//
// Without step 2, anyone who can get a note shown to another person (a shared note, an
// imported file) runs their JavaScript in that person's session: stored cross-site scripting.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SANITIZE: sanitizeHtml.IOptions = {
  // The defaults (headings, lists, tables, code, links, emphasis…) plus images.
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    // marked marks code blocks with their language (`language-ts`) for syntax highlighters.
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  // Links and images only to the web or email: no `javascript:`, `data:` or `vbscript:`.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, SANITIZE);
}
