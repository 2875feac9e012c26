// Date ranges for the list filters, as one small pure module: no database, no clock of its
// own. "Now" is a parameter, so the tests can pin it and check month ends and leap years
// without waiting for them.
//
// Every range is [from, to): `from` included, `to` excluded, both at midnight UTC. A half-open
// range needs no "23:59:59.999" and never counts a day twice.

export const PERIODS = ['past-week', 'past-month', 'last-3-months'] as const;
export type Period = (typeof PERIODS)[number];

export interface DateRange {
  from: Date;
  to: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the calendar day `date` falls on. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** `date` moved by whole days (negative: back). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * `date` moved back by whole months, clamped to the last day of the target month: 31 March
 * minus one month is 28 (or 29) February, not 3 March.
 */
export function subtractMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** The range a named period covers: back from today, today included. */
export function periodRange(period: Period, now: Date): DateRange {
  const today = startOfDay(now);
  const to = addDays(today, 1);
  switch (period) {
    case 'past-week':
      return { from: addDays(today, -7), to };
    case 'past-month':
      return { from: subtractMonths(today, 1), to };
    case 'last-3-months':
      return { from: subtractMonths(today, 3), to };
  }
}

/** A `YYYY-MM-DD` day as midnight UTC (the format is checked by the request schema). */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A custom range of whole days, both ends included: `to` becomes the next midnight. */
export function customRange(from: string | undefined, to: string | undefined): Partial<DateRange> {
  return {
    ...(from === undefined ? {} : { from: parseDay(from) }),
    ...(to === undefined ? {} : { to: addDays(parseDay(to), 1) }),
  };
}

/** A month as `YYYY-MM` (the format is checked by the request schema): its first day to the next. */
export function monthRange(month: string): DateRange {
  const from = parseDay(`${month}-01`);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
}

/** The `YYYY-MM` month `date` falls in (UTC). */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}
