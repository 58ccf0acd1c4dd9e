// The word-pair index of a folded text: where to look for a quote that is no longer exact.
import { foldWithMap } from './fold';

export function tokenHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 0x20; // case changes should not hide a passage
    h = Math.imul(h ^ c, 16777619);
  }
  return h >>> 0;
}

export const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b)) >>> 0;

interface Tokens {
  start: Int32Array;
  end: Int32Array;
  count: number;
}

export function tokenize(s: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s.charCodeAt(i) === 0x20) i++;
    if (i >= s.length) break;
    const b = i;
    while (i < s.length && s.charCodeAt(i) !== 0x20) i++;
    start.push(b);
    end.push(i);
  }
  return { start: Int32Array.from(start), end: Int32Array.from(end), count: start.length };
}

export class TextIndex {
  readonly folded: string;
  readonly map: Int32Array;
  private tokens?: Tokens;
  private hashes?: Uint32Array;
  private keys?: Float64Array;
  private posScale = 1;
  private hashShift = 0;

  constructor(readonly text: string) {
    const f = foldWithMap(text);
    this.folded = f.folded;
    this.map = f.map;
  }

  /** Original [start, end) of the folded span [fs, fe). */
  toOriginal(fs: number, fe: number): { start: number; end: number } {
    if (fe <= fs) {
      const at = fs < this.map.length ? this.map[fs] : this.text.length;
      return { start: at, end: at };
    }
    return { start: this.map[fs], end: this.map[fe - 1] + 1 };
  }

  /** The folded offset of an original offset (the first folded character at or after it). */
  toFolded(offset: number): number {
    let lo = 0;
    let hi = this.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get tokenStarts(): Int32Array {
    this.build();
    return this.tokens!.start;
  }

  private build(): void {
    if (this.keys) return;
    const t = tokenize(this.folded);
    const hashes = new Uint32Array(t.count);
    for (let j = 0; j < t.count; j++) hashes[j] = tokenHash(this.folded, t.start[j], t.end[j]);
    // Keys pack (pair hash, token position) into one exactly representable double so a
    // single typed-array sort builds the index: 53 bits = hash bits + position bits.
    const posBits = Math.max(1, Math.ceil(Math.log2(t.count + 1)));
    const hashBits = Math.min(32, 53 - posBits);
    this.posScale = 2 ** posBits;
    this.hashShift = 32 - hashBits;
    const keys = new Float64Array(Math.max(0, t.count - 1));
    for (let j = 0; j + 1 < t.count; j++) keys[j] = this.hashPart(pairHash(hashes[j], hashes[j + 1])) * this.posScale + j;
    keys.sort();
    this.tokens = t;
    this.hashes = hashes;
    this.keys = keys;
  }

  /** The folded text's tokens (words between spaces) and their hashes. */
  get tokenList(): Tokens & { hashes: Uint32Array } {
    this.build();
    return { ...this.tokens!, hashes: this.hashes! };
  }

  private hashPart(h: number): number {
    return this.hashShift === 0 ? h : Math.floor(h / 2 ** this.hashShift);
  }

  /** Token positions j where tokens j, j+1 hash like the pair `h`; null when more than `cap`. */
  postings(h: number, cap: number): number[] | null {
    this.build();
    const keys = this.keys!;
    const base = this.hashPart(h) * this.posScale;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < base) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < keys.length && keys[k] < base + this.posScale; k++) {
      if (out.length >= cap) return null;
      out.push(keys[k] - base);
    }
    return out;
  }
}
