// When does typing open the citation picker? `[[` followed by a query, at the caret.
// A pure function of the text before the caret, so it is unit-tested on its own.

export interface CitationTriggerMatch {
  /** Where `[[` starts in the text before the caret. */
  leadOffset: number;
  /** The query typed after `[[` (what the picker searches for). */
  matchingString: string;
  /** `[[` plus the query: what the inserted citation replaces. */
  replaceableString: string;
}

export const MAX_QUERY_LENGTH = 80;

// `[[`, not preceded by a third `[`; then anything but brackets and line breaks. The query
// may hold spaces: excerpts are found by several words of their quote.
const TRIGGER = new RegExp(`(?:^|[^\\[])(\\[\\[([^\\[\\]\\n]{0,${MAX_QUERY_LENGTH}}))$`);

export function matchCitationTrigger(textBeforeCaret: string): CitationTriggerMatch | null {
  const match = TRIGGER.exec(textBeforeCaret);
  if (!match) return null;
  const replaceableString = match[1];
  const matchingString = match[2];
  // Two spaces in a row, or a leading space, means the user moved on from the picker.
  if (/^\s|\s\s/.test(matchingString)) return null;
  return { leadOffset: textBeforeCaret.length - replaceableString.length, matchingString, replaceableString };
}
