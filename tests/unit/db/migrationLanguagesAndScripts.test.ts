import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, searchIndexProblems } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';
import { migration018 as languagesAndScripts } from '../../../db/migrations/018_languages_and_scripts';

// Written by its name, not its number: the number may change when branches are merged.
const before = migrations.slice(0, migrations.indexOf(languagesAndScripts));
import { addVersion, deleteSource, insertSource, updateSourceMeta } from '../../../db/sources';
import { deferSourceIndexing, indexDeferredSources, search } from '../../../db/search';

const ARABIC = 'قالَ الوزيرُ إنّ العقوباتِ ستبقى ساريةً حتى استئنافِ المحادثات.';
const CHINESE = '部长说，在谈判恢复之前，制裁将继续有效。';

/** A workspace just before this migration with an Arabic source (with harakat), a Chinese one, an excerpt and a brief. */
function workspaceBefore(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, before);
  const put = db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES (?, ?, 'text', 'now', 'now', 'now')`);
  const version = db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, created_at) VALUES (?, 1, ?, 'h', 'now')`);
  put.run('src_ar', 'تصريح الوزير');
  version.run('src_ar', ARABIC);
  put.run('src_zh', '部长讲话');
  version.run('src_zh', CHINESE);
  db.prepare(`INSERT INTO excerpts (id, source_id, version, start, end, quote, note, created_at, updated_at) VALUES ('exc_1', 'src_ar', 1, 0, 10, ?, 'مُلاحَظة', 'now', 'now')`).run(ARABIC);
  return db;
}

describe('migration 018, "languages and scripts"', () => {
  const words = (db: Database.Database, q: string) => search(db, q).map((h) => `${h.kind}:${h.id}:${h.snippet.slice(...(h.highlights[0] ?? [0, 0]))}`);

  it('indexes what was there folded, finds an Arabic word without its harakat and a two-character Chinese word, and shows the original text', () => {
    const db = workspaceBefore();
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(languagesAndScripts.version);
    expect(words(db, 'العقوبات').sort()).toEqual(['excerpt:exc_1:العقوباتِ', 'source:src_ar:العقوباتِ']);
    expect(words(db, 'ملاحظه')).toEqual(['excerpt:exc_1:مُلاحَظة']);
    expect(words(db, '制裁')).toEqual(['source:src_zh:制裁']);
    expect(searchIndexProblems(db)).toEqual([]);
  });

  it('keeps both indexes right through new versions, title changes, deletion and a bulk import', () => {
    const db = workspaceBefore();
    migrate(db, migrations);
    addVersion(db, 'src_zh', { text: '外交部发言人表示。', original: null, originalName: null });
    expect(words(db, '制裁')).toEqual([]);
    expect(words(db, '外交')).toEqual(['source:src_zh:外交']);
    updateSourceMeta(db, 'src_zh', { title: '发言人 statement' });
    expect(words(db, 'statement').length).toBe(1);
    deleteSource(db, 'src_zh');
    expect(words(db, '外交')).toEqual([]);
    db.transaction(() => {
      deferSourceIndexing(db);
      insertSource(db, { title: 'بیانیه', author: null, publisher: null, publishedAt: null, url: null, language: 'fa', format: 'text', originalName: null, text: 'مذاکرات هسته‌ای و 人民日报', original: null });
      indexDeferredSources(db);
    })();
    expect(search(db, 'مذاكرات').length).toBe(1);
    expect(search(db, '日报').length).toBe(1);
    expect(searchIndexProblems(db)).toEqual([]);
  });
});
