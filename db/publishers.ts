import type { Db } from './workspace';
import type { Reliability } from './domain';

/** A publisher's reliability: the default grade of every source it publishes. */
export function setPublisherReliability(db: Db, name: string, reliability: Reliability | null): void {
  const clean = name.trim();
  if (!clean) return;
  if (reliability === null) db.prepare(`DELETE FROM publishers WHERE name = ?`).run(clean);
  else {
    db.prepare(`INSERT INTO publishers (name, reliability) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET reliability = excluded.reliability`).run(
      clean,
      reliability,
    );
  }
}

export function getPublisherReliability(db: Db, name: string): Reliability | null {
  return (db.prepare(`SELECT reliability FROM publishers WHERE name = ?`).get(name.trim()) as { reliability: Reliability } | undefined)?.reliability ?? null;
}

export function listPublishers(db: Db): { name: string; reliability: Reliability; sources: number }[] {
  return db
    .prepare(
      `SELECT p.name, p.reliability, (SELECT count(*) FROM sources s WHERE s.publisher = p.name COLLATE NOCASE) AS sources FROM publishers p ORDER BY p.name`,
    )
    .all() as { name: string; reliability: Reliability; sources: number }[];
}
