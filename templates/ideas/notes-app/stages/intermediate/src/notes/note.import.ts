// A note from an uploaded Markdown file. The upload itself (size and type limits, 413 and 415)
// is src/uploads/upload.ts; this module turns the accepted bytes into a note's title and
// content, and refuses bytes that are not text.
import { HttpError } from '../http/errors.js';
import type { FileTypes } from '../uploads/upload.js';
import { CONTENT_MAX_LENGTH, TITLE_MAX_LENGTH } from './note.fields.js';

// Browsers and tools disagree on the type of a .md file: text/markdown is the registered one,
// text/x-markdown the older one, and many send text/plain. (curl sends
// application/octet-stream unless told: `-F "file=@note.md;type=text/markdown"`.)
export const MARKDOWN_TYPES: FileTypes = {
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'text/plain': '.md',
};

// In bytes. UTF-8 needs at least one byte per character, so a file within this limit always
// fits in a note's content.
export const MARKDOWN_MAX_BYTES = CONTENT_MAX_LENGTH;

export interface ImportedNote {
  title: string;
  content: string;
}

/** The bytes as UTF-8 text, or a 422: a binary file renamed to .md is not a note. */
export function decodeText(bytes: Uint8Array): string {
  try {
    // `fatal`: invalid UTF-8 throws instead of turning into U+FFFD replacement characters.
    // `ignoreBOM: false` drops the byte order mark some editors write at the start.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HttpError(422, 'validation_failed', 'The file is not UTF-8 text.', [
      { path: 'file', message: 'is not UTF-8 text' },
    ]);
  }
}

/**
 * The note's title: the one the client sent, else the file's first `# Heading`, else the file
 * name without its extension.
 */
export function importTitle(content: string, fileName: string, given?: string): string {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(content)?.[1];
  const fromName = fileName.replace(/\.(md|markdown|txt)$/i, '');
  const title = given ?? heading ?? fromName;
  return (title.trim() || 'Imported note').slice(0, TITLE_MAX_LENGTH);
}

export function importMarkdown(bytes: Uint8Array, fileName: string, title?: string): ImportedNote {
  const content = decodeText(bytes);
  return { title: importTitle(content, fileName, title), content };
}
