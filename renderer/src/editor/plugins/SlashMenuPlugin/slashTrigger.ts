// When does typing open the slash menu? A `/` at the start of the text or after a space,
// then a short query (what the menu filters by). A pure function of the text before the
// caret, unit-tested on its own (tests/unit/renderer/slashTrigger.test.ts).
import { matchTrigger, type TriggerMatch } from '../typeaheadTrigger';

export const MAX_SLASH_QUERY = 24;

// `/` after the start or whitespace (not inside a word, a URL or a date like 1/2), then
// anything but another slash or a line break.
const TRIGGER = new RegExp(`(?:^|\\s)(\\/([^/\\n]{0,${MAX_SLASH_QUERY}}))$`);

/** `/` and the query the menu filters by; `/query` is what choosing an item removes. */
export function matchSlashTrigger(textBeforeCaret: string): TriggerMatch | null {
  return matchTrigger(TRIGGER, textBeforeCaret);
}

export interface SlashItem {
  label: string;
  keywords: readonly string[];
}

/** The items whose label or keywords start with the query's words, in menu order. */
export function filterSlashItems<T extends SlashItem>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = [item.label, ...item.keywords].join(' ').toLowerCase().split(/[\s-]+/);
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}
