// Domain types of the workspace: what the rest of the app sees. Repositories convert
// rows (which mirror columns) to these in one place each.

export const ENTITY_TYPES = ['person', 'organization', 'location', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

import type { SourceFormat } from '../common/sourceFiles';

/** The glossary's source formats are one list with the importer's extensions (common/). */
export type { SourceFormat };

/** Page n (1-based) of a paged source covers [start, end) of its normalized text. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

export interface SourceMeta {
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

export interface SourceSummary extends SourceMeta {
  id: string;
  format: SourceFormat;
  originalName: string | null;
  capturedAt: string;
  /** The grade shown: the source's own, else its publisher's default. */
  reliability: Reliability | null;
  /** Where `reliability` comes from. */
  reliabilityFrom: 'source' | 'publisher' | null;
  excerptCount: number;
  version: number;
}

export interface Source extends SourceSummary {
  text: string;
  contentHash: string;
  /** The page map of a paged source (PDF), else null. */
  pages: PageSpan[] | null;
}

export interface SourceVersion {
  version: number;
  createdAt: string;
  originalName: string | null;
  length: number;
  current: boolean;
}

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface Excerpt {
  id: string;
  sourceId: string;
  version: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  credibility: number | null;
  state: AnchorState;
  score: number | null;
  /** The page the passage starts on, for paged sources. */
  page: number | null;
  /** The quote before the last re-anchoring, when it changed it (fuzzy, orphaned). */
  previousQuote: string | null;
  /** When the event the passage reports happened: YYYY, YYYY-MM or YYYY-MM-DD. */
  eventDate: string | null;
  tags: string[];
  entities: EntityRef[];
  createdAt: string;
  updatedAt: string;
}

/** An excerpt as a citation or list shows it: with its source's title and grade. */
export interface ExcerptView extends Excerpt {
  sourceTitle: string;
  sourcePublisher: string | null;
  sourcePublishedAt: string | null;
  sourceUrl: string | null;
  reliability: Reliability | null;
}

export interface Entity extends EntityRef {
  description: string;
  aliases: string[];
  excerptCount: number;
  /** Occurrences of its name and aliases across the corpus. */
  mentionCount: number;
}

export interface BriefSummary {
  id: string;
  title: string;
  author: string | null;
  updatedAt: string;
  citationCount: number;
}

export interface Brief extends BriefSummary {
  /** Lexical editor state, serialized (see db/brief/document.ts). */
  document: unknown;
  createdAt: string;
}

export interface SearchHit {
  kind: 'source' | 'excerpt' | 'brief';
  id: string;
  title: string;
  snippet: string;
}

/** `B2`, `B?`, `?2`, or null when neither half is graded. */
export function gradeLabel(reliability: Reliability | null, credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}

/** The page holding `offset`, by binary search over the page map. */
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
