// A word-level diff (longest common subsequence) of an excerpt's old quote and its new
// one, for the review of fuzzy excerpts: what was removed, what was added, in order.
// Pure; no DOM.

export type DiffKind = 'same' | 'removed' | 'added';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Past this many cells (old words × new words) the middle is shown as replaced whole. */
export const MAX_CELLS = 2_000_000;

/**
 * Words (letters and digits, with inner `.,'’-` kept: 1.8, don't, e-mail), single
 * punctuation marks, and runs of whitespace.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|[^\s]/gu) ?? [];
}

const isSpace = (token: string) => /^\s+$/.test(token);
/** Whitespace compares as one space: a line break where a space was is no change. */
const key = (token: string) => (isSpace(token) ? ' ' : token);

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The LCS edit script of two token lists, as [kind, token] steps. */
function lcs(a: string[], b: string[]): [DiffKind, string][] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['added', t]);
  if (m === 0) return a.map((t) => ['removed', t]);
  if (n * m > MAX_CELLS) return [...a.map((t): [DiffKind, string] => ['removed', t]), ...b.map((t): [DiffKind, string] => ['added', t])];
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = key(a[i]) === key(b[j]) ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const steps: [DiffKind, string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(a[i]) === key(b[j])) {
      steps.push(['same', b[j]]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) steps.push(['removed', a[i++]]);
    else steps.push(['added', b[j++]]);
  }
  while (i < n) steps.push(['removed', a[i++]]);
  while (j < m) steps.push(['added', b[j++]]);
  return steps;
}

/**
 * The difference between `before` and `after`, word by word. Concatenating the `same`
 * and `removed` parts gives `before` (whitespace aside); `same` and `added` give `after`.
 * Within a changed stretch the removed text comes first, then the added text, and a lone
 * space between two changes joins them instead of splitting them.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && key(a[head]) === key(b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && key(a[a.length - 1 - tail]) === key(b[b.length - 1 - tail])) tail++;

  const steps: [DiffKind, string][] = [
    ...b.slice(0, head).map((t): [DiffKind, string] => ['same', t]),
    ...lcs(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...b.slice(b.length - tail).map((t): [DiffKind, string] => ['same', t]),
  ];

  // Group each changed stretch (changes and the single spaces inside it) as removed + added.
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(parts, 'removed', removed);
    push(parts, 'added', added);
    removed = '';
    added = '';
  };
  for (let k = 0; k < steps.length; k++) {
    const [kind, token] = steps[k];
    if (kind === 'removed') removed += token;
    else if (kind === 'added') added += token;
    else {
      const inChange = (removed || added) && isSpace(token) && steps[k + 1] && steps[k + 1][0] !== 'same';
      if (inChange) {
        removed += token;
        added += token;
      } else {
        flush();
        push(parts, 'same', token);
      }
    }
  }
  flush();
  return parts;
}
