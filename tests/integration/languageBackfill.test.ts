// Sources imported before Sourcebook detected languages get theirs once the workspace is
// open: a workspace from just before languages (made here, on a real file) with a Spanish, a Russian and a
// three-word source, one of them with a language the analyst set by hand.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, openWorkspace } from '../../db/workspace';
import { migrations } from '../../db/migrations';
import { migration018 as languagesAndScripts } from '../../db/migrations/018_languages_and_scripts';
import { detectMissingLanguages } from '../../electron/services/languages';
import { listVersions } from '../../db/sources';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-languages-');
afterAll(() => tmp.cleanup());

describe('languages of sources imported before detection', () => {
  it('are detected once, never over the analyst’s choice, and a text too short to tell is not read again', async () => {
    const path = tmp.path('old.sourcebook');
    const old = new Database(path);
    migrate(old, migrations.slice(0, migrations.indexOf(languagesAndScripts)));
    old.pragma('application_id = 0x53726342');
    const put = old.prepare(`INSERT INTO sources (id, title, language, original_format, captured_at, created_at, updated_at) VALUES (?, ?, ?, 'text', 'now', 'now', 'now')`);
    const text = old.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, created_at) VALUES (?, 1, ?, 'h', 'now')`);
    put.run('src_es', 'Sanciones', null);
    text.run('src_es', 'El ministro dijo que las sanciones seguirán vigentes hasta que se reanuden las conversaciones.');
    put.run('src_ru', 'Санкции', 'uk');
    text.run('src_ru', 'Министр заявил, что санкции останутся в силе до возобновления переговоров.');
    put.run('src_x', 'Codes', null);
    text.run('src_x', '4711 31337 0815');
    old.close();

    const db = openWorkspace(path);
    expect(await detectMissingLanguages(db)).toBe(3);
    const rows = () => db.prepare(`SELECT s.id, s.language AS source, v.language AS version FROM sources s JOIN source_versions v ON v.source_id = s.id ORDER BY s.id`).all();
    expect(rows()).toEqual([
      { id: 'src_es', source: 'es', version: 'es' },
      { id: 'src_ru', source: 'uk', version: 'ru' }, // the analyst's choice stays
      { id: 'src_x', source: null, version: 'und' },
    ]);
    expect(await detectMissingLanguages(db)).toBe(0);
    // Each version shows its own (the Versions menu); 'und' shows as none.
    expect(listVersions(db, 'src_ru').map((v) => v.language)).toEqual(['ru']);
    expect(listVersions(db, 'src_x').map((v) => v.language)).toEqual([null]);
    db.close();
  });
});
