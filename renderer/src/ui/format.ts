// How the window writes dates, numbers of bytes, titles cut short. Every date the window
// shows goes through here, in the style chosen in Settings (common/preferences.ts: the
// system's language, ISO 8601, or a language tag), so a list, a dialog and the timeline
// never write the same day three ways.
import type { DateStyle } from '../../../common/preferences';

let dateStyle: DateStyle = 'system';
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The style every date is written in from now on (app/appearance.ts follows Settings). */
export function setDateStyle(style: DateStyle): void {
  dateStyle = style;
}

/** The language dates are written in: undefined for the system's (and for ISO, whose words, as in "today", are the system's). */
function dateLocale(): string | undefined {
  return dateStyle === 'system' || dateStyle === 'iso' ? undefined : dateStyle;
}

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${dateStyle}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(dateLocale(), options);
    } catch {
      // A language this browser does not know: the system's.
      made = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, made);
  }
  return made;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as people read it. Values without a time (2024-03-01) are calendar dates, not instants. */
export function formatDate(value: string | null | undefined): string | null {
  if (!value) return null;
  // Only what Sourcebook stores (ISO 8601): a hand-typed "sometime in 2019" is shown as typed, never guessed at.
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (dateStyle === 'iso') return dateOnly ? value : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return formatter({ year: 'numeric', month: 'short', day: 'numeric', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** A partial calendar date (an event's: "2025", "2025-03", "2025-03-04") at the precision it has. */
export function formatPartialDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  if (m[3]) return formatDate(value) ?? value;
  if (!m[2]) return m[1];
  if (dateStyle === 'iso' || Number(m[2]) < 1 || Number(m[2]) > 12) return value;
  const month = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return Number.isNaN(month.getTime()) ? value : formatter({ year: 'numeric', month: 'short', timeZone: 'UTC' }).format(month);
}

/** A time of day ("14:05", or as the chosen language writes it). */
export function formatTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (dateStyle === 'iso') return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return formatter({ hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Context around a quote, cut at word boundaries so it never starts or ends mid-word. */
export function trimContextStart(text: string): string {
  if (!text || /^\s/.test(text)) return text.trimStart();
  const space = text.search(/\s/);
  return space === -1 ? text : text.slice(space + 1);
}

export function trimContextEnd(text: string): string {
  if (!text || /\s$/.test(text)) return text.trimEnd();
  const space = text.search(/\s\S*$/);
  return space === -1 ? text : text.slice(0, space);
}

/** When something was last changed: the time today, else the date. */
export function formatEdited(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return `today ${formatTime(value)}`;
  return formatDate(value) ?? value;
}

/** A title cut to `max` characters at a word boundary, with an ellipsis ("…") if cut. */
export function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** An instant with its date and time, as people read it ("12 Mar 2025, 14:05"). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (dateStyle === 'iso') return `${formatDate(value)} ${formatTime(value)}`;
  return formatter({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** How long ago an instant was: "just now", "3 minutes ago", "yesterday", "2 weeks ago". */
export function formatAgo(value: string, now: number = Date.now()): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return value;
  let amount = (time - now) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return words.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDateTime(value);
}

/** A size in bytes as "1.4 MB" (or kB below a tenth of a megabyte). */
export function formatBytes(bytes: number): string {
  if (bytes < 100_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}
