// File uploads (multipart/form-data) with multer, per route and always with limits:
//
//   const attachment = uploadOne({ field: 'file', maxBytes: 1_000_000, types: IMAGE_TYPES });
//   router.post('/:id/attachments', requireAuth, attachment, async (req, res) => { req.file … });
//
// Never `app.use(multer().any())`: every route would then accept any number of files of any
// size and type. Too big → 413, wrong type → 415, before the handler runs.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { HttpError } from '../http/errors.js';

/** Accepted media types and the extension a stored file of that type gets. */
export type FileTypes = Readonly<Record<string, string>>;

export const IMAGE_TYPES: FileTypes = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
};

export const DOCUMENT_TYPES: FileTypes = {
  ...IMAGE_TYPES,
  'application/pdf': '.pdf',
  'text/plain': '.txt',
};

export interface UploadOptions {
  /** The form field that carries the file. */
  field: string;
  maxBytes: number;
  types: FileTypes;
  /**
   * `memory`: the bytes are in `req.file.buffer` (small files you store elsewhere, e.g. in the
   * database or an object store). `{ dir }`: written to that folder under a random name, the
   * path in `req.file.path`.
   */
  storage?: 'memory' | { dir: string };
}

/**
 * A name safe to show or to use in a Content-Disposition header: the last path segment only
 * (`../../etc/passwd` → `passwd`), letters, digits, `.`, `-` and `_`, no leading dot, at most
 * 100 characters. Files on disk never use it: they get a random name (see uploadOne).
 */
export function safeFileName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[.]+/, '')
    .slice(-100);
  return cleaned === '' ? 'file' : cleaned;
}

export function uploadOne({ field, maxBytes, types, storage = 'memory' }: UploadOptions) {
  const engine =
    storage === 'memory'
      ? multer.memoryStorage()
      : multer.diskStorage({
          destination: storage.dir,
          // The client's file name is input like any other: `../../server.js` must not become a
          // path. Stored files get a random name with the extension of their accepted type.
          filename: (_req, file, callback) => {
            callback(null, `${randomUUID()}${types[file.mimetype] ?? ''}`);
          },
        });

  const parse = multer({
    storage: engine,
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 },
    fileFilter: (_req, file, callback) => {
      // The type the browser claims. Enough to refuse the obvious; code that opens the file
      // (resizing images, parsing PDFs) must still expect it to be anything.
      if (Object.hasOwn(types, file.mimetype)) callback(null, true);
      else {
        const allowed = Object.keys(types).join(', ');
        callback(new HttpError(415, 'unsupported_media_type', `Allowed file types: ${allowed}.`));
      }
    },
  }).single(field);

  const middleware: RequestHandler = (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        next(
          error.code === 'LIMIT_FILE_SIZE'
            ? new HttpError(413, 'payload_too_large', `The file is larger than ${maxBytes} bytes.`)
            : new HttpError(400, 'invalid_upload', `Upload refused: ${error.message}.`),
        );
        return;
      }
      // Anything else from the multipart parser (no boundary, a malformed part header, a body
      // cut short) is the client's broken request: 400, not a 500. Errors of our own (HttpError
      // from the file filter) and of the disk (`errno`: full, unwritable) pass on unchanged.
      if (error && !(error instanceof HttpError) && !(error instanceof Error && 'errno' in error)) {
        next(
          new HttpError(400, 'invalid_upload', 'The multipart/form-data body could not be read.'),
        );
        return;
      }
      if (error) {
        next(error);
        return;
      }
      if (!req.file) {
        next(
          new HttpError(422, 'validation_failed', 'A file is required.', [
            { path: field, message: 'is required' },
          ]),
        );
        return;
      }
      next();
    });
  };
  return middleware;
}
