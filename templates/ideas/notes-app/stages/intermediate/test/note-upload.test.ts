// POST /notes/upload: a Markdown file becomes a note. The limits come from the stage's upload
// helper (src/uploads/upload.ts): too big 413, wrong type 415, no file 422.
import { describe, expect, it } from 'vitest';
import { importTitle } from '../src/notes/note.import.js';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

function upload(user: TestUser, content: Buffer | string, fileName: string, contentType: string) {
  return api()
    .post('/notes/upload')
    .set('Authorization', bearer(user))
    .attach('file', Buffer.from(content), { filename: fileName, contentType });
}

describe('POST /notes/upload', () => {
  it('saves a .md file as a note: 201, Location, the title from its first heading', async () => {
    const ann = await registerUser(api, 'Ann');
    const markdown = '# Trip plan\n\n- book the train\n- pack **light**\n';
    const res = await upload(ann, markdown, 'trip.md', 'text/markdown');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ title: 'Trip plan', content: markdown, tags: [] });
    const { url } = res.body as { url: string };
    expect(res.headers.location).toBe(url);

    const again = await api().get(new URL(url).pathname).set('Authorization', bearer(ann));
    expect(again.body).toMatchObject({ title: 'Trip plan', content: markdown });
  });

  it('takes the title from a form field, else from the file name', async () => {
    const ann = await registerUser(api, 'Ann');
    const named = await api()
      .post('/notes/upload')
      .set('Authorization', bearer(ann))
      .field('title', 'Given title')
      .attach('file', Buffer.from('# Heading'), { filename: 'a.md', contentType: 'text/plain' });
    expect(named.status, named.text).toBe(201);
    expect(named.body).toMatchObject({ title: 'Given title' });

    const plain = await upload(ann, 'no heading here', '../../etc/ideas.md', 'text/x-markdown');
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ title: 'ideas' });
  });

  it('answers 413 for a file over 100 KB, and stores nothing', async () => {
    const ann = await registerUser(api, 'Ann');
    const res = await upload(ann, 'x'.repeat(100_001), 'big.md', 'text/markdown');
    expect(res.status).toBe(413);
    const list = await api().get('/notes').set('Authorization', bearer(ann));
    expect(list.body).toMatchObject({ total: 0 });
  });

  it('answers 415 for a file that is not Markdown or text', async () => {
    const ann = await registerUser(api, 'Ann');
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const res = await upload(ann, png, 'cat.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { status: 415 } });
  });

  it('answers 422 without a file, for bytes that are not UTF-8, and for unknown form fields', async () => {
    const ann = await registerUser(api, 'Ann');
    const none = await api()
      .post('/notes/upload')
      .set('Authorization', bearer(ann))
      .field('title', 'x');
    expect(none.status).toBe(422);

    const binary = await upload(ann, Buffer.from([0xff, 0xfe, 0x00, 0xc3]), 'x.md', 'text/plain');
    expect(binary.status).toBe(422);
    expect(binary.body).toMatchObject({ error: { details: [{ path: 'file' }] } });

    const owner = await api()
      .post('/notes/upload')
      .set('Authorization', bearer(ann))
      .field('owner', '000000000000000000000000')
      .attach('file', Buffer.from('hi'), { filename: 'a.md', contentType: 'text/markdown' });
    expect(owner.status).toBe(422);
  });
});

describe('importTitle()', () => {
  it('prefers the given title, then the first level-one heading, then the file name', () => {
    expect(importTitle('# Heading', 'file.md', 'Given')).toBe('Given');
    expect(importTitle('intro\n# Heading #\ntext', 'file.md')).toBe('Heading');
    expect(importTitle('## Not level one', 'file.markdown')).toBe('file');
    expect(importTitle('', '')).toBe('Imported note');
  });
});
