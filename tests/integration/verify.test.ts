// `sourcebook verify` (issue #11's probe: a one-byte change inside a stored source was
// noticed by nothing): every version's text and original bytes are hashed again against
// the hashes recorded when stored; a backup of a changed workspace does not count as good.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { migrate } from '../../db/workspace';
import { migrations } from '../../db/migrations';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-verify-');
afterAll(() => tmp.cleanup());

type Report = { sources: number; versions: number; mismatches: { sourceId: string; version: number; what: string }[] };

describe('sourcebook verify', () => {
  it('finds a changed byte in a stored text or in the original bytes, and names it', () => {
    const ws = tmp.path('ws.sourcebook');
    writeFileSync(tmp.path('memo.html'), '<html><head><title>Port memo</title></head><body><p>The dredging contract was extended without a tender.</p></body></html>');
    writeFileSync(tmp.path('note.txt'), 'A note on the Kestrava terminal.\n');
    const ids = cli(ws, 'import', tmp.path('memo.html'), tmp.path('note.txt'), '--json').json<{ imported: { id: string }[] }>().imported.map((i) => i.id);
    const clean = cli(ws, 'verify', '--json');
    expect(clean.code).toBe(0);
    expect(clean.json()).toEqual({ sources: 2, versions: 2, mismatches: [] });

    const db = new Database(ws);
    db.prepare(`UPDATE source_versions SET text = replace(text, 'tender', 'tendeR') WHERE source_id = ?`).run(ids[0]);
    // The note's original is its text and a final line break (only the break is stored apart: db/originals.ts): that byte changes.
    expect(db.prepare(`SELECT original_encoding FROM source_versions WHERE source_id = ?`).pluck().get(ids[1])).toBe('text+tail');
    db.prepare(`UPDATE source_versions SET original = X'0D' WHERE source_id = ?`).run(ids[1]);
    db.close();

    const changed = cli(ws, 'verify', '--json');
    expect(changed.code).toBe(1);
    expect(changed.json<Report>().mismatches).toEqual([
      { sourceId: ids[0], version: 1, what: 'text', expected: expect.any(String), actual: expect.any(String) },
      { sourceId: ids[1], version: 1, what: 'original', expected: expect.any(String), actual: expect.any(String) },
    ].sort((a, b) => a.sourceId.localeCompare(b.sourceId)));
    expect(cli(ws, 'verify').stdout).toMatch(/2 mismatches/);
    // A backup of it is kept, but does not count as verified.
    const backup = cli(ws, 'backup', '--json');
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/no longer match/);
  });

  it('records the hash of originals stored before it was recorded (migration 014)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 13));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'text', ?, ?, ?)`).run(now, now, now);
    db.prepare(`INSERT INTO source_versions (source_id, version, text, content_hash, original, created_at) VALUES ('src_a', 1, 'x', 'h', ?, ?)`).run(Buffer.from('abc'), now);
    migrate(db, migrations.slice(0, 14));
    expect(db.prepare(`SELECT original_hash FROM source_versions`).pluck().get()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
