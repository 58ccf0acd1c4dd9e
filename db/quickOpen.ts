// Quick Open (Ctrl/Cmd+O): anything of the workspace by its name — sources and briefs by
// title, entities by name or alias, excerpts by their quote — each word of the query
// somewhere in it, case-insensitively. A few of each kind, the closest first (the name
// beginning with the query, then the newest); the window ranks them together
// (common/fuzzy.ts). Never reads every source: LIMIT on each kind.
import type { Db } from './workspace';
import type { QuickOpenItem } from './domain';
import { prepared } from './statements';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE @w0 AND column LIKE @w1 …` for each word, and the parameters. */
function allWords(column: string, words: readonly string[]): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const sql = words.map((w, i) => {
    params[`w${i}`] = `%${escapeLike(w)}%`;
    return `${column} LIKE @w${i} ESCAPE '\\'`;
  });
  return { sql: sql.length ? sql.join(' AND ') : '1', params };
}

export function quickOpen(db: Db, query: string, limit = 8): QuickOpenItem[] {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const starts = `${escapeLike(query.trim())}%`;
  const run = (sql: string, params: Record<string, string>) => prepared(db, sql).all({ ...params, starts, limit }) as QuickOpenItem[];
  const title = allWords('s.title', words);
  const briefTitle = allWords('b.title', words);
  const name = allWords('n.name', words);
  const alias = allWords('a.alias', words);
  const quote = allWords('e.quote', words);
  return [
    ...run(
      `SELECT 'source' AS kind, s.id, s.title, s.publisher AS detail, NULL AS sourceId FROM sources s WHERE ${title.sql}
       ORDER BY s.title LIKE @starts ESCAPE '\\' DESC, s.created_at DESC, s.seq DESC LIMIT @limit`,
      title.params,
    ),
    ...run(
      `SELECT 'brief' AS kind, b.id, b.title, NULL AS detail, NULL AS sourceId FROM briefs b WHERE ${briefTitle.sql}
       ORDER BY b.title LIKE @starts ESCAPE '\\' DESC, b.updated_at DESC LIMIT @limit`,
      briefTitle.params,
    ),
    ...run(
      `SELECT 'entity' AS kind, n.id, n.name AS title, n.type AS detail, NULL AS sourceId FROM entities n
       WHERE ${name.sql} OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = n.id AND ${alias.sql})
       ORDER BY n.name LIKE @starts ESCAPE '\\' DESC, n.name LIMIT @limit`,
      { ...name.params, ...alias.params },
    ),
    ...(words.length
      ? run(
          `SELECT 'excerpt' AS kind, e.id, e.quote AS title, s.title AS detail, e.source_id AS sourceId FROM excerpts e JOIN sources s ON s.id = e.source_id
           WHERE ${quote.sql} ORDER BY e.updated_at DESC LIMIT @limit`,
          quote.params,
        )
      : []),
  ];
}
