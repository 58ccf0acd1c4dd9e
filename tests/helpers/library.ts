// A large library, fast: generated sources written straight through the store's own
// functions (db/sources.ts insertSource, db/excerpts.ts insertExcerpt — each source with
// its first version, indexed for search by the schema's triggers) in one transaction,
// without parsing files or scanning for names as an import would. 50,000 short articles
// take some seconds. Used by bench:ui and the library e2e test, which need the library's
// size, not an import's work.
import { openWorkspace, writeTransaction } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { insertExcerpt } from '../../db/excerpts';
import { article, asText, prng } from '../bench/corpus';

const PUBLISHERS = ['Coastal Ledger', 'Northline Freight Review', 'Harbour Watch', 'The Kestrava Post', 'Baltic Shipping Wire', 'Port Alder Gazette', 'Sandmere Evening Star'];

export interface FilledLibrary {
  sources: number;
  excerpts: number;
  ms: number;
}

/**
 * Adds `count` generated sources to the workspace at `path` (created if missing): titles
 * "<Org> and <subject>: report <i>", ~60–120 words of text, a publisher (none for one in
 * ten), a publication date over 2019–2026 (none for one in eight), and 1–5 excerpts on one
 * source in five. The same seed gives the same library.
 */
export function fillLibrary(path: string, count: number, { seed = 20261212 }: { seed?: number } = {}): FilledLibrary {
  const t0 = performance.now();
  const rand = prng(seed);
  const db = openWorkspace(path);
  let excerpts = 0;
  try {
    writeTransaction(db, () => {
      for (let i = 0; i < count; i++) {
        const a = article(rand, i, 60);
        const text = asText(a);
        const id = insertSource(db, {
          title: a.title,
          author: a.author,
          publisher: rand() < 0.1 ? null : PUBLISHERS[Math.floor(rand() * PUBLISHERS.length)],
          publishedAt: rand() < 0.125 ? null : `${2019 + Math.floor(rand() * 8)}${a.date.slice(4)}`,
          url: null,
          language: 'en',
          format: 'text',
          originalName: `report-${i}.txt`,
          text,
          original: null,
        });
        if (rand() >= 0.2) continue;
        const n = 1 + Math.floor(rand() * 5);
        for (let k = 0; k < n; k++) {
          const paragraph = a.paragraphs[k % a.paragraphs.length];
          const quote = paragraph.slice(0, paragraph.indexOf('.') + 1);
          const start = text.indexOf(quote);
          insertExcerpt(db, { sourceId: id, version: 1, start, end: start + quote.length, quote, prefix: '', suffix: '' });
          excerpts++;
        }
      }
    });
  } finally {
    db.close();
  }
  return { sources: count, excerpts, ms: performance.now() - t0 };
}
