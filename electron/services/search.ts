// Search as the front doors offer it: the workspace's sources and excerpts by relevance,
// and excerpts alone (the citation picker). The query language is db/search.ts's.
import type { Db } from '../../db/workspace';
import type { ExcerptView } from '../../db/domain';
import { search, searchExcerptIds } from '../../db/search';
import { getExcerpts } from '../../db/excerpts';
import { quickOpen } from '../../db/quickOpen';

import { searchFacets } from '../../db/searchFacets';
import { correctedQuery } from '../../db/spelling';

export { search, searchFacets };

/** "Did you mean": the query corrected word by word against the sources' vocabulary (db/spelling.ts), or null. */
export const correctQuery = correctedQuery;

/** Quick Open: sources, briefs, entities and excerpts by name (db/quickOpen.ts). */
export const findByName = quickOpen;

export function searchExcerpts(db: Db, query: string, limit?: number): ExcerptView[] {
  return getExcerpts(db, searchExcerptIds(db, query, limit));
}
