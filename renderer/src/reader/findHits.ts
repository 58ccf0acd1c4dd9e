// Find in the open source, the text typed: every occurrence, case and diacritics aside
// where folding keeps the text's offsets. Pure (no DOM), so it is tested in Node.

/** More occurrences than this are counted but not all highlighted ("1 of 5,000+"). */
export const MAX_HITS = 5000;

export type Hit = readonly [start: number, end: number];

/** Lower case without marks, one character for one (or null when folding would move offsets). */
function foldForFind(text: string): string | null {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.length === text.length) return folded.toLowerCase();
  // Decomposed marks took room: fold each character alone, keeping one for one.
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out.length === text.length ? out : null;
}

export function findHits(text: string, query: string): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const hay = foldForFind(text) ?? text;
  const needle = (foldForFind(q) ?? q).trim();
  const hits: Hit[] = [];
  for (let at = hay.indexOf(needle); at >= 0 && hits.length < MAX_HITS; at = hay.indexOf(needle, at + needle.length)) hits.push([at, at + needle.length]);
  return hits;
}
