// What each API channel changes, next to the contract (electron/ipc/contract.ts checks
// that every channel is here: a read in READS, a write in CHANGES with what it changes).
// The renderer's API client announces a write's topics after every successful call, so
// each view showing that kind of data reloads itself and the live citations refresh;
// no caller restates it.

/** A kind of data that views show and reload when it changes (the workspace's, and the person's preferences). */
export type Topic = 'sources' | 'excerpts' | 'briefs' | 'entities' | 'publishers' | 'versions' | 'trash' | 'backups' | 'settings' | 'searches';

export interface Change {
  /** The views showing these kinds of data reload. */
  readonly topics: readonly Topic[];
  /**
   * What happened to excerpts already shown (the live citations): the one in the reply
   * changed (`reply`: the reply is the excerpt's new view), the one named by the request's
   * `id` was deleted (`deleted`), or something every excerpt shows changed (`every`: a
   * source's title or grade, an entity's name). Absent: no shown excerpt changed.
   */
  readonly excerpts?: 'reply' | 'deleted' | 'every';
}

/** The channels that only read: they change nothing. */
export const READS = [
  'workspace:info',
  'workspace:verify',
  'sources:list',
  'sources:page',
  'sources:get',
  'sources:importProgress',
  'sources:versions',
  'sources:citedIn',
  'sources:package',
  'publishers:list',
  'excerpts:list',
  'excerpts:get',
  'excerpts:search',
  'excerpts:context',
  'excerpts:review',
  'excerpts:dateSuggestions',
  'excerpts:citedIn',
  'entities:list',
  'entities:reviews',
  'entities:page',
  'entities:mentionSources',
  'mentions:source',
  'suggestions:list',
  'suggestions:progress',
  'suggestions:coverage',
  'analysis:cooccurrence',
  'analysis:evidence',
  'analysis:tagEvidence',
  'analysis:graph',
  'analysis:timeline',
  'jobs:status',
  'tags:list',
  'briefs:list',
  'briefs:get',
  'briefs:check',
  'briefs:backlinks',
  'briefs:history',
  'briefs:snapshotGet',
  'search:query',
  'search:hits',
  'search:facets',
  'search:correct',
  'savedSearches:list',
  'export:html',
  'export:pdf',
  'export:md',
  'export:docx',
  'export:package',
  'trash:list',
  'backups:list',
  'workspaces:list',
  'quickOpen:find',
  'settings:get',
] as const;

export type Read = (typeof READS)[number];

/** The channels that write, and what each one changes. */
export const CHANGES = {
  // The library, counts and pickers (the import hook announces once per batch).
  'sources:import': { topics: ['sources', 'excerpts', 'entities'] },
  // Stops the file being read: nothing of it was stored, so nothing shown changes.
  'sources:importCancel': { topics: [] },
  // Title and reliability show in every citation of the source's excerpts.
  'sources:update': { topics: ['sources', 'excerpts', 'publishers'], excerpts: 'every' },
  'sources:delete': { topics: ['sources', 'excerpts', 'entities', 'briefs', 'trash'], excerpts: 'every' },
  'sources:deleteMany': { topics: ['sources', 'excerpts', 'entities', 'briefs', 'trash'], excerpts: 'every' },
  'sources:tagMany': { topics: ['sources'] },
  // The grade shows on every excerpt of the source, and may have become its publisher's default.
  'sources:grade': { topics: ['sources', 'excerpts', 'publishers'], excerpts: 'every' },
  'sources:gradeMany': { topics: ['sources', 'excerpts', 'publishers'], excerpts: 'every' },
  'sources:replace': { topics: ['sources', 'excerpts', 'versions'], excerpts: 'every' },
  'publishers:grade': { topics: ['sources', 'excerpts', 'publishers'], excerpts: 'every' },

  'excerpts:create': { topics: ['excerpts', 'sources', 'entities'], excerpts: 'reply' },
  'excerpts:update': { topics: ['excerpts', 'entities'], excerpts: 'reply' },
  'excerpts:delete': { topics: ['excerpts', 'sources', 'entities', 'briefs', 'trash'], excerpts: 'deleted' },
  'excerpts:confirm': { topics: ['excerpts'], excerpts: 'reply' },
  'excerpts:reanchor': { topics: ['excerpts', 'sources'], excerpts: 'reply' },

  // An entity's name shows on every excerpt tagged with it.
  'entities:create': { topics: ['entities'] },
  'entities:update': { topics: ['entities', 'excerpts'], excerpts: 'every' },
  // The rescan runs in the background; its end is announced by the renderer's job tracker.
  'entities:addAlias': { topics: ['entities'] },
  'entities:removeAlias': { topics: ['entities'] },
  'entities:transliteration': { topics: ['entities'] },
  'entities:splitAlias': { topics: ['entities', 'excerpts'], excerpts: 'every' },
  'entities:merge': { topics: ['entities', 'excerpts', 'briefs'], excerpts: 'every' },
  'entities:undoMerge': { topics: ['entities', 'excerpts', 'briefs'], excerpts: 'every' },
  'entities:review': { topics: ['entities', 'excerpts'], excerpts: 'every' },
  'entities:delete': { topics: ['entities', 'excerpts', 'briefs', 'trash'], excerpts: 'every' },
  'entities:deleteMany': { topics: ['entities', 'excerpts', 'briefs', 'trash'], excerpts: 'every' },
  'mentions:dismiss': { topics: ['entities'] },
  // The mention's sentence becomes an excerpt tagged with its entity.
  'mentions:toExcerpt': { topics: ['excerpts', 'sources', 'entities'], excerpts: 'reply' },
  'suggestions:accept': { topics: ['entities'] },
  'suggestions:reject': { topics: ['entities'] },
  'relations:add': { topics: ['entities'] },

  'briefs:create': { topics: ['briefs'] },
  // Autosave holds the announcement back while the analyst types (briefs/useBriefSaver.ts).
  'briefs:save': { topics: ['briefs'] },
  'briefs:delete': { topics: ['briefs', 'trash'] },
  // Only the brief's history, which its panel reloads itself.
  'briefs:snapshot': { topics: [] },
  'briefs:restore': { topics: ['briefs'] },

  // Whatever comes back from the Trash comes back everywhere: its citations come to life.
  'trash:restore': { topics: ['trash', 'sources', 'excerpts', 'entities', 'briefs', 'versions'], excerpts: 'every' },
  'trash:delete': { topics: ['trash'] },
  'trash:empty': { topics: ['trash', 'backups'] },

  'backups:now': { topics: ['backups'] },
  // Whatever came in shows everywhere; the backup made first is listed.
  'workspace:merge': { topics: ['sources', 'excerpts', 'entities', 'briefs', 'versions', 'publishers', 'backups'], excerpts: 'every' },
  // The whole workspace is another one afterwards: everything reloads.
  'backups:restore': { topics: ['backups', 'trash', 'sources', 'excerpts', 'entities', 'briefs', 'versions', 'publishers'], excerpts: 'every' },
  // Another workspace is open afterwards and the page starts again on it (a reload:
  // workspace/WorkspacesView.tsx), so nothing reloads in place: those requests would be
  // made for the workspace the page was showing, which the server refuses (http.ts).
  'workspaces:open': { topics: [] },
  // The window restyles itself from the reply; the backups list may now be another folder's.
  'settings:set': { topics: ['settings', 'backups'] },
  'savedSearches:save': { topics: ['searches'] },
  'savedSearches:delete': { topics: ['searches'] },
} as const satisfies Record<string, Change>;

export type Write = keyof typeof CHANGES;
