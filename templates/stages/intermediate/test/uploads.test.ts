// uploadOne() on a small app, over real HTTP: limits, types and file names.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../src/http/errors.js';
import { IMAGE_TYPES, safeFileName, uploadOne } from '../src/uploads/upload.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let dir = '';
let app: express.Express;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uploads-test-'));
  app = express();
  const toMemory = uploadOne({ field: 'file', maxBytes: 1024, types: IMAGE_TYPES });
  const toDisk = uploadOne({ field: 'file', maxBytes: 1024, types: IMAGE_TYPES, storage: { dir } });
  for (const [path, upload] of [
    ['/memory', toMemory],
    ['/disk', toDisk],
  ] as const) {
    app.post(path, upload, (req, res) => {
      const file = req.file;
      res.status(201).json({
        name: safeFileName(file?.originalname ?? ''),
        size: file?.size,
        stored: file?.filename ?? null,
        inMemory: file?.buffer !== undefined,
      });
    });
  }
  app.use(errorHandler);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('uploadOne()', () => {
  it('accepts an allowed file within the limit', async () => {
    const res = await request(app)
      .post('/memory')
      .attach('file', PNG, { filename: 'cat.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'cat.png', size: PNG.length, stored: null, inMemory: true });
  });

  it('answers a broken multipart body with 400, never a 500', async () => {
    // Found by fuzzing: a multipart content type without its boundary made the parser throw.
    const res = await request(app)
      .post('/memory')
      .set('Content-Type', 'multipart/form-data')
      .send('not really multipart');
    expect(res.status).toBe(400);
  });

  it('answers a file over the limit with 413', async () => {
    const res = await request(app)
      .post('/memory')
      .attach('file', Buffer.alloc(1025), { filename: 'big.png', contentType: 'image/png' });
    expect(res.status).toBe(413);
  });

  it('answers a type that is not allowed with 415', async () => {
    const res = await request(app)
      .post('/memory')
      .attach('file', Buffer.from('<script>'), { filename: 'x.html', contentType: 'text/html' });
    expect(res.status).toBe(415);
  });

  it('answers a missing file with 422 and another field name with 400', async () => {
    const none = await request(app).post('/memory').field('title', 'no file');
    expect(none.status).toBe(422);
    const other = await request(app)
      .post('/memory')
      .attach('picture', PNG, { filename: 'cat.png', contentType: 'image/png' });
    expect(other.status).toBe(400);
  });

  it('stores files on disk under a random name, whatever the client calls them', async () => {
    const res = await request(app)
      .post('/disk')
      .attach('file', PNG, { filename: '../../evil.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    const body = res.body as { name: string; stored: string };
    expect(body.name).toBe('evil.png');
    expect(body.stored).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(await readdir(dir)).toEqual([body.stored]);
    expect(await readFile(join(dir, body.stored))).toEqual(PNG);
  });
});

describe('safeFileName()', () => {
  it('keeps the last path segment and harmless characters only', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ann\\report 2024.pdf')).toBe('report_2024.pdf');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('a'.repeat(300) + '.png')).toHaveLength(100);
  });
});
