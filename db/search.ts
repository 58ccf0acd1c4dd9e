import type { Db } from './workspace';
import type { SearchHit } from './domain';
import type { SearchResult } from './domain';
export type { SearchResult };

// Full-text search over sources, excerpts and briefs. Whatever a person types is turned
// into a safe FTS5 expression here: FTS5 syntax never reaches the engine from input.

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** Words and balanced "phrases" of the input, each quoted; the last bare word matches as a prefix. */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
  const re = /"([^"]*)"/g;
  let last = 0;
  let bare: string[] = [];
  const pushBare = (s: string) => {
    bare = words(s);
    for (const w of bare) parts.push(`"${w}"`);
  };
  for (let m = re.exec(input); m; m = re.exec(input)) {
    pushBare(input.slice(last, m.index));
    const phrase = words(m[1]);
    if (phrase.length) parts.push(`"${phrase.join(' ')}"`);
    last = re.lastIndex;
    bare = [];
  }
  pushBare(input.slice(last));
  if (parts.length === 0) return null;
  // Prefix match on a trailing bare word gives results while the user is still typing.
  if (bare.length && /[\p{L}\p{N}]$/u.test(input.trimEnd()) && !input.trimEnd().endsWith('"')) {
    parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
  }
  return parts.join(' ');
}

/** Removes the highlight markers and returns where they were. */
function unmark(marked: string): { text: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) highlights.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}

interface HitRow {
  kind: SearchHit['kind'];
  id: string;
  title: string;
  snippet: string;
  rank: number;
}


export function search(db: Db, input: string, limit = 50): SearchResult[] {
  const q = toFtsQuery(input);
  if (!q) return [];
  const m = `'${OPEN}', '${CLOSE}', '…', 16`;
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT 'source' AS kind, s.id, s.title, snippet(sources_fts, 1, ${m}) AS snippet, bm25(sources_fts, 5.0, 1.0) AS rank
           FROM sources_fts JOIN sources s ON s.seq = sources_fts.rowid WHERE sources_fts MATCH @q
         UNION ALL
         SELECT 'excerpt', e.id, s.title, snippet(excerpts_fts, -1, ${m}), bm25(excerpts_fts, 2.0, 1.0)
           FROM excerpts_fts JOIN excerpts e ON e.seq = excerpts_fts.rowid JOIN sources s ON s.id = e.source_id WHERE excerpts_fts MATCH @q
         UNION ALL
         SELECT 'brief', b.id, b.title, snippet(briefs_fts, 1, ${m}), bm25(briefs_fts, 5.0, 1.0)
           FROM briefs_fts JOIN briefs b ON b.seq = briefs_fts.rowid WHERE briefs_fts MATCH @q
       ) ORDER BY rank LIMIT @limit`,
    )
    .all({ q, limit }) as HitRow[];
  return rows.map((r) => {
    const { text, highlights } = unmark(r.snippet);
    return { kind: r.kind, id: r.id, title: r.title, snippet: text, highlights };
  });
}

/** Excerpts whose quote, note, tags, entities or source title match: the citation typeahead. */
export function searchExcerptIds(db: Db, input: string, limit = 20): string[] {
  const q = toFtsQuery(input);
  if (!q) {
    return (db.prepare(`SELECT id FROM excerpts ORDER BY updated_at DESC, seq DESC LIMIT ?`).all(limit) as { id: string }[]).map((r) => r.id);
  }
  const like = `%${input.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .prepare(
        `SELECT id FROM (
           SELECT e.id, bm25(excerpts_fts) AS rank FROM excerpts_fts JOIN excerpts e ON e.seq = excerpts_fts.rowid WHERE excerpts_fts MATCH @q
           UNION ALL
           SELECT e.id, 0.5 FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE s.title LIKE @like ESCAPE '\\'
           UNION ALL
           SELECT et.excerpt_id, 0.5 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name LIKE @like ESCAPE '\\'
           UNION ALL
           SELECT x.excerpt_id, 0.5 FROM excerpt_entities x JOIN entities n ON n.id = x.entity_id WHERE n.name LIKE @like ESCAPE '\\'
         ) GROUP BY id ORDER BY min(rank) LIMIT @limit`,
      )
      .all({ q, like, limit }) as { id: string }[]
  ).map((r) => r.id);
}
