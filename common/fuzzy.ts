// Fuzzy matching of a typed query against a name, as command palettes do: every
// character of the query, in order, case-insensitively; a match at the start of a word
// or right after the previous matched character scores higher. Pure, so the window and
// any future switcher rank the same way.

/** The match's score (higher is better), or null when `query` is not a subsequence of `text`. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const at = t.indexOf(ch, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_.:/(]/.test(t[at - 1]);
    score += at === previous + 1 ? 3 : wordStart ? 2 : 1;
    previous = at;
    from = at + 1;
  }
  // A shorter name with the same matches is the likelier meaning.
  return score - t.length / 100;
}
