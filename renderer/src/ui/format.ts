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
