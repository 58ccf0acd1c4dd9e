// When does typing open the slash menu? A `/` at the start of the text or after a space,
// then a short query (what the menu filters by). A pure function of the text before the
// caret, unit-tested on its own (tests/unit/renderer/slashTrigger.test.ts).

export interface SlashTriggerMatch {
  /** Where the `/` is in the text before the caret. */
  leadOffset: number;
  /** The query typed after `/`. */
  matchingString: string;
  /** `/` plus the query: what choosing an item removes. */
  replaceableString: string;
}

export const MAX_SLASH_QUERY = 24;

// `/` after the start or whitespace (not inside a word, a URL or a date like 1/2), then
// anything but another slash or a line break.
const TRIGGER = new RegExp(`(?:^|\\s)(\\/([^/\\n]{0,${MAX_SLASH_QUERY}}))$`);

export function matchSlashTrigger(textBeforeCaret: string): SlashTriggerMatch | null {
  const match = TRIGGER.exec(textBeforeCaret);
  if (!match) return null;
  const replaceableString = match[1];
  const matchingString = match[2];
  // A space right after the slash, or two in a row: the user is writing, not choosing.
  if (/^\s|\s\s/.test(matchingString)) return null;
  return { leadOffset: textBeforeCaret.length - replaceableString.length, matchingString, replaceableString };
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
