// Domain types the renderer shows, taken (as types only) from the workspace layer, and
// the few UI labels that must cover every value of a domain union.
import type { EntityType, Reliability } from '../../db/domain';

export type {
  Brief,
  BriefSummary,
  Entity,
  EntityRef,
  EntityType,
  ExcerptView,
  Reliability,
  Source,
  SourceSummary,
} from '../../db/domain';
export type { SearchResult } from '../../db/search';
export type { ImportReport } from '../../electron/ipc/contract';
export type { SerializedCitation } from '../../db/brief/document';

/** A Record, so that a new entity type in the domain is a compile error here until labelled. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  location: 'Location',
  event: 'Event',
  other: 'Other',
};
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_LABELS) as EntityType[];

/** Admiralty source reliability, A–F. */
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'A — Completely reliable',
  B: 'B — Usually reliable',
  C: 'C — Fairly reliable',
  D: 'D — Not usually reliable',
  E: 'E — Unreliable',
  F: 'F — Reliability cannot be judged',
};

/** Admiralty information credibility, 1–6. */
export const CREDIBILITY_LABELS: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: '1 — Confirmed by other sources',
  2: '2 — Probably true',
  3: '3 — Possibly true',
  4: '4 — Doubtful',
  5: '5 — Improbable',
  6: '6 — Truth cannot be judged',
};

/** `B2`, `B?`, `?2`, or null — the same rule as db/domain.ts gradeLabel (not importable at run time here). */
export function gradeLabel(reliability: Reliability | null, credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}
