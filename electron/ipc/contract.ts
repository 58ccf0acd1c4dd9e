// The one API contract between the renderer and the Node side (STYLE.md rule 2).
// Every channel has a zod schema for its request, checked in the router before anything
// touches the store, and a TypeScript type for its reply. The preload bridge, both
// transports (Electron IPC, loopback HTTP) and the renderer's client all derive from
// this map; a signature is never written twice.
import { z } from 'zod';
import type { BriefBacklinks } from '../../db/backlinks';
import type { BriefSnapshot, BriefSummary, Brief, CitationCheck, CooccurrenceRow, Entity, ExcerptView, Reliability, SearchResult, Source, SourcePage, SourceSummary, SourceVersion, TrashItem, EntityReviewView, QuickOpenItem, SearchFacets, SavedSearch } from '../../db/domain';
import { MAX_IMPORT_BYTES } from '../../common/sourceFiles';
import { CHANGES, READS, type Change, type Read } from '../../common/changes';
import type { BackupView, MergeReport, VerifyReport, EntityPage, MentionGroup, Graph, ImportReport, JobStatus, ParagraphEvidence, ReplaceReport, SourceMention, Suggestion, WorkspaceChoices } from '../services/views';
import { ENTITY_TYPES, RELIABILITY } from '../../common/glossary';
import { preferencesPatchSchema } from '../services/appSettings';
import { MAX_BANNER_LENGTH, PAPER_SIZES } from '../../common/preferences';
import type { SettingsView } from '../services/preferences';
import { MAX_BULK_SOURCES, MAX_TAGS_AT_ONCE, MAX_SOURCE_FILTER, MAX_SOURCE_PAGE, SORT_DIRECTIONS, SOURCE_SORTS } from '../../common/library';

/** A phantom value carrying a reply type; never read at run time. */
const reply = <T>() => undefined as unknown as T;

const id = z.string().min(1).max(64).regex(/^[a-z]{3}_[0-9a-z]+$/, 'not a Sourcebook id');
const shortText = z.string().max(1_000);
const longText = z.string().max(100_000);
const nullableMeta = z.string().trim().max(2_000).nullable();

/** 32 MiB of file bytes (common/sourceFiles.ts), base64-encoded (4/3 larger). */
const base64 = z
  .string()
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'file too large to import (the limit is 32 MB)')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file data is not base64');

/**
 * Options every export takes: a handling banner, strict refusal of citations that are not
 * ok, the paper size. One left out is the person's default from Settings.
 */
const exportOptions = { banner: z.string().trim().max(MAX_BANNER_LENGTH).optional(), strict: z.boolean().optional(), paper: z.enum(PAPER_SIZES).optional() };

const eventDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

const entityInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(ENTITY_TYPES),
});

/**
 * A serialized Lexical node, checked for shape: a string type, optional children, bounded
 * depth and size, and for the kinds the exporters read, what they read (a heading's level,
 * a list's kind…), so a stored brief always exports. Unknown node types are let through:
 * the editor and the exporters ignore them.
 */
const MAX_DEPTH = 64;
/** What a node of a kind the exporters read must carry (each exporter relies on it). */
const NODE_RULES: Record<string, { test: (node: Record<string, unknown>) => boolean; what: string }> = {
  heading: { test: (n) => typeof n.tag === 'string' && /^h[1-6]$/.test(n.tag), what: 'a heading without its level (tag h1–h6)' },
  list: { test: (n) => n.listType === 'bullet' || n.listType === 'number' || n.listType === 'check', what: 'a list without its kind (listType bullet, number or check)' },
  text: { test: (n) => typeof n.text === 'string', what: 'a text node without its text' },
  citation: { test: (n) => typeof n.excerptId === 'string', what: 'a citation without its excerpt' },
  link: { test: (n) => typeof n.url === 'string', what: 'a link without its address' },
};
/** Why a document node (and what is under it) is not a valid editor state, or null. */
function nodeProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `it is nested more than ${MAX_DEPTH} levels deep`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a node is not an object';
  const node = value as Record<string, unknown> & { type?: unknown; children?: unknown };
  if (typeof node.type !== 'string' || node.type.length > 64) return 'a node has no type';
  const rule = NODE_RULES[node.type];
  if (rule && !rule.test(node)) return rule.what;
  if (node.children === undefined) return null;
  if (!Array.isArray(node.children)) return `a ${node.type} node's children are not a list`;
  for (const child of node.children) {
    const problem = nodeProblem(child, depth + 1);
    if (problem) return problem;
  }
  return null;
}
export const briefDocumentSchema = z
  .object({ root: z.object({ type: z.string(), children: z.array(z.unknown()) }).passthrough() })
  .passthrough()
  .superRefine((doc, ctx) => {
    const problem = doc.root.type === 'root' ? nodeProblem(doc.root, 0) : 'its root is not a root node';
    if (problem) ctx.addIssue({ code: 'custom', message: `the brief document is not a valid editor state: ${problem}` });
    // Measured only once its depth is known to be bounded (stringifying a deeper one would overflow the stack).
    else if (JSON.stringify(doc).length > 20_000_000) ctx.addIssue({ code: 'custom', message: 'the brief document is larger than 20 MB' });
  });

export const contract = {
  /** `syncedBy`: the sync client (Dropbox, OneDrive, iCloud Drive, …) managing the workspace's folder, which can corrupt an open database. */
  'workspace:info': { input: z.object({}).strict(), output: reply<{ path: string; name: string; sources: number; excerpts: number; briefs: number; syncedBy: { client: string; folder: string } | null }>() },

  /** Every source version's text and original bytes hashed again against what was recorded when stored. */
  'workspace:verify': { input: z.object({}).strict(), output: reply<VerifyReport>() },

  'sources:list': { input: z.object({}).strict(), output: reply<SourceSummary[]>() },
  /** A window of the library in an order, narrowed by words of the title or publisher, with how many sources there are to page through. */
  'sources:page': {
    input: z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(MAX_SOURCE_PAGE),
        sort: z.enum(SOURCE_SORTS),
        direction: z.enum(SORT_DIRECTIONS).optional(),
        filter: z.string().max(MAX_SOURCE_FILTER).optional(),
      })
      .strict(),
    output: reply<SourcePage>(),
  },
  'sources:get': { input: z.object({ id }).strict(), output: reply<Source>() },
  'sources:import': {
    input: z.object({ files: z.array(z.object({ name: z.string().min(1).max(1_000), data: base64 }).strict()).min(1).max(500) }).strict(),
    output: reply<ImportReport>(),
  },
  /** The page the running import is reading (a scan read by OCR takes seconds a page), or null. */
  'sources:importProgress': { input: z.object({}).strict(), output: reply<{ path: string; page: number; pages: number; ocr: boolean } | null>() },
  /** Stops the running import: the file being read is dropped, nothing of it stored. */
  'sources:importCancel': { input: z.object({}).strict(), output: reply<{ cancelled: number }>() },
  'sources:update': {
    input: z
      .object({
        id,
        title: z.string().trim().min(1).max(2_000).optional(),
        author: nullableMeta.optional(),
        publisher: nullableMeta.optional(),
        publishedAt: nullableMeta.optional(),
        url: nullableMeta.optional(),
        language: nullableMeta.optional(),
        reliability: z.enum(RELIABILITY).nullable().optional(),
      })
      .strict(),
    output: reply<SourceSummary>(),
  },
  'sources:delete': { input: z.object({ id }).strict(), output: reply<{ deleted: boolean }>() },
  'sources:grade': { input: z.object({ id, reliability: z.enum(RELIABILITY).nullable() }).strict(), output: reply<SourceSummary>() },
  /** The library's bulk actions: all of them, in one transaction, or none. */
  'sources:gradeMany': { input: z.object({ ids: z.array(id).min(1).max(MAX_BULK_SOURCES), reliability: z.enum(RELIABILITY).nullable() }).strict(), output: reply<{ graded: number }>() },
  'sources:deleteMany': { input: z.object({ ids: z.array(id).min(1).max(MAX_BULK_SOURCES) }).strict(), output: reply<{ deleted: string[] }>() },
  /** Adds and removes tags on several sources, all or none (the library's bulk Tag…). */
  'sources:tagMany': {
    input: z.object({ ids: z.array(id).min(1).max(MAX_BULK_SOURCES), add: z.array(z.string().max(200)).max(MAX_TAGS_AT_ONCE).default([]), remove: z.array(z.string().max(200)).max(MAX_TAGS_AT_ONCE).default([]) }).strict(),
    output: reply<{ tagged: number }>(),
  },
  /** An evidence package of several sources (the library's bulk Export…): a workspace file to download. */
  'sources:package': { input: z.object({ ids: z.array(id).min(1).max(MAX_BULK_SOURCES) }).strict(), output: reply<{ packageBase64: string; fileName: string }>() },
  'sources:versions': { input: z.object({ id }).strict(), output: reply<SourceVersion[]>() },
  /** Where a source is cited: briefs citing any of its excerpts. */
  'sources:citedIn': { input: z.object({ id }).strict(), output: reply<{ briefId: string; title: string; citations: number }[]>() },
  'sources:replace': {
    input: z.object({ id, file: z.object({ name: z.string().min(1).max(1_000), data: base64 }).strict() }).strict(),
    output: reply<ReplaceReport>(),
  },
  'publishers:list': { input: z.object({}).strict(), output: reply<{ name: string; reliability: Reliability; sources: number }[]>() },
  'publishers:grade': { input: z.object({ name: z.string().trim().min(1).max(500), reliability: z.enum(RELIABILITY).nullable() }).strict(), output: reply<{ name: string; reliability: Reliability | null }>() },

  'excerpts:list': { input: z.object({ sourceId: id.optional() }).strict(), output: reply<ExcerptView[]>() },
  'excerpts:get': { input: z.object({ ids: z.array(id).max(5_000) }).strict(), output: reply<ExcerptView[]>() },
  'excerpts:search': { input: z.object({ query: shortText, limit: z.number().int().min(1).max(100).optional() }).strict(), output: reply<ExcerptView[]>() },
  'excerpts:context': {
    input: z.object({ id, chars: z.number().int().min(0).max(2_000).optional() }).strict(),
    output: reply<{ before: string; quote: string; after: string }>(),
  },
  'excerpts:create': {
    input: z
      .object({
        sourceId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        tags: z.array(z.string().max(200)).max(100).default([]),
        entities: z.array(entityInput).max(100).default([]),
        note: longText.default(''),
        credibility: z.number().int().min(1).max(6).nullable().optional(),
        eventDate: eventDate.nullable().optional(),
      })
      .strict()
      .refine((x) => x.end > x.start, 'an excerpt must cover at least one character'),
    output: reply<ExcerptView>(),
  },
  'excerpts:update': {
    input: z
      .object({
        id,
        tags: z.array(z.string().max(200)).max(100).optional(),
        entities: z.array(entityInput).max(100).optional(),
        note: longText.optional(),
        credibility: z.number().int().min(1).max(6).nullable().optional(),
        eventDate: eventDate.nullable().optional(),
      })
      .strict(),
    output: reply<ExcerptView>(),
  },
  'excerpts:delete': { input: z.object({ id }).strict(), output: reply<{ deleted: boolean }>() },
  /** The excerpts that need the analyst: fuzzy (to confirm) and orphaned (to fix or accept). */
  'excerpts:review': { input: z.object({ sourceId: id.optional() }).strict(), output: reply<ExcerptView[]>() },
  /** The analyst confirms a fuzzy excerpt's new passage. */
  'excerpts:confirm': { input: z.object({ id }).strict(), output: reply<ExcerptView>() },
  /** The analyst points an excerpt at a passage of its source's current text. */
  'excerpts:reanchor': {
    input: z
      .object({ id, start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .refine((x) => x.end > x.start, 'an excerpt must cover at least one character'),
    output: reply<ExcerptView>(),
  },

  'entities:list': { input: z.object({}).strict(), output: reply<Entity[]>() },
  'entities:page': { input: z.object({ id }).strict(), output: reply<EntityPage>() },
  /** More of the sources an entity page lists (the page holds the first MENTION_SOURCES_PAGE). */
  'entities:mentionSources': { input: z.object({ id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(100) }).strict(), output: reply<MentionGroup[]>() },
  'entities:create': {
    input: z.object({ name: z.string().trim().min(1).max(200), type: z.enum(ENTITY_TYPES), aliases: z.array(z.string().trim().min(1).max(200)).max(100).default([]), description: z.string().max(10_000).optional() }).strict(),
    output: reply<Entity>(),
  },
  'entities:update': {
    input: z.object({ id, name: z.string().trim().min(1).max(200).optional(), type: z.enum(ENTITY_TYPES).optional(), description: z.string().max(10_000).optional() }).strict(),
    output: reply<Entity>(),
  },
  /** Adds an alias and rescans the corpus for it in the background (see jobs:status). */
  'entities:addAlias': { input: z.object({ id, alias: z.string().trim().min(1).max(200) }).strict(), output: reply<{ entity: Entity; job: JobStatus | null }>() },
  /** Lets the entity's Latin names match their Russian Cyrillic transliteration (or stops it); its mentions are brought in step. */
  'entities:transliteration': { input: z.object({ id, on: z.boolean() }).strict(), output: reply<Entity>() },
  'entities:removeAlias': { input: z.object({ id, alias: z.string().trim().min(1).max(200) }).strict(), output: reply<Entity>() },
  'entities:splitAlias': { input: z.object({ id, alias: z.string().trim().min(1).max(200) }).strict(), output: reply<Entity>() },
  'entities:merge': { input: z.object({ keepId: id, otherId: id }).strict(), output: reply<{ mergeId: number; entity: Entity }>() },
  'entities:undoMerge': { input: z.object({ mergeId: z.number().int().min(1) }).strict(), output: reply<{ survivor: Entity; restored: Entity }>() },
  /** Entities a merge queued instead of merging by guess. */
  'entities:reviews': { input: z.object({}).strict(), output: reply<EntityReviewView[]>() },
  /** Decides a queued entity: merged into an entity here, kept under a new name, or dismissed. */
  'entities:review': {
    input: z.union([z.object({ id, into: id }).strict(), z.object({ id, asNew: z.string().trim().min(1).max(200) }).strict(), z.object({ id, dismiss: z.literal(true) }).strict()]),
    output: reply<{ id: string; entity: Entity | null }>(),
  },
  'entities:delete': { input: z.object({ id }).strict(), output: reply<{ deleted: boolean }>() },
  /** Moves several entities to the Trash, all or none (a multi-selection of the entity list). */
  'entities:deleteMany': { input: z.object({ ids: z.array(id).min(1).max(MAX_BULK_SOURCES) }).strict(), output: reply<{ deleted: string[] }>() },
  'mentions:source': { input: z.object({ sourceId: id }).strict(), output: reply<SourceMention[]>() },
  'mentions:dismiss': { input: z.object({ sourceId: id, start: z.number().int().min(0) }).strict(), output: reply<{ dismissed: boolean }>() },
  /** Turns a mention's sentence into an excerpt tagged with the entity. */
  'mentions:toExcerpt': { input: z.object({ sourceId: id, start: z.number().int().min(0) }).strict(), output: reply<ExcerptView>() },
  'suggestions:list': { input: z.object({}).strict(), output: reply<Suggestion[]>() },
  /** The sources suggestions leave unread: name recognition knows English only. */
  'suggestions:coverage': { input: z.object({}).strict(), output: reply<{ notRead: { language: string; count: number }[] }>() },
  /** Of the sources name suggestions read, how many they have read so far. */
  'suggestions:progress': { input: z.object({}).strict(), output: reply<{ read: number; total: number }>() },
  'suggestions:accept': {
    input: z.object({ name: z.string().trim().min(1).max(200), type: z.enum(ENTITY_TYPES), aliases: z.array(z.string().trim().min(1).max(200)).max(100).default([]) }).strict(),
    output: reply<Entity>(),
  },
  'suggestions:reject': { input: z.object({ name: z.string().trim().min(1).max(200) }).strict(), output: reply<{ rejected: boolean }>() },
  'relations:add': {
    input: z.object({ fromId: id, toId: id, label: z.string().trim().min(1).max(300), evidence: z.array(id).min(1).max(500) }).strict(),
    output: reply<{ id: string }>(),
  },
  'analysis:cooccurrence': { input: z.object({}).strict(), output: reply<{ entities: Entity[]; pairs: CooccurrenceRow[]; tags: { a: string; b: string; excerpts: number }[] }>() },
  'analysis:evidence': { input: z.object({ a: id, b: id }).strict(), output: reply<{ excerpts: ExcerptView[]; paragraphs: ParagraphEvidence[] }>() },
  'analysis:tagEvidence': { input: z.object({ a: z.string().max(200), b: z.string().max(200) }).strict(), output: reply<ExcerptView[]>() },
  'analysis:graph': { input: z.object({}).strict(), output: reply<Graph>() },
  'analysis:timeline': { input: z.object({}).strict(), output: reply<ExcerptView[]>() },
  'excerpts:dateSuggestions': { input: z.object({ id }).strict(), output: reply<string[]>() },
  'jobs:status': { input: z.object({}).strict(), output: reply<JobStatus[]>() },

  /** The workspace's backups, newest first, with what each one's check found. */
  'backups:list': { input: z.object({}).strict(), output: reply<BackupView[]>() },
  /** The workspaces this page may switch to: the open one, those named when the server started, the app's recent ones (ids, never paths, come back). */
  /** Quick Open: sources, briefs, entities and excerpts whose name has every word of the query (a few of each). */
  'quickOpen:find': { input: z.object({ query: z.string().max(200) }).strict(), output: reply<QuickOpenItem[]>() },
  'workspaces:list': { input: z.object({}).strict(), output: reply<WorkspaceChoices>() },
  /** Opens one of the workspaces `workspaces:list` offered, by its id, in place of the open one (which stays open if it cannot be). */
  'workspaces:open': { input: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a workspace id from workspaces:list') }).strict(), output: reply<{ path: string }>() },
  /** Backs the workspace up now (checked before it counts). */
  'backups:now': { input: z.object({}).strict(), output: reply<BackupView>() },
  /** Puts one of the workspace's own backups (a path `backups:list` gave) in place of the workspace, after backing it up. */
  'backups:restore': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: reply<{ restored: string; previous: string | null }>() },

  /** What was deleted, newest first: every delete of a source, excerpt, brief or entity moves it here. */
  'trash:list': { input: z.object({}).strict(), output: reply<TrashItem[]>() },
  /** Puts an item back with everything that hung on it; its citations come back to life. */
  'trash:restore': { input: z.object({ id }).strict(), output: reply<TrashItem>() },
  /** Deletes one item from the Trash for good. */
  'trash:delete': { input: z.object({ id }).strict(), output: reply<{ deleted: boolean }>() },
  /** Deletes everything in the Trash for good, after a backup of the workspace. */
  'trash:empty': { input: z.object({}).strict(), output: reply<{ deleted: number }>() },
  'tags:list': { input: z.object({}).strict(), output: reply<{ name: string; count: number }[]>() },

  'briefs:list': { input: z.object({}).strict(), output: reply<BriefSummary[]>() },
  'briefs:get': { input: z.object({ id }).strict(), output: reply<Brief>() },
  'briefs:create': { input: z.object({ title: z.string().trim().min(1).max(500), markdown: z.string().max(5_000_000).optional() }).strict(), output: reply<Brief>() },
  'briefs:save': {
    input: z.object({ id, title: z.string().trim().min(1).max(500).optional(), author: z.string().trim().max(300).nullable().optional(), document: briefDocumentSchema.optional() }).strict(),
    output: reply<BriefSummary>(),
  },
  'briefs:delete': { input: z.object({ id }).strict(), output: reply<{ deleted: boolean }>() },
  'briefs:check': { input: z.object({ id }).strict(), output: reply<CitationCheck[]>() },
  /** Other briefs citing the same sources or naming the same entities, and the sources the brief cites (the Backlinks panel). */
  'briefs:backlinks': { input: z.object({ id }).strict(), output: reply<BriefBacklinks>() },
  'briefs:history': { input: z.object({ id }).strict(), output: reply<BriefSnapshot[]>() },
  'briefs:snapshot': { input: z.object({ id }).strict(), output: reply<BriefSnapshot>() },
  'briefs:snapshotGet': { input: z.object({ id, snapshotId: z.number().int().min(1) }).strict(), output: reply<{ title: string; document: unknown }>() },
  'briefs:restore': { input: z.object({ id, snapshotId: z.number().int().min(1) }).strict(), output: reply<Brief>() },
  /** Where an excerpt is cited: briefs and the positions of its citations in them. */
  'excerpts:citedIn': { input: z.object({ id }).strict(), output: reply<{ briefId: string; title: string; positions: number[] }[]>() },

  /** `asYouType`: the query is still being typed, so its last word matches as a prefix (db/search.ts). */
  'search:query': { input: z.object({ query: shortText, asYouType: z.boolean().optional() }).strict(), output: reply<SearchResult[]>() },
  /** Where the query's words are in a source's current text ([start, end) offsets, in order; `more`: past the first 5,000). */
  'search:hits': { input: z.object({ sourceId: id, query: shortText, asYouType: z.boolean().optional() }).strict(), output: reply<{ hits: [number, number][]; more: boolean }>() },

  /** What the query matches, counted by kind, language, grade, publisher, tag and entity, each with the filter that narrows to it. */
  'search:facets': { input: z.object({ query: shortText, asYouType: z.boolean().optional() }).strict(), output: reply<SearchFacets>() },
  /** "Did you mean": the query with each word the sources never use replaced by the closest common one (null: nothing to correct). */
  'search:correct': { input: z.object({ query: shortText }).strict(), output: reply<{ query: string | null }>() },
  /** Saved searches, each with how many items it matches now. */
  'savedSearches:list': { input: z.object({}).strict(), output: reply<SavedSearch[]>() },
  /** Saves a query under a name (a search of that name takes the new query). */
  'savedSearches:save': { input: z.object({ name: z.string().trim().min(1).max(200), query: z.string().trim().min(1).max(1_000) }).strict(), output: reply<SavedSearch>() },
  'savedSearches:delete': { input: z.object({ id }).strict(), output: reply<null>() },

  'export:html': { input: z.object({ briefId: id, ...exportOptions }).strict(), output: reply<{ html: string; fileName: string }>() },
  'export:pdf': { input: z.object({ briefId: id, ...exportOptions }).strict(), output: reply<{ pdfBase64: string; fileName: string }>() },
  'export:md': { input: z.object({ briefId: id, ...exportOptions }).strict(), output: reply<{ markdown: string; fileName: string }>() },
  'export:docx': { input: z.object({ briefId: id, ...exportOptions }).strict(), output: reply<{ docxBase64: string; fileName: string }>() },
  /** An evidence package: the brief, the excerpts it cites, their sources (every version) and entities, as a .sourcebook file. */
  'export:package': { input: z.object({ briefId: id }).strict(), output: reply<{ packageBase64: string; fileName: string }>() },
  /** The person's preferences (theme, fonts, export defaults, backups, dates, shortcuts) and where this workspace's backups go. */
  'settings:get': { input: z.object({}).strict(), output: reply<SettingsView>() },
  /** Changes the preferences given (each part whole); a backups folder must exist and take files. */
  'settings:set': { input: preferencesPatchSchema, output: reply<SettingsView>() },
  /** Merges another workspace file (a colleague's, an evidence package) into this one, backed up first. */
  'workspace:merge': { input: z.object({ file: z.object({ name: z.string().max(1_000), data: base64 }).strict() }).strict(), output: reply<MergeReport & { backup: string }>() },
} as const;

export type { ImportReport };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

// What each channel changes is declared in common/changes.ts (the renderer reads it at run
// time, and may import from here only types). Checked here: every channel that is not a
// read says what it changes, no channel is both, and neither list names one that does not
// exist; a channel whose change is `excerpts: 'reply'` replies with the excerpt's view.
type Declared = keyof typeof CHANGES;
type RepliesWithExcerpt = { [C in Declared]: (typeof CHANGES)[C] extends { excerpts: 'reply' } ? C : never }[Declared];
export const CHANNEL_CHANGES: { readonly [C in Exclude<Channel, Read>]: Change } & { readonly [C in Exclude<Declared, Channel> | Extract<Declared, Read>]: never } = CHANGES;
export const READ_CHANNELS: readonly Channel[] = READS;
type Holds<T extends true> = T;
export type ExcerptReplies = Holds<{ [C in RepliesWithExcerpt]: Output<C> extends ExcerptView ? true : false }[RepliesWithExcerpt]>;

/** Every reply on every transport. `error` is written for a person to read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the renderer sees: one async function per channel. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/** The preload bridge's shape, exposed as window.sourcebook. */
export interface Bridge {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
