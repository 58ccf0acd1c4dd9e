// Finding the mentions of entities in a source's text: every occurrence of an entity's
// name or alias, by these rules (tests/unit/mentions/matcher.test.ts checks each):
//   - compared folded (fold.ts): case-, diacritic-, apostrophe-, hyphen-insensitive, a run
//     of whitespace in the text matching the single space between an alias's words;
//   - whole words only: the folded characters just before and just after a match are not
//     word characters (\p{L}\p{N}\p{M}, but not Chinese, Japanese or Korean characters,
//     written without spaces: a name in them matches inside running text). Possessives need no rule of their own: in
//     "Maduro's", "Maduro’s", "Venezuelas’" the apostrophe is not a word character, so
//     "Maduro" and "Venezuelas" match and the match ends before the apostrophe;
//   - leftmost-longest, non-overlapping: of the matches starting leftmost the longest is
//     taken ("Tarek El Aissami" is one mention, not also "El Aissami"), then the scan goes
//     on after it. A longer alias that fails the whole-word rule does not block a shorter
//     one that passes it;
//   - ties (aliases of different entities, or of one entity, that fold to the same string):
//     the alias registered FIRST wins; the later ones never produce mentions;
//   - offsets are UTF-16 offsets into the original text: text.slice(start, end) is the
//     original spelling, accents, curly apostrophes and line breaks included. A combining
//     accent right after the last letter belongs to the match.
//
// How: one Aho–Corasick automaton over the folded aliases (a dense DFA over the alphabet
// of the aliases' code units — one table lookup per character of text — or, when that
// table would be too large, goto edges with failure links). The text is folded once
// (fold.ts) and scanned in one pass; every match the automaton reports passes the
// whole-word check on the folded text, and candidates are committed leftmost-longest as
// soon as the automaton's depth shows no later match can start at or before them.
//
// Adding one alias to an already-scanned text: scanForAlias. See there.

import { type FoldedText, foldAlias, foldRange, foldText, rawVariants, wordAt, wordBefore } from './fold';

export interface Mention {
  entityId: string;
  /** UTF-16 offsets into the original text */
  start: number;
  end: number;
  /** the original text slice */
  text: string;
  /** the registered alias (as given) that matched */
  alias: string;
}

export interface AliasEntry {
  entityId: string;
  alias: string;
}

/** What adding one alias changes in a text's mentions. */
export interface MentionDelta {
  add: Mention[];
  remove: Mention[];
}

/** A text's current mentions and the matcher that found them (its aliases, in order). */
export interface ScannedText {
  matcher: MentionMatcher;
  /** matcher.scan(text), in text order */
  mentions: readonly Mention[];
}

interface Pattern {
  entityId: string;
  alias: string;
  folded: string;
}

/** A match candidate in folded coordinates; `fresh` marks the alias being added. */
interface Candidate {
  s: number;
  e: number;
  pattern: Pattern;
  fresh: boolean;
}

/** Dense transition tables above this many entries fall back to goto edges + failure links. */
const DENSE_LIMIT = 1 << 23;

export class MentionMatcher {
  private readonly entries: readonly AliasEntry[];
  private readonly patterns: Pattern[] = [];
  private readonly count: number;
  /** folded code unit -> alphabet class (0: not in any alias) */
  private readonly cls = new Int32Array(0x10000);
  private readonly K: number;
  /** dense DFA: delta[state * K + class] = next state * K, bitwise-negated when it has output */
  private readonly delta: Int32Array | null;
  /** sparse mode: goto edges (state * K + class -> state) and failure links */
  private readonly gotoEdges: Map<number, number> | null;
  private readonly fail: Int32Array;
  private readonly depth: Int32Array;
  /** pattern index ending at the state, or -1 */
  private readonly out: Int32Array;
  /** nearest state on the failure chain with a pattern, or -1 */
  private readonly dict: Int32Array;
  private readonly hasOut: Uint8Array;
  /** longest folded alias */
  readonly maxLength: number;

  constructor(aliases: readonly AliasEntry[]) {
    this.entries = aliases.slice();
    const index = new Map<string, number>();
    let count = 0;
    let maxLength = 0;
    for (const { entityId, alias } of aliases) {
      const folded = foldAlias(alias);
      if (folded.length === 0) continue;
      count++;
      if (index.has(folded)) continue;
      index.set(folded, this.patterns.length);
      this.patterns.push({ entityId, alias, folded });
      maxLength = Math.max(maxLength, folded.length);
    }
    this.count = count;
    this.maxLength = maxLength;

    let K = 1;
    for (const p of this.patterns) {
      for (let i = 0; i < p.folded.length; i++) {
        const u = p.folded.charCodeAt(i);
        if (this.cls[u] === 0) this.cls[u] = K++;
      }
    }
    this.K = K;

    // The trie.
    const edges = new Map<number, number>();
    const children: number[][] = [[]];
    const depth: number[] = [0];
    const out: number[] = [-1];
    this.patterns.forEach((p, pi) => {
      let st = 0;
      for (let i = 0; i < p.folded.length; i++) {
        const k = this.cls[p.folded.charCodeAt(i)];
        const key = st * K + k;
        let next = edges.get(key);
        if (next === undefined) {
          next = depth.length;
          edges.set(key, next);
          children[st].push(k, next);
          children.push([]);
          depth.push(depth[st] + 1);
          out.push(-1);
        }
        st = next;
      }
      out[st] = pi;
    });
    const n = depth.length;
    this.depth = Int32Array.from(depth);
    this.out = Int32Array.from(out);
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n).fill(-1);
    this.hasOut = new Uint8Array(n);

    const dense = n * K <= DENSE_LIMIT ? new Int32Array(n * K) : null;
    // Breadth-first: failure links, dictionary links, and (dense) the full transition rows.
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    const kids0 = children[0];
    for (let j = 0; j < kids0.length; j += 2) {
      queue[tail++] = kids0[j + 1];
      if (dense) dense[kids0[j]] = kids0[j + 1];
    }
    while (head < tail) {
      const s = queue[head++];
      const f = this.fail[s];
      if (dense) dense.copyWithin(s * K, f * K, f * K + K);
      const kids = children[s];
      for (let j = 0; j < kids.length; j += 2) {
        const k = kids[j];
        const c = kids[j + 1];
        this.fail[c] = dense ? dense[f * K + k] : this.stepSparse(edges, f, k);
        queue[tail++] = c;
        if (dense) dense[s * K + k] = c;
      }
      this.dict[s] = this.out[f] >= 0 ? f : this.dict[f];
      this.hasOut[s] = this.out[s] >= 0 || this.dict[s] >= 0 ? 1 : 0;
    }
    if (dense) {
      // Mark transitions into states with output (bitwise NOT), so the scan loop tests one number.
      // Store premultiplied targets (state * K), so a step is one add and one load.
      for (let i = 0; i < dense.length; i++) {
        const t = dense[i];
        dense[i] = this.hasOut[t] ? ~(t * K) : t * K;
      }
    }
    this.delta = dense;
    this.gotoEdges = dense ? null : edges;
  }

  private stepSparse(edges: Map<number, number>, s: number, k: number): number {
    for (;;) {
      const next = edges.get(s * this.K + k);
      if (next !== undefined) return next;
      if (s === 0) return 0;
      s = this.fail[s];
    }
  }

  /** Number of aliases registered (with a non-empty folded form), duplicates included. */
  get size(): number {
    return this.count;
  }

  /** The aliases this matcher was built from, in registration order. */
  get aliases(): readonly AliasEntry[] {
    return this.entries;
  }

  /** A new matcher with one more alias, registered last (it loses ties). */
  withAlias(entityId: string, alias: string): MentionMatcher {
    return new MentionMatcher([...this.entries, { entityId, alias }]);
  }

  /** Every mention in the text, in text order. Pass a FoldedText to reuse a folding. */
  scan(text: string | FoldedText): Mention[] {
    const ft = typeof text === 'string' ? foldText(text) : text;
    const f = ft.folded;
    const n = f.length;
    const { cls, K, depth, out, dict, hasOut, patterns } = this;
    const delta = this.delta;
    const edges = this.gotoEdges;
    const source = ft.source;
    const toOriginal = ft.cursor();
    const mentions: Mention[] = [];

    // Pending candidates (few): start, end, pattern. One loop, no closures: this is the hot path.
    let pS = new Int32Array(16);
    let pE = new Int32Array(16);
    let pP = new Int32Array(16);
    let np = 0;
    let lastEnd = 0;
    let st = 0;
    let row = 0; // dense: st * K
    for (let i = 0; i <= n; i++) {
      let frontier = Number.POSITIVE_INFINITY;
      if (i < n) {
        const k = cls[f.charCodeAt(i)];
        let output: boolean;
        if (delta !== null) {
          row = delta[row + k];
          output = row < 0;
          if (output) row = ~row;
          if (!output && np === 0) continue;
          st = (row / K) | 0;
        } else {
          st = this.stepSparse(edges as Map<number, number>, st, k);
          output = hasOut[st] === 1;
        }
        if (output) {
          const e = i + 1;
          for (let t = out[st] >= 0 ? st : dict[st]; t >= 0; t = dict[t]) {
            const s = e - depth[t];
            if (s < lastEnd || !acceptSpan(ft, s, e)) continue;
            if (np === pS.length) {
              pS = grow(pS);
              pE = grow(pE);
              pP = grow(pP);
            }
            pS[np] = s;
            pE[np] = e;
            pP[np] = out[t];
            np++;
          }
        }
        if (np === 0) continue;
        frontier = i + 1 - depth[st];
      }
      // Commit, leftmost-longest, every pending candidate no later match can start before.
      while (np > 0) {
        let j = 0;
        for (let q = 1; q < np; q++) if (pS[q] < pS[j] || (pS[q] === pS[j] && pE[q] > pE[j])) j = q;
        if (pS[j] >= frontier) break;
        const p = patterns[pP[j]];
        const start = toOriginal(pS[j]);
        const end = toOriginal(pE[j]);
        mentions.push({ entityId: p.entityId, start, end, text: source.slice(start, end), alias: p.alias });
        lastEnd = pE[j];
        let w = 0;
        for (let q = 0; q < np; q++) {
          if (pS[q] >= lastEnd) {
            pS[w] = pS[q];
            pE[w] = pE[q];
            pP[w] = pP[q];
            w++;
          }
        }
        np = w;
      }
    }
    return mentions;
  }

  /**
   * Every candidate (not just the selected ones) starting in [from, to) of the folded
   * window. `complete` is false when the window ends before it is known that no further
   * candidate can start before `to`.
   * @internal
   */
  candidates(ft: FoldedText, from: number, to: number): { list: Candidate[]; complete: boolean } {
    const f = ft.folded;
    const n = f.length;
    const { cls, K, depth, out, dict, delta } = this;
    const list: Candidate[] = [];
    let st = 0;
    for (let i = from; i < n; i++) {
      if (i >= to && i - depth[st] >= to) return { list, complete: true };
      const k = cls[f.charCodeAt(i)];
      if (delta) {
        const row = delta[st * K + k];
        st = ((row < 0 ? ~row : row) / K) | 0;
      } else st = this.stepSparse(this.gotoEdges as Map<number, number>, st, k);
      if (this.hasOut[st]) {
        const e = i + 1;
        for (let t = out[st] >= 0 ? st : dict[st]; t >= 0; t = dict[t]) {
          const s = e - depth[t];
          if (s >= from && s < to && acceptSpan(ft, s, e)) list.push({ s, e, pattern: this.patterns[out[t]], fresh: false });
        }
      }
    }
    return { list, complete: ft.tail >= ft.source.length || n - depth[st] >= to };
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function acceptSpan(ft: FoldedText, s: number, e: number): boolean {
  const f = ft.folded;
  if (s > 0 ? wordBefore(f, s) : ft.wordBefore) return false;
  if (e < f.length ? wordAt(f, e) : ft.wordAfter) return false;
  if (ft.expands) {
    if (s > 0 && ft.toOriginal(s) === ft.toOriginal(s - 1)) return false;
    if (ft.toOriginal(e) === ft.toOriginal(e - 1)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Adding one alias.
//
// The new alias can change more than its own occurrences: where one overlaps an existing
// mention, leftmost-longest decides between them, and a mention it displaces can free the
// place for a candidate the old selection had dropped (aliases "b c", "c d" on "a b c d"
// give "b c"; adding "a b" gives "a b" and "c d"). So the delta is computed region by
// region: from a point before the new occurrence where the old selection is known to be
// "free" (not inside an old mention), the old aliases' candidates and the new alias's
// occurrences are selected together, until the new selection falls back in step with the
// old one (both free at the same point). That needs the old matcher, not only the old
// mentions; the cost is bounded by the regions, not by the text.
//
// Finding the new alias's occurrences: in a FoldedText kept from the scan, by
// String#indexOf of the folded alias (exact, and the cheapest). In a raw string, by a
// pre-filter: a RegExp for a "core" of the alias — a run of its letters and digits,
// starting at the rarest letter (so the engine seldom gets past the first character) —
// with every raw spelling of each character (case and accent variants, combining marks
// and soft hyphens in between: exact, no occurrence can be missed); only the
// neighbourhoods of the hits are folded (widened until every region fits in them).

class NeedWider extends Error {}

/**
 * The change to a text's mentions when one alias is added (registered after all existing
 * ones, so it loses ties): `add` the new mentions (of this alias, and of existing aliases
 * freed by it), `remove` the existing mentions it displaces (the very objects of
 * `existing.mentions`). Applying the delta gives exactly
 * `existing.matcher.withAlias(entityId, alias).scan(text)`.
 *
 * `existing.mentions` must be `existing.matcher.scan(text)` (in text order). Without
 * `existing`, `add` is the alias's own mentions in the text and `remove` is empty.
 *
 * `text` may be the FoldedText the scan was given (foldText(text)): then no folding at
 * all is needed. A raw string is pre-filtered, see above.
 */
export function scanForAlias(text: string | FoldedText, alias: string, entityId: string, existing?: ScannedText): MentionDelta {
  const folded = foldAlias(alias);
  const pattern: Pattern = { entityId, alias, folded };
  if (folded.length === 0) return { add: [], remove: [] };
  if (typeof text !== 'string') {
    // A whole text's folding: search it directly. (A window of one: use its source.)
    if (text.start === 0 && text.tail >= text.source.length) return deltaInWindow(text, pattern, existing, null);
    text = text.source;
  }

  const hits = prefilter(text, folded);
  if (hits === null) return deltaInWindow(foldText(text), pattern, existing, null);
  if (hits.length === 0) return { add: [], remove: [] };
  let margin = 64 + 2 * (folded.length + (existing?.matcher.maxLength ?? 0));
  for (;;) {
    const windows: [number, number, number[]][] = [];
    for (const h of hits) {
      const a = h - margin;
      const b = h + folded.length + margin;
      const last = windows[windows.length - 1];
      if (last && a <= last[1]) {
        last[1] = b;
        last[2].push(h);
      } else windows.push([a, b, [h]]);
    }
    const covered = windows.reduce((sum, w) => sum + (w[1] - w[0]), 0);
    if (covered >= text.length / 2) return deltaInWindow(foldText(text), pattern, existing, null);
    try {
      const add: Mention[] = [];
      const remove: Mention[] = [];
      for (const [a, b, inWindow] of windows) {
        const d = deltaInWindow(foldRange(text, a, b), pattern, existing, inWindow);
        add.push(...d.add);
        remove.push(...d.remove);
      }
      return { add, remove };
    } catch (err) {
      if (!(err instanceof NeedWider)) throw err;
      margin *= 4;
    }
  }
}

const SKIPPABLE = '[\\p{M}\\u00AD\\u0640]*';
const CORE_CACHE = new Map<string, RegExp | null>();

/** Original offsets of every occurrence of the alias's core (overlapping ones too), or null when the alias has no usable core. */
function prefilter(text: string, folded: string): number[] | null {
  let re = CORE_CACHE.get(folded);
  if (re === undefined) {
    re = buildCore(folded);
    if (CORE_CACHE.size > 1000) CORE_CACHE.clear();
    CORE_CACHE.set(folded, re);
  }
  if (re === null) return null;
  const hits: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return hits;
}

function coreUnit(u: number): boolean {
  // Letters and digits whose every raw spelling is a BMP code unit: no surrogates, and not
  // the CJK ideographs (compatibility ideographs outside the BMP fold to them).
  if (u >= 0xd800 && u <= 0xdfff) return false;
  if ((u >= 0x2e80 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff)) return false;
  return wordAt(String.fromCharCode(u), 0);
}

// How often a letter starts a RegExp attempt in ordinary (Latin-script) text: the core
// starts at its rarest letter, so the engine rarely gets past the first character class.
const FREQ: Record<string, number> = {
  e: 12.7, t: 9.1, a: 8.2, o: 7.5, i: 7.0, n: 6.7, s: 6.3, h: 6.1, r: 6.0, d: 4.3, l: 4.0, c: 2.8, u: 2.8, m: 2.4,
  w: 2.4, f: 2.2, g: 2.0, y: 2.0, p: 1.9, b: 1.5, v: 1.0, k: 0.8, j: 0.15, x: 0.15, q: 0.1, z: 0.07,
};
const CORE_MAX = 12;

function buildCore(folded: string): RegExp | null {
  // The alias's runs of letters and digits; the core starts at the rarest letter of any
  // run (ties: the longer rest of the run) and runs to the end of that run (at most CORE_MAX).
  let best = '';
  let bestScore = Number.POSITIVE_INFINITY;
  let runStart = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && coreUnit(folded.charCodeAt(i))) continue;
    for (let j = runStart; j < i; j++) {
      const ch = folded[j];
      const rest = Math.min(i - j, CORE_MAX);
      const freq = FREQ[ch] ?? (ch >= '0' && ch <= '9' ? 0.5 : 0.05);
      // Prefer rare starts, but not at the price of a core of one or two characters.
      const score = freq * (rest >= 4 ? 1 : rest === 3 ? 4 : rest === 2 ? 20 : 100);
      if (score < bestScore || (score === bestScore && rest > best.length)) {
        bestScore = score;
        best = folded.slice(j, j + rest);
      }
    }
    runStart = i + 1;
  }
  if (best.length === 0) return null;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const parts = Array.from(best, (ch) => `[${rawVariants(ch.charCodeAt(0)).map(hex).join('')}]`);
  return new RegExp(parts.join(SKIPPABLE), 'gu');
}

/** Occurrences of the pattern in the window (overlapping ones too), whole-word. */
function occurrences(ft: FoldedText, pattern: Pattern, hits: number[] | null): Candidate[] {
  const f = ft.folded;
  const len = pattern.folded.length;
  if (hits !== null && (ft.start > 0 || ft.tail < ft.source.length)) {
    for (const h of hits) {
      const hp = ft.fromOriginal(h);
      if ((hp - len < 0 && ft.start > 0) || (hp + len > f.length && ft.tail < ft.source.length)) throw new NeedWider();
    }
  }
  const list: Candidate[] = [];
  for (let p = f.indexOf(pattern.folded); p >= 0; p = f.indexOf(pattern.folded, p + 1)) {
    if (acceptSpan(ft, p, p + len)) list.push({ s: p, e: p + len, pattern, fresh: true });
  }
  return list;
}

function toMention(ft: FoldedText, c: Candidate): Mention {
  const start = ft.toOriginal(c.s);
  const end = ft.toOriginal(c.e);
  return { entityId: c.pattern.entityId, start, end, text: ft.source.slice(start, end), alias: c.pattern.alias };
}

/** Leftmost-longest, non-overlapping; on equal spans the existing aliases win. */
function select(cands: Candidate[], from: number): Candidate[] {
  cands.sort((a, b) => a.s - b.s || b.e - a.e || Number(a.fresh) - Number(b.fresh));
  const chosen: Candidate[] = [];
  let lastEnd = from;
  for (const c of cands) {
    if (c.s >= lastEnd) {
      chosen.push(c);
      lastEnd = c.e;
    }
  }
  return chosen;
}

/** Index of the last mention with start <= o (-1 if none). */
function lastStartingAtOrBefore(mentions: readonly Mention[], o: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start <= o) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

function deltaInWindow(ft: FoldedText, pattern: Pattern, existing: ScannedText | undefined, hits: number[] | null): MentionDelta {
  const fresh = occurrences(ft, pattern, hits);
  if (!existing) return { add: select(fresh, 0).map((c) => toMention(ft, c)), remove: [] };
  const { matcher, mentions } = existing;
  const add: Mention[] = [];
  const remove: Mention[] = [];
  const windowEnd = ft.folded.length;
  const isWindow = ft.start > 0 || ft.tail < ft.source.length;
  let E = -1;
  let k = 0;
  while (k < fresh.length) {
    const c = fresh[k];
    if (c.s < E) {
      k++;
      continue;
    }
    // A point where the old selection is free: c's start, or the start of the old mention around it.
    const cOrig = ft.toOriginal(c.s);
    let x = c.s;
    const j = lastStartingAtOrBefore(mentions, cOrig);
    if (j >= 0 && mentions[j].start < cOrig && mentions[j].end > cOrig) {
      if (mentions[j].start < ft.start) throw new NeedWider();
      x = ft.fromOriginal(mentions[j].start);
    }
    let to = c.e;
    for (;;) {
      const { list, complete } = matcher.candidates(ft, x, to);
      if (!complete) throw new NeedWider();
      for (let q = k; q < fresh.length && fresh[q].s < to; q++) if (fresh[q].s >= x) list.push(fresh[q]);
      const chosen = select(list, x);
      const Lc = chosen.length ? chosen[chosen.length - 1].e : x;
      // The old mentions in [x, to), in folded coordinates.
      const xOrig = ft.toOriginal(x);
      const toOrig = ft.toOriginal(to);
      const old: { m: Mention; s: number; e: number }[] = [];
      for (let q = lastStartingAtOrBefore(mentions, xOrig - 1) + 1; q < mentions.length && mentions[q].start < toOrig; q++) {
        const m = mentions[q];
        if (isWindow && m.end > ft.tail) throw new NeedWider();
        old.push({ m, s: ft.fromOriginal(m.start), e: ft.fromOriginal(m.end) });
      }
      const Lo = old.length ? old[old.length - 1].e : x;
      const Ec = Math.max(Lc, to);
      const Eo = Math.max(Lo, to);
      if (Ec === Eo) {
        const kept = new Set<string>();
        for (const ch of chosen) if (!ch.fresh) kept.add(`${ch.s}:${ch.e}`);
        const had = new Set(old.map((o) => `${o.s}:${o.e}`));
        for (const o of old) if (!kept.has(`${o.s}:${o.e}`)) remove.push(o.m);
        for (const ch of chosen) if (ch.fresh || !had.has(`${ch.s}:${ch.e}`)) add.push(toMention(ft, ch));
        E = Ec;
        break;
      }
      to = Math.max(Ec, Eo);
      if (to > windowEnd) {
        if (isWindow) throw new NeedWider();
        to = windowEnd;
      }
    }
    k++;
  }
  return { add, remove };
}
