import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Db } from '../../../db/workspace';
import { getSource, insertSource } from '../../../db/sources';
import { insertExcerpt } from '../../../db/excerpts';
import { restoreItem, trashItem } from '../../../db/trash';
import { mergeRows } from '../../../db/merge';

// Migration 017 drops the trigger that recounted a source's excerpts when its row was
// inserted; rows written back leave the count to the excerpts that come back with them.
describe('migration 017: excerpt counts of sources written back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcebook-m017-'));
  const open: Db[] = [];
  const workspace = (name: string) => {
    const db = openWorkspace(join(dir, name));
    open.push(db);
    return db;
  };
  afterEach(() => open.splice(0).forEach((db) => db.close()));

  const text = 'The port of Tartus was closed on Monday. Officials said the port would reopen.';
  const sourceWithExcerpts = (db: Db, title: string) => {
    const id = insertSource(db, { title, author: null, publisher: 'Wire', publishedAt: null, url: null, language: null, format: 'text', originalName: null, text, original: null });
    for (const [start, end] of [[0, 8], [41, 50]]) insertExcerpt(db, { sourceId: id, version: 1, start, end, quote: text.slice(start, end), prefix: '', suffix: '' });
    return id;
  };
  const count = (db: Db, id: string) => getSource(db, id)?.excerptCount;

  it('has no insert trigger on sources left', () => {
    const db = workspace('triggers.sourcebook');
    const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sources' AND sql LIKE '%AFTER INSERT%'`).pluck().all();
    expect(triggers).toEqual([]);
  });

  it('a source restored from the Trash with its excerpts counts them once', () => {
    const db = workspace('trash.sourcebook');
    const id = sourceWithExcerpts(db, 'Tartus closed');
    expect(count(db, id)).toBe(2);
    expect(trashItem(db, 'source', id)).toBe(true);
    const [item] = db.prepare(`SELECT id FROM trash`).pluck().all() as string[];
    expect(restoreItem(db, item)).not.toBeNull();
    expect(count(db, id)).toBe(2);
  });

  it('a source merged from another workspace with its excerpts counts them once', () => {
    const other = workspace('other.sourcebook');
    const id = sourceWithExcerpts(other, 'Tartus closed');
    const db = workspace('merged.sourcebook');
    mergeRows(db, other, 'other.sourcebook');
    expect(count(db, id)).toBe(2);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});
