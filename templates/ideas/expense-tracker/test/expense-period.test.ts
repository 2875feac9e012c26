// The date ranges behind ?period= and ?from=&to=, with "now" pinned: pure functions, so no
// database and no waiting for a month to end.
import { describe, expect, it } from 'vitest';
import {
  customRange,
  monthOf,
  monthRange,
  parseDay,
  periodRange,
  subtractMonths,
} from '../src/expenses/expense.period.js';

const iso = (date: Date | undefined) => date?.toISOString().slice(0, 10);

describe('periodRange', () => {
  const now = new Date('2025-03-31T18:45:00.000Z');

  it('past-week covers the last seven days and today, from midnight UTC', () => {
    const range = periodRange('past-week', now);
    expect(range.from.toISOString()).toBe('2025-03-24T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });

  it('past-month goes back one calendar month, clamped to the shorter month', () => {
    expect(iso(periodRange('past-month', now).from)).toBe('2025-02-28');
    expect(iso(periodRange('past-month', new Date('2024-03-31T01:00:00Z')).from)).toBe(
      '2024-02-29',
    );
  });

  it('last-3-months goes back three calendar months, across a year boundary', () => {
    const range = periodRange('last-3-months', new Date('2025-01-15T09:00:00Z'));
    expect(iso(range.from)).toBe('2024-10-15');
    expect(iso(range.to)).toBe('2025-01-16');
  });
});

describe('subtractMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(iso(subtractMonths(parseDay('2025-05-20'), 1))).toBe('2025-04-20');
  });
});

describe('customRange', () => {
  it('includes both days: `to` becomes the following midnight', () => {
    const range = customRange('2025-01-01', '2025-01-31');
    expect(range.from?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(range.to?.toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('leaves out an end that was not given', () => {
    expect(customRange(undefined, '2025-01-31')).not.toHaveProperty('from');
    expect(customRange('2025-01-01', undefined)).not.toHaveProperty('to');
  });
});

describe('monthRange and monthOf', () => {
  it('covers a whole month, across a year end and a leap February', () => {
    expect(monthRange('2024-12')).toEqual({
      from: parseDay('2024-12-01'),
      to: parseDay('2025-01-01'),
    });
    expect(iso(monthRange('2024-02').to)).toBe('2024-03-01');
  });

  it('names the month a date falls in', () => {
    expect(monthOf(new Date('2025-03-31T23:59:59.999Z'))).toBe('2025-03');
    expect(monthOf(parseDay('2025-04-01'))).toBe('2025-04');
  });
});
