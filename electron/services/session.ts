import { openWorkspace, workspaceCounts, type Db, type WorkspaceCounts } from '../../db/workspace';
import type { PdfPrinter } from './export/pdf';
import { seedSample, wantsSample } from './sample';

/** An open workspace with what the services need: the store and a PDF printer. */
export interface Session {
  db: Db;
  workspacePath: string;
  printer: PdfPrinter;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a workspace. A brand-new workspace gets the sample
 * content unless `sample: false` (tests, scripted use). The printer is the caller's
 * choice (Electron's in the app, headless Chromium elsewhere), so the app's bundle never
 * carries the other one.
 */
export async function openSession(workspacePath: string, options: { printer: PdfPrinter; sample?: boolean; newWorkspace?: boolean }): Promise<Session> {
  // An existing empty file becomes the workspace only when the person asked for a new one there.
  const db = openWorkspace(workspacePath, { allowEmpty: options.newWorkspace ?? false });
  try {
    if ((options.sample ?? true) && wantsSample(db)) await seedSample(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const printer = options.printer;
  return {
    db,
    workspacePath,
    printer,
    async close() {
      await printer.close?.();
      db.close();
    },
  };
}

/** The store alone, for one CLI command: no sample content, no printer. */
export function openStore(path: string, options: { readonly?: boolean } = {}): Db {
  return openWorkspace(path, options);
}

/** What the window's status line shows: where the workspace is and how much it holds. */
export function workspaceInfo(db: Db, path: string): { path: string } & Omit<WorkspaceCounts, 'entities'> {
  const { sources, excerpts, briefs } = workspaceCounts(db);
  return { path, sources, excerpts, briefs };
}
