// Receipts: one photo or PDF per expense, uploaded with multipart/form-data (field `receipt`)
// and downloaded with the type it was uploaded as. The upload goes through the stage's
// uploadOne() (src/uploads/upload.ts): multer on this route only, with a size limit (413) and a
// list of accepted types (415), checked before a byte is stored.
//
// Stored safely: the bytes go to MongoDB (the receipts collection, see receipt.model.ts), never
// to a path built from the client's file name, and the name kept for the download is cleaned by
// safeFileName(). MongoDB keeps the app stateless (any instance can serve any receipt); for
// bigger files or many of them, an object store (S3 and the like) behind an interface is the
// next step.
import type { Request } from 'express';
import { notFound } from '../http/errors.js';
import { IMAGE_TYPES, safeFileName, uploadOne, type FileTypes } from '../uploads/upload.js';
import type { ExpenseDocument } from './expense.model.js';
import { ReceiptModel } from './receipt.model.js';

/** A phone photo of a receipt is well under this; a scanned multi-page PDF may not be. */
export const RECEIPT_MAX_BYTES = 2_000_000;

export const RECEIPT_TYPES: FileTypes = { ...IMAGE_TYPES, 'application/pdf': '.pdf' };

export const receiptUpload = uploadOne({
  field: 'receipt',
  maxBytes: RECEIPT_MAX_BYTES,
  types: RECEIPT_TYPES,
});

export function receiptUrl(expenseUrl: string): string {
  return `${expenseUrl}/receipt`;
}

/**
 * Stores `file` as the receipt of `expense`, replacing any earlier one. Returns true when the
 * expense had no receipt before (the route answers 201 Created, otherwise 200).
 */
export async function saveReceipt(
  expense: ExpenseDocument,
  file: Express.Multer.File,
): Promise<boolean> {
  const created = !expense.receipt;
  // One document per expense (unique index on `expense`): an upsert replaces the bytes in
  // place. The file first, then its description on the expense: if the second step fails, the
  // expense still describes the old file correctly and the next upload overwrites the new one.
  // (`updateOne`, not `findOneAndUpdate`: nothing needs to come back, and FerretDB refuses a
  // findAndModify with a projection, which `select: false` on `data` would add.)
  await ReceiptModel.updateOne(
    { expense: expense._id },
    { owner: expense.owner, contentType: file.mimetype, data: file.buffer },
    { upsert: true },
  );
  expense.receipt = {
    filename: safeFileName(file.originalname),
    contentType: file.mimetype,
    size: file.size,
    uploadedAt: new Date(),
  };
  await expense.save();
  return created;
}

/** The bytes and type of the receipt of `expense`; 404 when it has none. */
export async function readReceipt(expense: ExpenseDocument) {
  const stored = expense.receipt
    ? await ReceiptModel.findOne({ expense: expense._id }).select('+data')
    : null;
  if (!expense.receipt || !stored) throw notFound('This expense has no receipt');
  return { filename: expense.receipt.filename, contentType: stored.contentType, data: stored.data };
}

/** Deletes the receipt of `expense`; 404 when it has none. */
export async function deleteReceipt(expense: ExpenseDocument): Promise<void> {
  if (!expense.receipt) throw notFound('This expense has no receipt');
  await ReceiptModel.deleteOne({ expense: expense._id });
  expense.receipt = null;
  await expense.save();
}

/** The uploaded file: uploadOne() has already answered 422 when there is none. */
export function uploadedFile(req: Request): Express.Multer.File {
  if (!req.file) throw new Error('uploadOne() let a request without a file through');
  return req.file;
}
