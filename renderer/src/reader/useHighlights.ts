// What SourceText draws over the text, as one object: the marks (every excerpt placed in
// this version, the passage being saved, a passage revealed by offset) with each
// excerpt's hue, length and state, the excerpt in focus or selected, and entity mentions.
import { useMemo } from 'react';
import type { SourceMention } from '../entities/mentions';
import type { ExcerptView } from '../types';
import { tagHue } from './colors';
import type { Mark } from './layout';
import { PASSAGE, PENDING, type Highlights } from './SourceText';

export function useHighlights({
  excerpts,
  placed,
  pending,
  passage,
  focusedId,
  focusNonce,
  selectedId,
  mentions,
}: {
  excerpts: readonly ExcerptView[];
  placed: (excerpt: ExcerptView) => boolean;
  /** The passage being saved as an excerpt. */
  pending: { start: number; end: number } | null;
  passage: { start: number; end: number } | null;
  focusedId: string | null;
  focusNonce: number;
  selectedId: string | null;
  mentions: readonly SourceMention[];
}): Highlights {
  const marks = useMemo<Mark[]>(() => {
    const list: Mark[] = excerpts.filter(placed).map((e) => ({ id: e.id, start: e.start, end: e.end }));
    if (pending) list.push({ id: PENDING, start: pending.start, end: pending.end });
    if (passage) list.push({ id: PASSAGE, start: passage.start, end: passage.end });
    return list;
  }, [excerpts, pending, placed, passage]);
  const hues = useMemo(() => new Map(excerpts.map((e) => [e.id, tagHue(e.tags[0])])), [excerpts]);
  const lengths = useMemo(() => new Map(excerpts.map((e) => [e.id, e.end - e.start])), [excerpts]);
  const fuzzyIds = useMemo(() => new Set(excerpts.filter((e) => e.state === 'fuzzy').map((e) => e.id)), [excerpts]);
  return useMemo(
    () => ({ marks, hues, lengths, fuzzyIds, focusedId, selectedId, focusNonce, mentions }),
    [marks, hues, lengths, fuzzyIds, focusedId, selectedId, focusNonce, mentions],
  );
}
