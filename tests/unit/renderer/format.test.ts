import { describe, expect, test } from 'vitest';
import { formatAgo, formatBytes, truncate } from '../../../renderer/src/ui/format';

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
