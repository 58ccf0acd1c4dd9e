// What the typeaheads (`[[` citations, `@` mentions, `/` blocks) share in deciding whether
// typing opens them: each has its own pattern (its trigger, what may come before it, what
// its query may hold); a match is read the same way for all three. Pure, so each trigger
// is unit-tested on its own (tests/unit/renderer/*Trigger.test.ts).

export interface TriggerMatch {
  /** Where the trigger starts in the text before the caret. */
  leadOffset: number;
  /** The query typed after the trigger (what the menu searches or filters by). */
  matchingString: string;
  /** The trigger plus the query: what choosing an option replaces. */
  replaceableString: string;
}

/**
 * `pattern` (anchored at the end, at the caret) on the text before the caret: its group 1
 * is the trigger plus the query, group 2 the query. A query that starts with a space, or
 * holds two in a row, is no match: the user is writing on, not choosing.
 */
export function matchTrigger(pattern: RegExp, textBeforeCaret: string): TriggerMatch | null {
  const match = pattern.exec(textBeforeCaret);
  if (!match) return null;
  const [, replaceableString, matchingString] = match;
  if (/^\s|\s\s/.test(matchingString)) return null;
  return { leadOffset: textBeforeCaret.length - replaceableString.length, matchingString, replaceableString };
}
