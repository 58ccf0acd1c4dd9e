// Domain types of the workspace: what the rest of the app sees. Repositories convert
// rows (which mirror columns) to these in one place each.

export const ENTITY_TYPES = ['person', 'organization', 'location', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

export type SourceFormat = 'text' | 'markdown' | 'html';

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
  reliability: Reliability | null;
  excerptCount: number;
}

export interface Source extends SourceSummary {
  version: number;
  text: string;
  contentHash: string;
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
  excerptCount: number;
}

export interface BriefSummary {
  id: string;
  title: string;
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
