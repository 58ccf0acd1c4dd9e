// Sources written straight into a workspace file through the store (db/sources.ts), for
// the end-to-end tests that need a few texts of their own before the server starts (the
// `prepare` of startAppServer): no import, no parsing, just the sources as given.
import { openWorkspace, writeTransaction } from '../../db/workspace';
import { insertSource } from '../../db/sources';

export interface GivenSource {
  title: string;
  text: string;
  publisher?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

export function addSources(path: string, sources: readonly GivenSource[]): string[] {
  const db = openWorkspace(path);
  try {
    return writeTransaction(db, () =>
      sources.map((s) =>
        insertSource(db, { title: s.title, text: s.text, author: null, publisher: s.publisher ?? null, publishedAt: s.publishedAt ?? null, url: null, language: s.language ?? null, format: 'text', originalName: null, original: null }),
      ),
    );
  } finally {
    db.close();
  }
}
