// Domain types the renderer shows, taken (as types only) from the workspace layer, and
// the few UI labels that must cover every value of a domain union.
import type { Output } from '../../electron/ipc/contract';
import type { AnchorState, EntityType, PageSpan, Reliability } from '../../db/domain';

export type {
  Brief,
  BriefSummary,
  Entity,
  EntityRef,
  EntityType,
  ExcerptView,
  Reliability,
  AnchorState,
  PageSpan,
  Source,
  SourceSummary,
  SourceVersion,
} from '../../db/domain';
export type { SearchResult } from '../../db/search';
export type { ImportReport } from '../../electron/ipc/contract';
export type { SerializedCitation } from '../../db/brief/document';
export type ReplaceReport = Output<'sources:replace'>;
export type Publisher = Output<'publishers:list'>[number];

/** A Record, so that a new entity type in the domain is a compile error here until labelled. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  location: 'Location',
  event: 'Event',
  other: 'Other',
};
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_LABELS) as EntityType[];

/** Admiralty source reliability, A–F: what each letter means. */
export const RELIABILITY_MEANINGS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
export const RELIABILITY = Object.keys(RELIABILITY_MEANINGS) as Reliability[];
export const RELIABILITY_LABELS = Object.fromEntries(RELIABILITY.map((r) => [r, `${r} — ${RELIABILITY_MEANINGS[r]}`])) as Record<Reliability, string>;

export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
/** Admiralty information credibility, 1–6: what each number means. */
export const CREDIBILITY_MEANINGS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const satisfies readonly Credibility[];
export const CREDIBILITY_LABELS = Object.fromEntries(CREDIBILITY.map((c) => [c, `${c} — ${CREDIBILITY_MEANINGS[c]}`])) as Record<Credibility, string>;

/** What an anchor state means, for badges and their tooltips (exact needs no badge). */
export const ANCHOR_STATE_LABELS: Record<AnchorState, { badge: string | null; description: string }> = {
  exact: { badge: null, description: 'Found at its passage' },
  moved: { badge: 'moved', description: 'Moved — the same passage, found at a new position in the current text' },
  fuzzy: { badge: 'fuzzy', description: 'Fuzzy match — a similar passage was found; please confirm it' },
  orphaned: { badge: 'orphaned', description: 'Orphaned — the passage is not in the current text; the excerpt keeps its old quote' },
};

/** The page holding `offset` — the same rule as db/domain.ts pageAt (not importable at run time here). */
export function pageAt(pages: readonly PageSpan[] | null, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo].page;
}

/** `B2`, `B?`, `?2`, or null — the same rule as db/domain.ts gradeLabel (not importable at run time here). */
export function gradeLabel(reliability: Reliability | null, credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}
