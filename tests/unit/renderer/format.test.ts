import { afterEach, describe, expect, test } from 'vitest';
import { formatAgo, formatBytes, formatDate, formatDateTime, formatPartialDate, setDateStyle, truncate } from '../../../renderer/src/ui/format';
import { formatEventDate } from '../../../renderer/src/analysis/dates';

describe('format helpers of the Trash and backups views', () => {
  test('truncate cuts at a word boundary with an ellipsis, and leaves short titles alone', () => {
    expect(truncate('Customs seize drone motors', 60)).toBe('Customs seize drone motors');
    expect(truncate('Customs seize drone motors declared as sprayer parts at Kestrava', 40)).toBe('Customs seize drone motors declared as…');
    expect(truncate('one   two\nthree', 60)).toBe('one two three');
    expect(truncate('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('formatAgo says how long ago, in words', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const ago = (ms: number) => formatAgo(new Date(now - ms).toISOString(), now);
    expect(ago(10_000)).toBe('just now');
    expect(ago(3 * 60_000)).toBe('3 minutes ago');
    expect(ago(2 * 3_600_000)).toBe('2 hours ago');
    expect(ago(24 * 3_600_000)).toBe('yesterday');
    expect(ago(14 * 86_400_000)).toBe('2 weeks ago');
    expect(formatAgo('not a date')).toBe('not a date');
  });

  test('formatBytes gives kB under a tenth of a megabyte, MB above', () => {
    expect(formatBytes(4_096)).toBe('4 kB');
    expect(formatBytes(420_000)).toBe('0.4 MB');
    expect(formatBytes(12_400_000)).toBe('12 MB');
  });
});

describe('one date format everywhere, as chosen in Settings', () => {
  afterEach(() => setDateStyle('system'));

  test('a calendar date, an instant and a partial date follow the chosen style', () => {
    setDateStyle('iso');
    expect(formatDate('2024-10-08')).toBe('2024-10-08');
    expect(formatPartialDate('2025-03')).toBe('2025-03');
    expect(formatDateTime('2024-10-08T14:05:00')).toBe('2024-10-08 14:05');
    setDateStyle('en-GB');
    expect(formatDate('2024-10-08')).toBe('8 Oct 2024');
    expect(formatPartialDate('2025-03')).toBe('Mar 2025');
    expect(formatPartialDate('2025')).toBe('2025');
    expect(formatDateTime('2024-10-08T14:05:00')).toBe('8 Oct 2024, 14:05');
    setDateStyle('en-US');
    expect(formatDate('2024-10-08')).toBe('Oct 8, 2024');
    setDateStyle('de');
    expect(formatDate('2024-10-08')).toBe('8. Okt. 2024');
    // The timeline's dates are the same dates.
    setDateStyle('en-GB');
    expect(formatEventDate('2025-03-04')).toBe('4 Mar 2025');
  });

  test('a calendar date never moves a day with the time zone, and what is not a date is shown as it was typed', () => {
    setDateStyle('en-GB');
    expect(formatDate('2024-01-01')).toBe('1 Jan 2024');
    expect(formatDate('sometime in 2019')).toBe('sometime in 2019');
    expect(formatPartialDate('2025-13')).toBe('2025-13');
  });
});
