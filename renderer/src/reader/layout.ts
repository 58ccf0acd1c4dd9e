// Pure layout of a source's text for the reader. The text is cut into blocks — its
// paragraphs (split on blank lines; a very long one is split again at line breaks or
// spaces, so no block is huge) — which the reader renders only near the viewport. A
// block is cut into segments at every excerpt boundary and page start, each segment
// knowing which excerpts cover it, so overlapping excerpts all stay visible. Offsets are
// exact offsets in the text: whatever is not inside a block is a separator.

export interface Mark {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the marks covering this whole segment, in the order given. */
  ids: string[];
}

export interface Block {
  start: number;
  end: number;
  /** This block continues the paragraph of the block before it (a long paragraph split). */
  continued: boolean;
  /** Line breaks inside the block (for the height estimate). */
  lineBreaks: number;
}

export const PARAGRAPH_SEPARATOR = '\n\n';
/** The longest block, in characters: longer paragraphs are split. */
export const MAX_BLOCK_CHARS = 6_000;

function countLineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Paragraph spans of `text`: separated by blank lines, empty ones left out. */
export function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const next = text.indexOf(PARAGRAPH_SEPARATOR, start);
    const end = next === -1 ? text.length : next;
    if (end > start) out.push({ start, end });
    if (next === -1) break;
    start = next + PARAGRAPH_SEPARATOR.length;
  }
  return out;
}

/**
 * The blocks of `text`. A paragraph longer than `maxChars` is split at its last line
 * break before the limit (the break itself belongs to no block: the next block starts a
 * new line anyway), else after its last space (kept in the first part), else at the limit.
 */
export function blocksOf(text: string, maxChars = MAX_BLOCK_CHARS): Block[] {
  const out: Block[] = [];
  for (const p of paragraphsOf(text)) {
    let start = p.start;
    let continued = false;
    while (p.end - start > maxChars) {
      const limit = start + maxChars;
      const newline = text.lastIndexOf('\n', limit - 1);
      let end: number;
      let next: number;
      if (newline > start + maxChars / 4) {
        end = newline;
        next = newline + 1;
      } else {
        const space = text.lastIndexOf(' ', limit - 1);
        end = next = space > start + maxChars / 4 ? space + 1 : limit;
      }
      out.push({ start, end, continued, lineBreaks: countLineBreaks(text, start, end) });
      start = next;
      continued = true;
    }
    if (p.end > start) out.push({ start, end: p.end, continued, lineBreaks: countLineBreaks(text, start, p.end) });
  }
  return out;
}

/** The index of the block holding `offset`, or of the first block after it (a separator); -1 when none. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  if (blocks.length === 0) return -1;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  if (offset >= blocks[lo].end && lo + 1 < blocks.length) return lo + 1;
  return lo;
}

/**
 * One block cut into segments at every mark boundary and at every `extraCuts` offset
 * (page starts) inside it. `marks` may be any marks of the text; those outside the
 * block are ignored.
 */
export function segmentsOf(block: { start: number; end: number }, marks: readonly Mark[], extraCuts: readonly number[] = []): Segment[] {
  const { start, end } = block;
  const inside = marks.filter((m) => m.end > m.start && m.start < end && m.end > start);
  const points = new Set<number>([start, end]);
  for (const m of inside) {
    if (m.start > start) points.add(m.start);
    if (m.end < end) points.add(m.end);
  }
  for (const c of extraCuts) if (c > start && c < end) points.add(c);
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const s = sorted[i];
    const e = sorted[i + 1];
    segments.push({ start: s, end: e, ids: inside.filter((m) => m.start <= s && m.end >= e).map((m) => m.id) });
  }
  return segments;
}

/** Every block of the text with its segments (small texts, tests). */
export function layoutText(text: string, marks: readonly Mark[]): (Block & { segments: Segment[] })[] {
  return blocksOf(text).map((b) => ({ ...b, segments: segmentsOf(b, marks) }));
}

/** Where page markers go: before a block (the page starts with it) or inside one. */
export interface PageMarks {
  /** Block index → the page starting with that block. */
  atBlock: Map<number, number>;
  /** Block index → pages starting inside the block, by offset. */
  inBlock: Map<number, { offset: number; page: number }[]>;
  /** Page → the confidence (0–100) of the pages read by OCR: their markers say so. */
  ocr: ReadonlyMap<number, number>;
}

/** A page marker's visible label and its spoken name: "p. 3 · OCR 93%", "Page 3, read by OCR, confidence 93%". */
export function pageLabel(page: number, ocr: ReadonlyMap<number, number>): { label: string; name: string } {
  const confidence = ocr.get(page);
  if (confidence === undefined) return { label: `p. ${page}`, name: `Page ${page}` };
  const c = Math.round(confidence);
  return { label: `p. ${page} · OCR ${c}%`, name: `Page ${page}, read by OCR, confidence ${c}%` };
}

export function pageMarksOf(blocks: readonly Block[], pages: readonly { page: number; start: number }[] | null, ocr: readonly { page: number; confidence: number }[] | null = null): PageMarks {
  const marks: PageMarks = { atBlock: new Map(), inBlock: new Map(), ocr: new Map(ocr?.map((p) => [p.page, p.confidence])) };
  if (!pages) return marks;
  for (const p of pages) {
    const i = blockIndexAt(blocks, p.start);
    if (i === -1) continue;
    const b = blocks[i];
    if (p.start <= b.start) {
      if (!marks.atBlock.has(i)) marks.atBlock.set(i, p.page);
    } else if (p.start < b.end) {
      const list = marks.inBlock.get(i) ?? [];
      list.push({ offset: p.start, page: p.page });
      marks.inBlock.set(i, list);
    }
  }
  return marks;
}
