// Folding for mention matching: the form in which an entity's alias and a source's text
// are compared. Per code point, independent of locale and of context:
//   - case: simple case folding (lower-case of the single-code-point upper-case, so "ſ"
//     and "s", "ς" and "σ" fold together; otherwise String#toLowerCase, never the
//     locale-sensitive variants);
//   - diacritics: NFD, every \p{M} removed, NFC again ("Espín" -> "espin"), plus the
//     letters whose stroke is not a decomposable mark: ø ł đ ħ ŧ ƀ ɨ -> o l d h t b i;
//   - apostrophe variants -> "'", hyphen and dash variants -> "-", double-quote variants
//     -> '"'; the soft hyphen (U+00AD) is removed like a mark;
//   - Arabic and Persian letter forms and tatweel, and ё, as search folds them
//     (common/scriptFold.ts);
//   - whitespace (JS \s): a run -> one space. A run is whitespace interrupted only by
//     removed characters, i.e. a space is dropped when the last folded character is a
//     space.
// Folding changes lengths (a combining accent disappears, a run of spaces shrinks), so a
// FoldedText carries a map back to the original UTF-16 offsets. The map is compact: one
// (folded position, original position) pair per place where the offset difference
// changes, which for ordinary text is a few per paragraph, not one per character.
// Everything here works on UTF-16 code units with surrogate pairs kept intact.
import { APOSTROPHES, DASHES, DOUBLE_QUOTES } from '../../../common/punctuation';
import { DROPPED, SCRIPT_FOLDS } from '../../../common/scriptFold';

const MARK = /\p{M}/gu;
const WORD = /^[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /^\s$/;

const STROKES: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ƀ: 'b', ɨ: 'i' };

const EXTRA = new Map<string, string>();
for (const ch of APOSTROPHES) EXTRA.set(ch, "'");
for (const ch of DASHES) EXTRA.set(ch, '-');
for (const ch of DOUBLE_QUOTES) EXTRA.set(ch, '"');
for (const [k, v] of Object.entries(STROKES)) EXTRA.set(k, v);
EXTRA.set('\u00AD', '');
// Letters one script writes in several ways, folded as search folds them (common/scriptFold.ts):
// Arabic and Persian letter forms, tatweel (harakat are marks, removed above anyway), ё.
for (const [k, v] of Object.entries(SCRIPT_FOLDS)) EXTRA.set(k, v === DROPPED ? '' : v.toLowerCase());

/**
 * Chinese, Japanese and Korean are written without spaces between words (Korean puts its
 * particles right after a name): their characters are no word boundary's concern, so a
 * name in them matches inside running text.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;

/** The folded form of one code point (may be empty: marks, the soft hyphen). */
export function foldCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (WHITESPACE.test(ch)) return ' ';
  const extra = EXTRA.get(ch);
  if (extra !== undefined) return extra;
  let cased = '';
  for (const c of ch.normalize('NFD').replace(MARK, '')) {
    const upper = c.toUpperCase();
    cased += [...upper].length === 1 ? upper.toLowerCase() : c.toLowerCase();
  }
  let out = '';
  for (const c of cased.normalize('NFD').replace(MARK, '').normalize('NFC')) out += EXTRA.get(c) ?? c;
  return out;
}

/** Word characters for the whole-word rule: Unicode letters, digits and marks. */
export function isWordCodePoint(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return WORD.test(ch) && !UNSPACED.test(ch);
}

// Per-code-unit table: >= 0 -> the code unit folds to exactly that one code unit;
// SKIP -> folds to nothing; COMPLEX -> surrogate, or folds to several code units.
const UNKNOWN = -1;
const SKIP = -2;
const COMPLEX = -3;
const UNIT = new Int32Array(0x10000).fill(UNKNOWN);

function fillUnit(c: number): number {
  let v: number;
  if (c >= 0xd800 && c <= 0xdfff) v = COMPLEX;
  else {
    const f = foldCodePoint(c);
    v = f.length === 0 ? SKIP : f.length === 1 ? f.charCodeAt(0) : COMPLEX;
  }
  UNIT[c] = v;
  return v;
}
for (let c = 0; c < 0x80; c++) fillUnit(c);

const COMPLEX_CACHE = new Map<number, string>();
function foldComplex(cp: number): string {
  let f = COMPLEX_CACHE.get(cp);
  if (f === undefined) {
    f = foldCodePoint(cp);
    if (COMPLEX_CACHE.size < 100_000) COMPLEX_CACHE.set(cp, f);
  }
  return f;
}

const WORD_UNIT = new Int8Array(0x10000).fill(-1);
/** Is the folded BMP code unit a word character (surrogate halves: see wordAt). */
function wordUnit(u: number): boolean {
  let w = WORD_UNIT[u];
  if (w < 0) WORD_UNIT[u] = w = isWordCodePoint(u) ? 1 : 0;
  return w === 1;
}
for (let c = 0; c < 0x80; c++) wordUnit(c);

/** Is the code point starting at `i` in `s` a word character. */
export function wordAt(s: string, i: number): boolean {
  const u = s.charCodeAt(i);
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return isWordCodePoint(((u - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return wordUnit(u);
}

/** Is the code point ending just before `i` in `s` a word character. */
export function wordBefore(s: string, i: number): boolean {
  const u = s.charCodeAt(i - 1);
  if (u >= 0xdc00 && u <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return isWordCodePoint(((h - 0xd800) << 10) + (u - 0xdc00) + 0x10000);
  }
  return wordUnit(u);
}

/**
 * A folded text, or a folded window [start, end) of a text with the context needed to
 * judge word boundaries at its edges exactly as in the folding of the whole text.
 */
export class FoldedText {
  constructor(
    /** the original text (the whole of it, also for a window) */
    readonly source: string,
    /** the folded form of source[start, end) */
    readonly folded: string,
    readonly start: number,
    readonly end: number,
    /** the folded character just before the window is a word character */
    readonly wordBefore: boolean,
    /** the folded character just after the window is a word character */
    readonly wordAfter: boolean,
    /** the original offset of the first folded character after the window (source.length if none) */
    readonly tail: number,
    /** folded positions where the offset difference changes (ascending), and their original offsets */
    private readonly mapAt: Int32Array,
    private readonly mapOrig: Int32Array,
    /** some original characters fold to several code units (offset guards needed) */
    readonly expands: boolean,
  ) {}

  /** Original offset of folded position i, 0 <= i <= folded.length (the end maps to tail). */
  toOriginal(i: number): number {
    if (i >= this.folded.length) return this.tail;
    const at = this.mapAt;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.mapOrig[lo] + (i - at[lo]);
  }

  /** The first folded position whose original offset is >= o (folded.length if none). */
  fromOriginal(o: number): number {
    const orig = this.mapOrig;
    const n = orig.length;
    if (n === 0 || o <= orig[0]) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (orig[mid] < o) lo = mid;
      else hi = mid - 1;
    }
    const segEnd = lo + 1 < n ? this.mapAt[lo + 1] : this.folded.length;
    return Math.min(this.mapAt[lo] + (o - orig[lo]), segEnd);
  }

  /** toOriginal for a sequence of non-decreasing positions, amortized O(1) per call. */
  cursor(): (i: number) => number {
    const at = this.mapAt;
    const orig = this.mapOrig;
    const n = this.folded.length;
    let k = 0;
    return (i: number) => {
      if (i >= n) return this.tail;
      if (at[k] > i) return this.toOriginal(i);
      while (k + 1 < at.length && at[k + 1] <= i) k++;
      return orig[k] + (i - at[k]);
    };
  }

  /** Number of map entries (for memory accounting). */
  get mapSize(): number {
    return this.mapAt.length;
  }
}

/** Code point at i (a lone surrogate is its own code point). */
function codePointAt(s: string, i: number, limit: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Folds source[start, end), the last folded unit before it being `last` (-1: none). */
function foldCore(source: string, start: number, end: number, last: number) {
  // One tight loop, no closures: the common character (one code unit in, one out, the
  // offset difference unchanged) costs a table lookup and a store.
  let cap = Math.max(16, end - start + 16);
  let buf8: Uint8Array<ArrayBuffer> | null = new Uint8Array(cap);
  let buf16: Uint16Array<ArrayBuffer> | null = null;
  let out = 0;
  let diff = -1; // original - folded of the current segment (never -1 for a real one)
  let at = new Int32Array(64);
  let orig = new Int32Array(64);
  let nmap = 0;
  let expands = false;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    let v = UNIT[c];
    if (v === UNKNOWN) v = fillUnit(c);
    let f: string | null = null;
    let len = 1;
    if (v >= 0) {
      if (v === 32 && last === 32) continue;
      if (i - out !== diff) {
        if (nmap === at.length) {
          at = growInt(at);
          orig = growInt(orig);
        }
        at[nmap] = out;
        orig[nmap++] = i;
        diff = i - out;
      }
      if (buf8 !== null) {
        if (v < 256) {
          buf8[out++] = v;
          last = v;
          continue;
        }
        buf16 = new Uint16Array(cap);
        buf16.set(buf8.subarray(0, out));
        buf8 = null;
      }
      (buf16 as Uint16Array)[out++] = v;
      last = v;
      continue;
    }
    if (v === SKIP) continue;
    // Surrogates, and code points folding to several code units.
    const cp = codePointAt(source, i, end);
    len = cp > 0xffff ? 2 : 1;
    f = foldComplex(cp);
    const same = f.length === len;
    if (!same && f.length > 1) expands = true;
    const need = out + f.length + (end - i) + 16;
    if (need > cap) {
      cap = Math.max(need, cap * 2);
      if (buf8 !== null) {
        const b = new Uint8Array(cap);
        b.set(buf8.subarray(0, out));
        buf8 = b;
      } else {
        const b = new Uint16Array(cap);
        b.set((buf16 as Uint16Array).subarray(0, out));
        buf16 = b;
      }
    }
    for (let j = 0; j < f.length; j++) {
      const u = f.charCodeAt(j);
      if (u === 32 && last === 32) continue;
      const o = same ? i + j : i;
      if (o - out !== diff) {
        if (nmap === at.length) {
          at = growInt(at);
          orig = growInt(orig);
        }
        at[nmap] = out;
        orig[nmap++] = o;
        diff = o - out;
      }
      if (buf8 !== null && u >= 256) {
        buf16 = new Uint16Array(cap);
        buf16.set(buf8.subarray(0, out));
        buf8 = null;
      }
      if (buf8 !== null) buf8[out++] = u;
      else (buf16 as Uint16Array)[out++] = u;
      last = u;
    }
    i += len - 1;
  }
  let folded: string;
  if (buf8 !== null) folded = Buffer.from(buf8.buffer, buf8.byteOffset, out).toString('latin1');
  else {
    const b16 = buf16 as Uint16Array;
    folded = Buffer.from(b16.buffer, b16.byteOffset, out * 2).toString('utf16le');
  }
  return { folded, at: at.slice(0, nmap), orig: orig.slice(0, nmap), expands, last };
}

function growInt(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

// The fast path. Most of a text is printable ASCII that folds to itself after
// String#toLowerCase (native, fast); only "special" stretches need the per-character
// rules: any character outside printable ASCII (and the backtick), and any space next to
// one (so that whitespace runs collapse exactly as in foldCore). The specials are found
// by a RegExp and folded by a callback of String#replace; the rest is copied natively.
// Requires toLowerCase to keep every offset: true unless the text has U+0130 (İ), the one
// character whose lower-case is longer; then foldCore does that chunk.
const SPECIAL = /[^\x21-\x5f\x61-\x7e]{2,}|[^\x20-\x5f\x61-\x7e]/g;

const CHUNK = 1 << 20;
const plainNonSpace = (c: number) => c >= 0x21 && c <= 0x7e && c !== 0x60;

function foldFast(source: string, start: number, end: number, last: number) {
  let at = new Int32Array(64);
  let orig = new Int32Array(64);
  let nmap = 0;
  let diff = -1;
  let out = 0; // folded length so far
  let expands = false;
  const mark = (o: number, q: number) => {
    if (nmap === at.length) {
      at = growInt(at);
      orig = growInt(orig);
    }
    at[nmap] = q;
    orig[nmap++] = o;
    diff = o - q;
  };
  const parts: string[] = [];
  // In chunks of about a megabyte (less memory for the lower-cased copy), each ending just
  // before a plain non-space ASCII character, so that no special stretch is cut.
  for (let pos = start; pos < end; ) {
    let stop = Math.min(end, pos + CHUNK);
    while (stop < end && !plainNonSpace(source.charCodeAt(stop))) stop++;
    const chunk = pos === 0 && stop === source.length ? source : source.slice(pos, stop);
    const lower = chunk.toLowerCase();
    if (lower.length !== chunk.length) {
      const r = foldCore(source, pos, stop, last);
      for (let i = 0; i < r.at.length; i++) if (r.orig[i] - (r.at[i] + out) !== diff) mark(r.orig[i], r.at[i] + out);
      parts.push(r.folded);
      out += r.folded.length;
      last = r.last;
      expands ||= r.expands;
      pos = stop;
      continue;
    }
    let prevEnd = 0;
    SPECIAL.lastIndex = 0;
    for (;;) {
      const m = SPECIAL.exec(lower);
      const runStart = m === null ? lower.length : m.index;
      if (runStart > prevEnd) {
        // A plain stretch: copied from the lower-cased chunk, one segment of the map.
        if (pos + prevEnd - out !== diff) mark(pos + prevEnd, out);
        parts.push(lower.slice(prevEnd, runStart));
        out += runStart - prevEnd;
        last = lower.charCodeAt(runStart - 1);
      }
      if (m === null) break;
      const runEnd = runStart + m[0].length;
      let piece = '';
      for (let j = runStart; j < runEnd; j++) {
        const c = chunk.charCodeAt(j);
        let v = UNIT[c];
        if (v === UNKNOWN) v = fillUnit(c);
        if (v >= 0) {
          if (v === 32 && last === 32) continue;
          if (pos + j - out !== diff) mark(pos + j, out);
          piece += String.fromCharCode(v);
          out++;
          last = v;
          continue;
        }
        if (v === SKIP) continue;
        const cp = codePointAt(chunk, j, runEnd);
        const len = cp > 0xffff ? 2 : 1;
        const f = foldComplex(cp);
        const same = f.length === len;
        if (!same && f.length > 1) expands = true;
        for (let q = 0; q < f.length; q++) {
          const u = f.charCodeAt(q);
          if (u === 32 && last === 32) continue;
          const o = pos + (same ? j + q : j);
          if (o - out !== diff) mark(o, out);
          piece += f[q];
          out++;
          last = u;
        }
        j += len - 1;
      }
      parts.push(piece);
      prevEnd = runEnd;
    }
    pos = stop;
  }
  return { folded: parts.join(''), at: at.slice(0, nmap), orig: orig.slice(0, nmap), expands, last };
}

/** Folds the whole text. */
export function foldText(text: string): FoldedText {
  const r = foldFast(text, 0, text.length, -1);
  return new FoldedText(text, r.folded, 0, text.length, false, false, text.length, r.at, r.orig, r.expands);
}

/** The folded form of one code point's worth of context: the folded code units of the code point at i. */
function foldedAt(source: string, i: number): string {
  const c = source.charCodeAt(i);
  let v = UNIT[c];
  if (v === UNKNOWN) v = fillUnit(c);
  if (v >= 0) return String.fromCharCode(v);
  if (v === SKIP) return '';
  return foldComplex(codePointAt(source, i, source.length));
}

/**
 * Folds the window [start, end) of a text (moved outwards so as not to split a surrogate
 * pair), with the context that makes it fold, and judge word boundaries, exactly as the
 * same stretch of foldText(text).
 */
export function foldRange(text: string, start: number, end: number): FoldedText {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  const isLow = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  const isHighBefore = (i: number) => text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
  if (isLow(start) && isHighBefore(start)) start--;
  if (isLow(end) && isHighBefore(end)) end++;
  // Context before: the last folded unit before `start` (skipping removed characters).
  let last = -1;
  let wordBeforeStart = false;
  for (let i = start - 1; i >= 0; i--) {
    let j = i;
    if (isLow(i) && i > 0 && isHighBefore(i)) j = i - 1;
    const f = foldedAt(text, j);
    i = j;
    if (f.length === 0) continue;
    last = f.charCodeAt(f.length - 1);
    wordBeforeStart = wordBefore(f, f.length);
    break;
  }
  const r = end - start > 256 ? foldFast(text, start, end, last) : foldCore(text, start, end, last);
  // Context after: the first folded unit after `end` that the whole folding would emit.
  let wordAfterEnd = false;
  let tail = text.length;
  let prev = r.folded.length > 0 ? r.last : last;
  for (let i = end; i < text.length; i++) {
    const f = foldedAt(text, i);
    const len = codePointAt(text, i, text.length) > 0xffff ? 2 : 1;
    let k = 0;
    while (k < f.length && f.charCodeAt(k) === 32 && prev === 32) k++;
    if (k < f.length) {
      tail = i;
      wordAfterEnd = wordAt(f, k);
      break;
    }
    if (f.length > 0) prev = f.charCodeAt(f.length - 1);
    i += len - 1;
  }
  return new FoldedText(text, r.folded, start, end, wordBeforeStart, wordAfterEnd, tail, r.at, r.orig, r.expands);
}

/** The folded form of an alias: folded like text, without leading or trailing space. */
export function foldAlias(alias: string): string {
  const f = foldCore(alias, 0, alias.length, -1).folded;
  let a = 0;
  let b = f.length;
  while (a < b && f.charCodeAt(a) === 32) a++;
  while (b > a && f.charCodeAt(b - 1) === 32) b--;
  return f.slice(a, b);
}

/** Every BMP code unit that folds to the single code unit u (for building raw-text pre-filters). */
let REVERSE: Map<number, number[]> | null = null;
export function rawVariants(u: number): readonly number[] {
  if (REVERSE === null) {
    REVERSE = new Map();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      let v = UNIT[c];
      if (v === UNKNOWN) v = fillUnit(c);
      if (v < 0) continue;
      let list = REVERSE.get(v);
      if (!list) REVERSE.set(v, (list = []));
      list.push(c);
    }
  }
  return REVERSE.get(u) ?? [];
}
