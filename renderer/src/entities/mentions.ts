// Mentions in the reader: where an entity's name or alias occurs in the source's text.
// They are drawn apart from excerpt highlights — a dotted underline in the entity type's
// colour, no fill — by cutting the reader's segments at mention boundaries too, so each
// mention (or each piece of one, where excerpt boundaries fall inside it) is its own run
// and every run keeps exactly one text node (selectionOffsets.ts relies on it).
// Pure (no API, no DOM): the reader's SourceText imports it, and unit tests run it in Node.
import { ENTITY_TYPE_LABELS } from '../types';
import type { SourceMention } from './model';

export type { SourceMention };

/** Sorted by start, empty and overlapping ones dropped (the first, longest one wins). */
export function normalizeMentions(mentions: readonly SourceMention[]): SourceMention[] {
  const sorted = mentions.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SourceMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}

/** The index of the first mention ending after `offset` (mentions sorted, not overlapping). */
function firstEndingAfter(mentions: readonly SourceMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cuts `segments` (the reader's runs, contiguous or not) at the boundaries of `mentions`
 * (normalized: sorted, not overlapping). Each piece keeps its segment's fields and knows
 * the mention covering it, if any.
 */
export function splitAtMentions<S extends { start: number; end: number }>(segments: readonly S[], mentions: readonly SourceMention[]): (S & { mention: SourceMention | null })[] {
  const out: (S & { mention: SourceMention | null })[] = [];
  for (const seg of segments) {
    let at = seg.start;
    for (let i = firstEndingAfter(mentions, seg.start); i < mentions.length && mentions[i].start < seg.end; i++) {
      const m = mentions[i];
      if (m.start > at) out.push({ ...seg, start: at, end: m.start, mention: null });
      const end = Math.min(seg.end, m.end);
      out.push({ ...seg, start: Math.max(at, m.start), end, mention: m });
      at = end;
    }
    if (at < seg.end || seg.start === seg.end) out.push({ ...seg, start: at, end: seg.end, mention: null });
  }
  return out;
}

/** The attributes of a run inside a mention: class (type colour), the mention's start, a tooltip. */
export function mentionRunProps(mention: SourceMention | null): { className?: string; 'data-mention'?: number; 'data-entity-id'?: string; title?: string } {
  if (!mention) return {};
  return {
    className: `mention mention-${mention.entityType}`,
    'data-mention': mention.start,
    'data-entity-id': mention.entityId,
    title: `${mention.entityName} · ${ENTITY_TYPE_LABELS[mention.entityType]}`,
  };
}
