/** A date as people read it. Values without a time (2024-03-01) are calendar dates, not instants. */
export function formatDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', ...(dateOnly ? { timeZone: 'UTC' } : {}) });
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
  if (date.toDateString() === now.toDateString()) return `today ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
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
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
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
