// The shapes the services hand to the front doors (IPC replies, CLI --json): pure types,
// so the contract, and through it the window, can name them without loading a service.
import type { AnchorState, Entity, EntityRef, EntityType, ExcerptView } from '../../db/domain';

/** What an import did with each file (the CLI's `import --json` and `sources:import`). */
export interface ImportReport {
  /** `versionOf`: a source already there that this file may be a new version of (same web address, or file name and title). */
  imported: { id: string; path: string; title: string; warnings?: string[]; versionOf?: { id: string; title: string } }[];
  skipped: { path: string; reason: string }[];
  failed: { path: string; error: string }[];
}

export interface ReplaceReport {
  sourceId: string;
  version: number;
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  excerpts: { id: string; state: AnchorState; score: number | null }[];
}

export interface MentionInContext {
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

/** An entity's mentions in one source: how many, and (up to a limit) each in context. */
export interface MentionGroup {
  sourceId: string;
  sourceTitle: string;
  count: number;
  mentions: MentionInContext[];
}

export interface EntityPage {
  entity: Entity;
  excerpts: ExcerptView[];
  /** The first sources mentioning it (by title; `entities:mentionSources` pages on), each with its mentions in context. */
  mentions: MentionGroup[];
  /** How many mentions it has, in how many sources, in all. */
  mentionCount: number;
  mentionSourceCount: number;
  briefs: { id: string; title: string; via: 'citation' | 'mention' }[];
  cooccurring: { entity: EntityRef; excerpts: number; paragraphs: number }[];
}

export interface ParagraphEvidence {
  sourceId: string;
  sourceTitle: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'cooccurrence' | 'relation';
  label: string | null;
  /** Evidence count: excerpts (and, for co-occurrence, paragraphs) behind the edge. */
  weight: number;
  excerptIds: string[];
  paragraphs: number;
}

export interface Graph {
  nodes: (EntityRef & { excerpts: number; mentions: number })[];
  edges: GraphEdge[];
  /** The excerpts behind every edge, for filtering by tag, grade and date in the view. */
  excerpts: ExcerptView[];
}

export interface SourceMention {
  entityId: string;
  entityName: string;
  entityType: EntityRef['type'];
  start: number;
  end: number;
}

export interface Suggestion {
  name: string;
  type: EntityType;
  count: number;
  examples: { sourceId: string; context: string }[];
}

export interface JobStatus {
  id: number;
  label: string;
  done: number;
  total: number;
  finished: boolean;
  error: string | null;
}

/** What a merge brought in (`sourcebook merge OTHER --json`, the app's Merge Workspace…). */
export interface MergeReport {
  sources: { added: number; matched: number };
  excerpts: { added: number; matched: number };
  /** `review`: entities whose name is shared with entities of another type, or with two: queued for the analyst. */
  entities: { added: number; matched: number; review: number };
  briefs: { added: number };
}

/** A backup of the workspace, as the Backups panel and `sourcebook backups --json` list it. */
export interface BackupView {
  path: string;
  createdAt: string;
  bytes: number;
  verified: boolean;
  /** "manual", "automatic", or "before <an operation>". */
  reason: string;
  counts: { sources: number; excerpts: number; entities: number; briefs: number };
}

/** What `verify` found: each version whose text or original bytes no longer hash to what was recorded. */
export interface VerifyReport {
  sources: number;
  versions: number;
  mismatches: { sourceId: string; version: number; what: 'text' | 'original'; expected: string; actual: string }[];
}

/** The workspaces a page may switch to (services/workspaceSwitcher.ts): ids, never paths, are what it sends back. */
export interface WorkspaceChoices {
  /** The id of the workspace open now. */
  current: string;
  workspaces: { id: string; name: string; path: string; missing: boolean; current: boolean }[];
}
