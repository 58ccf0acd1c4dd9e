// Pure layout of a source's text for the reader: paragraphs (split on blank lines, offsets
// kept exact, separators included) cut into segments at every excerpt boundary, each
// segment knowing which excerpts cover it — so overlapping excerpts all stay visible.

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

export interface Paragraph {
  start: number;
  end: number;
  segments: Segment[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

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

export function layoutText(text: string, marks: readonly Mark[]): Paragraph[] {
  const usable = marks.filter((m) => m.end > m.start);
  const cuts = new Set<number>();
  for (const m of usable) {
    cuts.add(Math.max(0, m.start));
    cuts.add(Math.min(text.length, m.end));
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  return paragraphsOf(text).map(({ start, end }) => {
    const points = [start, ...sortedCuts.filter((c) => c > start && c < end), end];
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const s = points[i];
      const e = points[i + 1];
      segments.push({ start: s, end: e, ids: usable.filter((m) => m.start <= s && m.end >= e).map((m) => m.id) });
    }
    return { start, end, segments };
  });
}
