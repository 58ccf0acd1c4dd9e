// Event dates (YYYY, YYYY-MM or YYYY-MM-DD) as spans of time, for the timeline's axis and
// the link chart's date filter. A year or a month is a span, not a point: "2025-03" is
// the whole of March 2025. All in UTC, so a date never shifts with the time zone.

import { formatPartialDate } from '../ui/format';

export type Precision = 'year' | 'month' | 'day';

export interface DateSpan {
  /** Milliseconds (UTC), inclusive. */
  start: number;
  /** Milliseconds (UTC), exclusive. */
  end: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isEventDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

export function spanOf(value: string | null | undefined): DateSpan | null {
  if (!value || !isEventDate(value)) return null;
  const m = PATTERN.exec(value)!;
  const y = Number(m[1]);
  if (m[3]) {
    const start = Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
    return { start, end: start + 86_400_000, precision: 'day' };
  }
  if (m[2]) return { start: Date.UTC(y, Number(m[2]) - 1, 1), end: Date.UTC(y, Number(m[2]), 1), precision: 'month' };
  return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), precision: 'year' };
}

/** The axis' month ticks (a tick's year is written whole). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025", "Mar 2025", "4 Mar 2025", in the style of every date of the window (Settings ▸ Dates). */
export function formatEventDate(value: string): string {
  return formatPartialDate(value);
}

/** Does the event date fall (even partly) between `from` and `to` (either may be empty)? */
export function overlaps(value: string | null, from: string, to: string): boolean {
  if (!from && !to) return true;
  const span = spanOf(value);
  if (!span) return false;
  const lo = spanOf(from);
  const hi = spanOf(to);
  if (lo && span.end <= lo.start) return false;
  if (hi && span.start >= hi.end) return false;
  return true;
}

export interface Tick {
  t: number;
  label: string;
  major: boolean;
}

/**
 * Ticks for an axis from `min` to `max` (ms) drawn `width` pixels wide: years when the
 * range is long (every 1, 2, 5, 10… years, as room allows), else months, labelled with the
 * year at each January; unlabelled minor ticks between when they fit.
 */
export function ticks(min: number, max: number, width: number, minGap = 64): Tick[] {
  if (!(max > min) || width <= 0) return [];
  const pxPerMs = width / (max - min);
  const yearPx = 365.25 * 86_400_000 * pxPerMs;
  const first = new Date(min);
  const out: Tick[] = [];
  const monthPx = yearPx / 12;
  if (monthPx * 6 >= minGap) {
    // Months: every 1, 2, 3 or 6, labelled; the others as minor ticks when they fit.
    const step = [1, 2, 3, 6].find((s) => monthPx * s >= minGap) ?? 6;
    let y = first.getUTCFullYear();
    let mo = first.getUTCMonth();
    for (let guard = 0; guard < 2000; guard++) {
      const t = Date.UTC(y, mo, 1);
      if (t > max) break;
      if (t >= min && mo % step === 0) out.push({ t, label: mo === 0 ? String(y) : MONTHS[mo], major: mo === 0 });
      else if (t >= min && monthPx >= 6) out.push({ t, label: '', major: false });
      mo++;
      if (mo === 12) {
        mo = 0;
        y++;
      }
    }
    return out;
  }
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => yearPx * s >= minGap) ?? 100;
  for (let y = Math.ceil(first.getUTCFullYear() / step) * step - step; ; y += step) {
    const t = Date.UTC(y, 0, 1);
    if (t > max) break;
    if (t >= min) out.push({ t, label: String(y), major: true });
  }
  if (step === 1 && yearPx / 4 >= 8) {
    for (let y = first.getUTCFullYear(); Date.UTC(y, 0, 1) <= max; y++) {
      for (const mo of [3, 6, 9]) {
        const t = Date.UTC(y, mo, 1);
        if (t >= min && t <= max) out.push({ t, label: '', major: false });
      }
    }
  }
  return out.sort((a, b) => a.t - b.t);
}
