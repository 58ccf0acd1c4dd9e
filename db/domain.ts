// Domain types of the workspace: what the rest of the app sees. Repositories convert
// rows (which mirror columns) to these in one place each.

import type { AnchorState, EntityType, Reliability } from '../common/glossary';
import type { PageSpan } from '../common/pages';
import type { CitationStatus } from '../common/citations';

// The glossary's lists and the page and grade rules are common/'s, shared with the window.
export { ANCHOR_STATES, ENTITY_TYPES, RELIABILITY, gradeLabel, type AnchorState, type EntityType, type Reliability } from '../common/glossary';
export { pageAt, type PageSpan } from '../common/pages';
import type { OcrPageInfo } from '../common/ocr';
export type { OcrPageInfo } from '../common/ocr';

import type { SourceFormat } from '../common/sourceFiles';

/** The glossary's source formats are one list with the importer's extensions (common/). */
export type { SourceFormat };


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
  /** The page map of a paged source (PDF, an image's frames), else null. */
  pages: PageSpan[] | null;
  /** The pages whose text OCR read (confidence, engine, uncertain words), else null. */
  ocr: OcrPageInfo[] | null;
}

/** One window of the library (sources:page): `rows` from `offset` on, of `total` sources the filter lets through. */
export interface SourcePage {
  total: number;
  offset: number;
  /** With how many mentions of entities each has (counted for the page's rows only). */
  rows: (SourceSummary & { mentionCount: number; tags: string[] })[];
}

export interface SourceVersion {
  version: number;
  createdAt: string;
  originalName: string | null;
  length: number;
  current: boolean;
  /** The language detected in this version's text, or null (not detected yet, or too little text to tell). */
  language: string | null;
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
  /** Its Latin names also match their Russian Cyrillic transliteration (common/transliteration.ts). */
  matchTransliteration: boolean;
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

// What repositories return beyond the records above: search hits, co-occurrence counts,
// brief snapshots and citation checks (the contract carries them to the window).

export interface CooccurrenceRow {
  a: string;
  b: string;
  excerpts: number;
  paragraphs: number;
}

export interface CitationCheck {
  /** Position of the citation in the brief, 0-based, document order. */
  position: number;
  excerptId: string;
  status: CitationStatus;
  /** The quote the citation remembers from when it was made. */
  quoteAtCitation: string;
  /** The excerpt's quote now (null when deleted). */
  quoteNow: string | null;
  /** Why, in a few words a person reads. */
  detail: string;
}

export type SnapshotReason = 'auto' | 'manual' | 'before-restore';

export interface BriefSnapshot {
  id: number;
  briefId: string;
  title: string;
  words: number;
  /** Words added or removed since the snapshot before it (0 for the first). */
  change: number;
  reason: SnapshotReason;
  createdAt: string;
}

export interface SearchResult extends SearchHit {
  /** [start, end) offsets in `snippet` of the matched words. */
  highlights: [number, number][];
}

/** What can be in the Trash (db/trash.ts). */
export type TrashKind = 'source' | 'excerpt' | 'brief' | 'entity';

/** One deleted item, as the Trash lists it. `title` is a source's or brief's title, an excerpt's quote, an entity's name. */
export interface TrashItem {
  kind: TrashKind;
  id: string;
  title: string;
  deletedAt: string;
}

/** An entity a merge queued for the analyst instead of merging it by guess (db/merge.ts). */
export interface EntityReviewView {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** The entities here whose names it shares. */
  candidates: EntityRef[];
  excerpts: number;
  cameFrom: string;
}

/** Something Quick Open offers (db/quickOpen.ts): what it is, its name, and a word to tell it apart (a publisher, an entity type, an excerpt's source). */
export interface QuickOpenItem {
  kind: 'source' | 'brief' | 'entity' | 'excerpt';
  id: string;
  title: string;
  detail: string | null;
  /** An excerpt's source, to open it at the excerpt. */
  sourceId: string | null;
}

// Search that narrows (db/searchFacets.ts) and saved searches (db/savedSearches.ts).
export interface FacetValue {
  /** As shown: "es", "B", "Coastal Ledger", "military/drones". */
  value: string;
  count: number;
  /** The filter to add to the query: lang:es, grade:B, publisher:"Coastal Ledger". */
  filter: string;
}

export interface SearchFacets {
  /** Every match, of every kind (not only those a result list shows). */
  total: number;
  kinds: FacetValue[];
  languages: FacetValue[];
  grades: FacetValue[];
  publishers: FacetValue[];
  /** The sources of the matched excerpts (title:"…"). */
  sources: FacetValue[];
  /** Tags of the matched excerpts and the tags above them (tag:customs counts customs/screening). */
  tags: FacetValue[];
  entities: FacetValue[];
  /** Years of the matches' dates (date:2024), latest first. */
  dates: FacetValue[];
  /** Months the matches were added in (added:2026-11), latest first. */
  added: FacetValue[];
  /** Excerpts' anchoring states (state:fuzzy). */
  states: FacetValue[];
}

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  createdAt: string;
  /** How many sources, excerpts and briefs it matches now. */
  count: number;
}

