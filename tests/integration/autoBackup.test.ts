// Automatic backups (issue #11): after changes at most every 15 minutes and on close,
// always before a migration, thinned out to the last 12, one a day for 7 days and one a
// week for 4 weeks; backups made by hand are never thinned out.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { migrate, openWorkspace } from '../../db/workspace';
import { migrations, latestVersion } from '../../db/migrations';
import { BackupSchedule, backupsToPrune, listBackups, type BackupRecord } from '../../electron/services/backup';
import { openStore } from '../../electron/services/session';
import { cli } from '../helpers/cli';
import { spawnSync } from 'node:child_process';
import { addEntity } from '../../electron/services/entities';
import { tempDir } from '../helpers/tmp';
import { openSession } from '../../electron/services/session';
import { createRouter } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';

const tmp = tempDir('sourcebook-autobackup-');
afterAll(() => tmp.cleanup());

const HOUR = 3_600_000;

describe('backup retention', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const record = (hoursAgo: number, reason = 'automatic'): BackupRecord => ({
    path: `/b/${hoursAgo}h-${reason}.sourcebook`,
    createdAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
    reason,
    bytes: 1,
    verified: true,
    counts: { sources: 0, excerpts: 0, entities: 0, briefs: 0 },
  });

  it('keeps the newest 12, the newest of each of 7 days and of each of 4 weeks, and every manual backup', () => {
    // One automatic backup every 3 hours for 40 days, and one made by hand 39 days ago.
    const records = [...Array.from({ length: 40 * 8 }, (_, i) => record(i * 3)), record(39 * 24, 'manual')];
    const pruned = new Set(backupsToPrune(records, now).map((r) => r.path));
    const kept = records.filter((r) => !pruned.has(r.path));
    const age = (r: BackupRecord) => (now.getTime() - Date.parse(r.createdAt)) / HOUR;
    expect(kept.filter((r) => r.reason === 'manual')).toHaveLength(1);
    const automatic = kept.filter((r) => r.reason === 'automatic').map(age).sort((a, b) => a - b);
    // The newest 12 (0..33 h), then the newest of days 2..7 (first backup ≥ 24 h, 48 h, …), then of weeks 2..4.
    expect(automatic).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 48, 72, 96, 120, 144, 168, 336, 504]);
  });

  it('thins out only automatic backups', () => {
    const records = Array.from({ length: 20 }, (_, i) => record(i, i % 2 ? 'manual' : 'automatic'));
    expect(backupsToPrune(records, now).every((r) => r.reason === 'automatic')).toBe(true);
  });
});

describe('BackupSchedule', () => {
  it('backs up after changes once 15 minutes have passed, and on close only if something changed', async () => {
    const path = tmp.path('scheduled.sourcebook');
    const db = openWorkspace(path);
    let clock = Date.parse('2026-12-04T09:00:00Z');
    const schedule = new BackupSchedule(db, path, 15 * 60_000, () => clock);
    clock += 20 * 60_000;
    expect(await schedule.tick()).toBeNull(); // nothing changed
    addEntity(db, 'Kestrava', 'location');
    clock += 60_000;
    // Changed, and the last backup (the opening) is 21 minutes old.
    const first = await schedule.tick();
    expect(first).toMatchObject({ verified: true, counts: { entities: 1 } });
    addEntity(db, 'Mira Halden', 'person');
    clock += 5 * 60_000;
    expect(await schedule.tick()).toBeNull(); // only 5 minutes since
    const last = await schedule.close();
    expect(last).toMatchObject({ verified: true, counts: { entities: 2 } });
    expect(await schedule.close()).toBeNull(); // nothing since
    db.close();
    expect(listBackups(path).map((b) => [b.reason, b.counts.entities])).toEqual([
      ['automatic', 2],
      ['automatic', 1],
    ]);
  });
});

describe('before a migration', () => {
  it('backs up a workspace written by an older version before updating its format', () => {
    const path = tmp.path('older.sourcebook');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 10));
    const now = new Date().toISOString();
    old.prepare(`INSERT INTO sources (id, title, original_format, captured_at, created_at, updated_at) VALUES ('src_a', 'Kept', 'text', ?, ?, ?)`).run(now, now, now);
    old.close();

    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    db.close();
    const [backup] = listBackups(path);
    expect(backup).toMatchObject({ reason: 'before migration from schema 10', verified: true, counts: { sources: 1 } });
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(10);
    copy.close();

    // Opening it again migrates nothing, and backs nothing up.
    openStore(path).close();
    expect(listBackups(path)).toHaveLength(1);
  });

  it('makes no backup of a brand-new workspace', () => {
    const path = tmp.path('new.sourcebook');
    writeFileSync(tmp.path('unrelated.txt'), 'x');
    openStore(path).close();
    expect(listBackups(path)).toEqual([]);
  });
});

describe('the backups channels (the app\'s Backups panel)', () => {
  it('backs up now, lists, and restores one of the workspace\'s own backups in place, refusing any other path', async () => {
    const path = tmp.path('panel.sourcebook');
    const session = await openSession(path, { printer: chromiumPrinter(), sample: false });
    const route = createRouter(session, () => {});
    try {
      addEntity(session.db, 'Kestrava', 'location');
      const made = await route('backups:now', {});
      expect(made).toMatchObject({ ok: true, value: { verified: true, reason: 'manual', counts: { entities: 1 } } });
      addEntity(session.db, 'Mira Halden', 'person');
      const listed = await route('backups:list', {});
      expect(listed.ok && (listed.value as { path: string }[]).length).toBe(1);
      const backupPath = (listed as { value: { path: string }[] }).value[0].path;

      expect(await route('backups:restore', { path: tmp.path('elsewhere.sourcebook') })).toEqual({ ok: false, error: expect.stringMatching(/Only one of this workspace’s own backups/) });
      const restored = await route('backups:restore', { path: backupPath });
      expect(restored).toMatchObject({ ok: true, value: { restored: backupPath, previous: expect.stringContaining('panel backups') } });
      // The open workspace is the restored one: one entity, and it still answers.
      expect(await route('entities:list', {})).toMatchObject({ ok: true, value: [{ name: 'Kestrava' }] });
      // The state before the restore was backed up first, with both entities.
      const safety = listBackups(path).find((b) => b.reason === 'before restoring a backup');
      expect(safety?.counts.entities).toBe(2);
    } finally {
      await session.close();
    }
  });
});

describe('where backups go', () => {
  it('beside the workspace, or in "<name> backups" inside the folder SOURCEBOOK_BACKUPS names', () => {
    const path = tmp.path('placed.sourcebook');
    openStore(path).close();
    expect(cli(path, 'backup', '--json').json<{ path: string }>().path.startsWith(tmp.path('placed backups/'))).toBe(true);
    const elsewhere = tmp.path('other disk');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', '--workspace', path, 'backup', '--json'], { encoding: 'utf8', env: { ...process.env, SOURCEBOOK_BACKUPS: elsewhere } });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { path: string }).path.startsWith(`${elsewhere}/placed backups/`)).toBe(true);
  });
});
