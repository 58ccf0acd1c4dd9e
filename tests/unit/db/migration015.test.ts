import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { migrate, searchIndexProblems } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';
import { addVersion, insertSource, storedVersions, updateSourceMeta } from '../../../db/sources';
import { deferSourceIndexing, indexDeferredSources, search } from '../../../db/search';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const html = Buffer.from(`<!doctype html><html><body><nav>Home World Business</nav>${'<p>The harbour board delayed the cranes in Kestrava.</p>'.repeat(60)}</body></html>`);
const text = 'The harbour board delayed the cranes in Kestrava.\n';

/** A schema-14 workspace with a plain-text source (original = the text) and an HTML one. */
function workspaceAt14(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, 14));
  const put = db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now', 'now')`);
  const version = db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, original, original_hash, created_at) VALUES (?, 1, ?, ?, ?, ?, 'now')`);
  put.run('src_txt', 'Minutes of the harbour board', 'text');
  version.run('src_txt', 'Scanning rates fell at the East Terminal.', sha('Scanning rates fell at the East Terminal.'), Buffer.from('Scanning rates fell at the East Terminal.'), sha('Scanning rates fell at the East Terminal.'));
  put.run('src_html', 'Cranes delayed', 'html');
  version.run('src_html', text, sha(text), html, sha(html));
  // A text file ends with a line break its text does not keep.
  put.run('src_nl', 'Dredging notes', 'text');
  version.run('src_nl', 'Dredging began.', sha('Dredging began.'), Buffer.from('Dredging began.\r\n'), sha('Dredging began.\r\n'));
  return db;
}

describe('migration 015 (one copy of the text)', () => {
  it('keeps one copy of each text: the index holds none, an original equal to the text is dropped, a large one deflated', () => {
    const db = workspaceAt14();
    migrate(db, migrations.slice(0, 15));
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'sources_fts%'`).pluck().all();
    expect(tables).not.toContain('sources_fts_content');
    const rows = db.prepare(`SELECT source_id, original, original_encoding FROM source_versions ORDER BY source_id`).all() as { source_id: string; original: Buffer | null; original_encoding: string | null }[];
    expect(rows[0]).toMatchObject({ source_id: 'src_html', original_encoding: 'deflate' });
    expect(rows[0].original!.length).toBeLessThan(html.length / 5);
    expect(rows[1]).toEqual({ source_id: 'src_nl', original: Buffer.from('\r\n'), original_encoding: 'text+tail' });
    expect(rows[2]).toEqual({ source_id: 'src_txt', original: null, original_encoding: null });
    // What verify and backups re-hash is still the bytes as imported.
    const stored = [...storedVersions(db)];
    expect(stored.find((v) => v.sourceId === 'src_html')!.original!.equals(html)).toBe(true);
    expect(stored.find((v) => v.sourceId === 'src_txt')!.original!.toString()).toBe('Scanning rates fell at the East Terminal.');
    expect(stored.find((v) => v.sourceId === 'src_nl')!.original!.toString()).toBe('Dredging began.\r\n');
    expect(searchIndexProblems(db)).toEqual([]);
    expect(search(db, 'cranes').map((h) => h.id)).toEqual(['src_html']);
    expect(search(db, 'harbour').map((h) => h.id).sort()).toEqual(['src_html', 'src_txt']);
  });

  it('keeps the index true to the texts through new sources, renames, new versions and deletes', () => {
    const db = workspaceAt14();
    migrate(db, migrations);
    const id = insertSource(db, { title: 'Port log', author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: 'Dredging started at Sandmere.', original: Buffer.from('Dredging started at Sandmere.') });
    expect(search(db, 'sandmere').map((h) => h.id)).toEqual([id]);
    updateSourceMeta(db, id, { title: 'Sandmere works log' });
    expect(search(db, 'works').map((h) => h.id)).toEqual([id]);
    expect(search(db, 'port')).toEqual([]);
    addVersion(db, id, { text: 'Dredging stopped at Sandmere after the tender collapsed.', original: null, originalName: null });
    expect(search(db, 'tender').map((h) => h.id)).toEqual([id]);
    expect(search(db, 'started')).toEqual([]);
    expect(searchIndexProblems(db)).toEqual([]);
    db.prepare(`DELETE FROM sources WHERE id = ?`).run(id);
    expect(search(db, 'sandmere')).toEqual([]);
    expect(searchIndexProblems(db)).toEqual([]);
  });

  it('matches whole words unless a prefix is asked for, and ranks titles first', () => {
    const db = workspaceAt14();
    migrate(db, migrations);
    expect(search(db, 'crane')).toEqual([]);
    expect(search(db, 'crane*').map((h) => h.id)).toEqual(['src_html']);
    expect(search(db, 'cra', { asYouType: true }).map((h) => h.id)).toEqual(['src_html']);
    expect(search(db, 'cra ', { asYouType: true })).toEqual([]);
    // "harbour" is in the title of one and the body of the other: the title weighs more.
    expect(search(db, 'harbour')[0].id).toBe('src_txt');
  });

  it('indexes the texts of a bulk import together before the batch commits, and a file rolled back leaves nothing queued', () => {
    const db = workspaceAt14();
    migrate(db, migrations);
    const source = (title: string, text: string) => ({ title, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text' as const, originalName: null, text, original: null });
    db.exec('BEGIN IMMEDIATE');
    deferSourceIndexing(db);
    const kept = db.transaction(() => insertSource(db, source('Quay log', 'Trawlers unloaded at the quay.')))();
    expect(() =>
      db.transaction(() => {
        insertSource(db, source('Half a file', 'Bunkering was halted.'));
        throw new Error('the file failed half-way');
      })(),
    ).toThrow(/half-way/);
    updateSourceMeta(db, kept, { title: 'Quay log, March' });
    // Not searchable yet: indexed at the batch's end, as it is then.
    expect(search(db, 'trawlers')).toEqual([]);
    indexDeferredSources(db);
    db.exec('COMMIT');
    expect(search(db, 'trawlers').map((h) => [h.id, h.title])).toEqual([[kept, 'Quay log, March']]);
    expect(search(db, 'bunkering')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM sources_fts_pending').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM bulk_import').pluck().get()).toBe(0);
    expect(searchIndexProblems(db)).toEqual([]);
    // After the batch, texts are indexed as they arrive again.
    const later = insertSource(db, source('Pilot notes', 'Pilots boarded at dawn.'));
    expect(search(db, 'pilots').map((h) => h.id)).toEqual([later]);
  });
});
