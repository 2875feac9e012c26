// Receipts: upload through multer with limits, download with the right type, one per expense,
// only for its owner. Real HTTP, a real database, real multipart bodies.
import { beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_MAX_BYTES } from '../src/expenses/expense.receipt.js';
import { ReceiptModel } from '../src/expenses/receipt.model.js';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();

// Two users for the whole file: registering hashes a password (argon2 is slow on purpose), and
// their tokens stay valid when test/setup.ts empties the collections between tests, because
// requireAuth checks the token's signature, not the database.
let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const PDF = Buffer.from('%PDF-1.7\n% a tiny receipt\n%%EOF\n');

async function createExpense(user: TestUser): Promise<string> {
  const res = await api()
    .post('/expenses')
    .set('Authorization', bearer(user))
    .send({ amountCents: 2599, category: 'groceries', date: '2025-03-14' });
  expect(res.status).toBe(201);
  return new URL((res.body as { url: string }).url).pathname;
}

function upload(user: TestUser, path: string, file: Buffer, filename: string, type: string) {
  return api()
    .post(`${path}/receipt`)
    .set('Authorization', bearer(user))
    .attach('receipt', file, { filename, contentType: type });
}

/** supertest buffers binary bodies only when asked to. */
function download(user: TestUser, path: string) {
  return api()
    .get(`${path}/receipt`)
    .set('Authorization', bearer(user))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('POST /expenses/:id/receipt', () => {
  it('stores an image: 201, Location, and the expense now describes its receipt', async () => {
    const path = await createExpense(ann);
    const res = await upload(ann, path, PNG, '../../March receipt.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      filename: 'March_receipt.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(res.headers.location).toMatch(new RegExp(`${path}/receipt$`));
    const expense = await api().get(path).set('Authorization', bearer(ann));
    expect(expense.body).toMatchObject({ receipt: res.body as object });
  });

  it('serves it back with its own type, as a download, byte for byte', async () => {
    const path = await createExpense(ann);
    await upload(ann, path, PNG, 'receipt.png', 'image/png');
    const res = await download(ann, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?receipt\.png"?$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toEqual(PNG);
  });

  it('replaces the receipt in place with 200: still one receipt document for the expense', async () => {
    const path = await createExpense(ann);
    expect((await upload(ann, path, PNG, 'receipt.png', 'image/png')).status).toBe(201);
    const replaced = await upload(ann, path, PDF, 'receipt.pdf', 'application/pdf');
    expect(replaced.status).toBe(200);
    expect(await ReceiptModel.countDocuments()).toBe(1);
    const res = await download(ann, path);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body).toEqual(PDF);
  });

  it('refuses a file over the limit (413), another type (415) and no file (422)', async () => {
    const path = await createExpense(ann);
    const big = await upload(
      ann,
      path,
      Buffer.alloc(RECEIPT_MAX_BYTES + 1),
      'big.png',
      'image/png',
    );
    expect(big.status).toBe(413);
    const html = await upload(ann, path, Buffer.from('<script>'), 'x.html', 'text/html');
    expect(html.status).toBe(415);
    const none = await api()
      .post(`${path}/receipt`)
      .set('Authorization', bearer(ann))
      .field('note', 'no file');
    expect(none.status).toBe(422);
    expect(await ReceiptModel.countDocuments()).toBe(0);
    expect((await download(ann, path)).status).toBe(404);
  });

  it("answers 404 to another user, for upload and download, and keeps the owner's file", async () => {
    const path = await createExpense(ann);
    await upload(ann, path, PNG, 'receipt.png', 'image/png');
    expect((await upload(bob, path, PDF, 'mine.pdf', 'application/pdf')).status).toBe(404);
    expect((await download(bob, path)).status).toBe(404);
    expect((await download(ann, path)).body).toEqual(PNG);
  });
});

describe('deleting', () => {
  it('DELETE /expenses/:id/receipt removes the file: 204, then 404', async () => {
    const path = await createExpense(ann);
    await upload(ann, path, PNG, 'receipt.png', 'image/png');
    const res = await api().delete(`${path}/receipt`).set('Authorization', bearer(ann));
    expect(res.status).toBe(204);
    expect((await download(ann, path)).status).toBe(404);
    expect((await api().delete(`${path}/receipt`).set('Authorization', bearer(ann))).status).toBe(
      404,
    );
    expect((await api().get(path).set('Authorization', bearer(ann))).body).toMatchObject({
      receipt: null,
    });
  });

  it('deleting the expense deletes its receipt too', async () => {
    const path = await createExpense(ann);
    await upload(ann, path, PNG, 'receipt.png', 'image/png');
    expect((await api().delete(path).set('Authorization', bearer(ann))).status).toBe(204);
    expect(await ReceiptModel.countDocuments()).toBe(0);
  });
});
