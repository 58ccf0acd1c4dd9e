// Languages for what was imported before Sourcebook detected them (migration 018 leaves
// those versions without one): detected in the background once a workspace is open in
// the app, a batch at a time between other requests. A version whose text says too
// little to tell is marked 'und' (ISO 639: undetermined), so it is not read again; a
// source of no language takes its current version's. The analyst's own choice of
// language, or of none, is never overwritten: only a version never looked at is read.
import { writeTransaction, type Db } from '../../db/workspace';
import { prepared } from '../../db/statements';
import { detectLanguage } from './import/language';

const BATCH = 100;

/** Detects the language of every version that has none yet; resolves to how many were read. */
export async function detectMissingLanguages(db: Db, options: { signal?: AbortSignal } = {}): Promise<number> {
  let done = 0;
  for (;;) {
    if (!db.open || db.readonly || options.signal?.aborted) return done;
    const rows = prepared(
      db,
      `SELECT v.rowid AS rowid, v.text AS text, s.seq AS seq, (v.version = s.current_version AND s.language IS NULL) AS fill
       FROM source_versions v JOIN sources s ON s.id = v.source_id WHERE v.language IS NULL LIMIT ${BATCH}`,
    ).all() as { rowid: number; text: string; seq: number; fill: number }[];
    if (!rows.length) return done;
    const found: (string | null)[] = [];
    for (const r of rows) found.push(await detectLanguage(r.text));
    if (!db.open) return done;
    writeTransaction(db, () => {
      rows.forEach((r, i) => {
        // Only if nothing was written meanwhile (an import, the analyst).
        prepared(db, `UPDATE source_versions SET language = ? WHERE rowid = ? AND language IS NULL`).run(found[i] ?? 'und', r.rowid);
        if (r.fill && found[i]) prepared(db, `UPDATE sources SET language = ? WHERE seq = ? AND language IS NULL`).run(found[i], r.seq);
      });
    });
    done += rows.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
