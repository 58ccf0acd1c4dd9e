import { openWorkspace, workspaceCounts, type Db, type WorkspaceCounts } from '../../db/workspace';
import type { PdfPrinter } from './export/pdf';
import { seedSample, wantsSample } from './sample';
import { BackupSchedule, backupBeforeMigration, listBackups, restoreBackup } from './backup';
import { UserError } from './errors';
import { resolve } from 'node:path';
import { syncFolderOf, type SyncFolder } from './syncFolder';
import { workspaceName } from './workspaceFile';
import { purgeOldTrash } from './trash';
import { resumeScans } from './entities';
import { detectMissingLanguages } from './languages';
import type { WorkspaceSwitcher } from './workspaceSwitcher';
import { preferencesHost, type PreferencesHost } from './preferences';

/** An open workspace with what the services need: the store and a PDF printer. */
export interface Session {
  db: Db;
  workspacePath: string;
  printer: PdfPrinter;
  /** Automatic backups while the workspace is open (every 15 minutes of changes, and on close). */
  backups: BackupSchedule;
  /**
   * Puts one of the workspace's own backups in place of it (the app's Restore…): the
   * workspace is backed up first, closed, replaced, and opened again — `db` is the restored
   * one afterwards. Only a backup listed in its backups folder is accepted.
   */
  restore(backupPath: string): Promise<{ restored: string; previous: string | null }>;
  /** Switching to another workspace, where the host offers it (set by the host: http.ts, the Electron main process). */
  workspaces?: WorkspaceSwitcher;
  /** The person's preferences: the host's settings file (set by the host), else memory for this session. */
  preferences: PreferencesHost;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a workspace. A brand-new workspace gets the sample
 * content unless `sample: false` (tests, scripted use). The printer is the caller's
 * choice (Electron's in the app, headless Chromium elsewhere), so the app's bundle never
 * carries the other one.
 */
export async function openSession(workspacePath: string, options: { printer: PdfPrinter; sample?: boolean; newWorkspace?: boolean; create?: boolean }): Promise<Session> {
  // An existing empty file becomes the workspace only when the person asked for a new one
  // there; `create: false` (a switch to a listed workspace) never makes a new one.
  const db = openWorkspace(workspacePath, { allowEmpty: options.newWorkspace ?? false, create: options.create, beforeMigrate: (store, from) => backupBeforeMigration(store, workspacePath, from) });
  try {
    if ((options.sample ?? true) && wantsSample(db)) await seedSample(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // What has been in the Trash for 30 days goes for good when a workspace is opened, and
  // scans for new names that a kill or crash cut short are run again.
  purgeOldTrash(db);
  resumeScans(db);
  // Sources imported before languages were detected get theirs, in the background.
  void detectMissingLanguages(db).catch((err: unknown) => console.error(`[sourcebook] language detection stopped: ${(err as Error).message}`));
  const printer = options.printer;
  const backups = new BackupSchedule(db, workspacePath);
  const timer = setInterval(() => void session.backups.tick().catch((err: unknown) => console.error(`[sourcebook] automatic backup failed: ${(err as Error).message}`)), 60_000);
  timer.unref();
  const session: Session = {
    db,
    workspacePath,
    printer,
    backups,
    preferences: preferencesHost(null),
    async restore(backupPath) {
      const wanted = resolve(backupPath);
      if (!listBackups(workspacePath).some((b) => resolve(b.path) === wanted)) throw new UserError('Only one of this workspace’s own backups can be restored here.');
      let released = false;
      try {
        return await restoreBackup(workspacePath, wanted, {
          db: session.db,
          release: () => {
            session.db.close();
            released = true;
          },
        });
      } finally {
        // Reopened whatever happened once it was closed: the restored file, or the old one if replacing failed.
        if (released) {
          session.db = openWorkspace(workspacePath);
          session.backups = new BackupSchedule(session.db, workspacePath);
        }
      }
    },
    async close() {
      clearInterval(timer);
      try {
        await session.backups.close();
      } catch (err) {
        // A failed last backup must not keep the workspace open or lose the close.
        console.error(`[sourcebook] backup on close failed: ${(err as Error).message}`);
      }
      await printer.close?.();
      session.db.close();
    },
  };
  return session;
}

/** The store alone, for one CLI command: no sample content, no printer. */
export function openStore(path: string, options: { readonly?: boolean } = {}): Db {
  const db = openWorkspace(path, { ...options, beforeMigrate: (store, from) => backupBeforeMigration(store, path, from) });
  // A scan for a new name that a kill cut short is finished before the command runs.
  if (!options.readonly) resumeScans(db);
  return db;
}

/** What the window shows about the workspace: its name and where it is, how much it holds, and whether a sync client manages its folder. */
export function workspaceInfo(db: Db, path: string): { path: string; name: string; syncedBy: SyncFolder | null } & Omit<WorkspaceCounts, 'entities'> {
  const { sources, excerpts, briefs } = workspaceCounts(db);
  return { path, name: workspaceName(path), sources, excerpts, briefs, syncedBy: syncFolderOf(path) };
}
