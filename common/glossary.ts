// The glossary's closed lists (DESIGN.md) and what each value means to a person: entity
// types, anchor states, and the Admiralty grade (source reliability A–F, information
// credibility 1–6). The store validates against these, the window labels them, the
// exporters print them: one list each. A Record over a union makes a new value a compile
// error wherever it is not yet labelled.

export const ENTITY_TYPES = ['person', 'organization', 'location', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  location: 'Location',
  event: 'Event',
  other: 'Other',
};

export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/** What an anchor state means, for badges and their tooltips (exact needs no badge). */
export const ANCHOR_STATE_LABELS: Record<AnchorState, { badge: string | null; description: string }> = {
  exact: { badge: null, description: 'Found at its passage' },
  moved: { badge: 'moved', description: 'Moved — the same passage, found at a new position in the current text' },
  fuzzy: { badge: 'fuzzy', description: 'Fuzzy match — a similar passage was found; please confirm it' },
  orphaned: { badge: 'orphaned', description: 'Orphaned — the passage is not in the current text; the excerpt keeps its old quote' },
};

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** Admiralty source reliability, A–F: what each letter means. */
export const RELIABILITY_MEANINGS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
export const RELIABILITY_LABELS = Object.fromEntries(RELIABILITY.map((r) => [r, `${r} — ${RELIABILITY_MEANINGS[r]}`])) as Record<Reliability, string>;

export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

/** Admiralty information credibility, 1–6: what each number means. */
export const CREDIBILITY_MEANINGS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};
export const CREDIBILITY_LABELS = Object.fromEntries(CREDIBILITY.map((c) => [c, `${c} — ${CREDIBILITY_MEANINGS[c]}`])) as Record<Credibility, string>;

/** `B2`, `B?`, `?2`, or null when neither half is graded. */
export function gradeLabel(reliability: Reliability | null, credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}
