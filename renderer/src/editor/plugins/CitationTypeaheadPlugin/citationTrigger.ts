// When does typing open the citation picker? `[[` followed by a query, at the caret.
// A pure function of the text before the caret, so it is unit-tested on its own.
import { matchTrigger, type TriggerMatch } from '../typeaheadTrigger';

export const MAX_QUERY_LENGTH = 80;

// `[[`, not preceded by a third `[`; then anything but brackets and line breaks. The query
// may hold spaces: excerpts are found by several words of their quote.
const TRIGGER = new RegExp(`(?:^|[^\\[])(\\[\\[([^\\[\\]\\n]{0,${MAX_QUERY_LENGTH}}))$`);

/** `[[` and the query the picker searches for; `[[query` is what the inserted citation replaces. */
export function matchCitationTrigger(textBeforeCaret: string): TriggerMatch | null {
  return matchTrigger(TRIGGER, textBeforeCaret);
}
