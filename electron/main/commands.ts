// The commands of the registry that the main process carries out (workspaces, backups,
// windows, help), and the hand-off of the others to the window. Native dialogs
// ask for files; nothing here touches the store but through services.
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { commandById, type CommandId } from '../../common/commands';
import type { SettingsStore } from '../services/appSettings';
import { backupNow } from '../services/backup';
import type { Session } from '../services/session';
import { withWorkspaceExtension, workspaceName, WORKSPACE_EXTENSION } from '../services/workspaceFile';

/** What the commands need of the running app. */
export interface Desktop {
  window(): BrowserWindow | null;
  session(): Session | null;
  settings: SettingsStore;
  userData: string;
  /** Opens another workspace in place of the current one; false (having said why) if it cannot. */
  switchWorkspace(path: string, options?: { newWorkspace?: boolean }): Promise<boolean>;
  refreshChrome(): void;
  showError(message: string, detail: string): void;
}

const workspaceFilters = [{ name: 'Sourcebook workspace', extensions: [WORKSPACE_EXTENSION.slice(1), 'sqlite'] }];

/** A recent workspace, or, when it is gone from disk, the offer to remove it from the list. */
export async function openRecent(desktop: Desktop, path: string): Promise<void> {
  if (desktop.settings.recent().find((r) => r.path === path)?.missing) {
    const { response } = await dialog.showMessageBox(desktop.window()!, {
      type: 'warning',
      message: `${workspaceName(path)} is no longer there`,
      detail: `${path} was moved, renamed or deleted (or its drive is not connected).`,
      buttons: ['Remove from Recent', 'Keep'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) {
      desktop.settings.forget(path);
      desktop.refreshChrome();
    }
    return;
  }
  await desktop.switchWorkspace(path);
}

export async function runCommand(desktop: Desktop, id: CommandId): Promise<void> {
  const win = desktop.window();
  const session = desktop.session();
  if (commandById(id)!.target === 'window') {
    // Sent as a page event with a user gesture: a menu choice is the person's own act, and
    // a file chooser (Import) opens only on one. Only registry ids reach this string.
    if (win) await win.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent('sourcebook:command', { detail: ${JSON.stringify(id)} }))`, true);
    return;
  }
  switch (id) {
    case 'workspace.new': {
      const r = await dialog.showSaveDialog(win!, { title: 'New Workspace', buttonLabel: 'Create', defaultPath: join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`), filters: workspaceFilters });
      if (!r.canceled && r.filePath) await desktop.switchWorkspace(withWorkspaceExtension(r.filePath), { newWorkspace: true });
      return;
    }
    case 'workspace.open': {
      const r = await dialog.showOpenDialog(win!, { title: 'Open Workspace', properties: ['openFile'], filters: workspaceFilters });
      if (!r.canceled && r.filePaths[0]) await desktop.switchWorkspace(r.filePaths[0]);
      return;
    }
    case 'workspace.moveOut': {
      // Out of a folder a sync client manages: a checked copy saved where the person says
      // (Documents by default), then opened in place of the synced one, which is left as it was.
      if (!session) return;
      const r = await dialog.showSaveDialog(win!, { title: 'Move the Workspace Out of the Synced Folder', buttonLabel: 'Move Here', defaultPath: join(app.getPath('documents'), `${workspaceName(session.workspacePath)}${WORKSPACE_EXTENSION}`), filters: workspaceFilters });
      if (r.canceled || !r.filePath) return;
      const target = withWorkspaceExtension(r.filePath);
      try {
        if (existsSync(target)) throw new Error(`${target} already exists; choose another name.`);
        const copy = await backupNow(session.db, session.workspacePath);
        copyFileSync(copy.path, target);
      } catch (err) {
        desktop.showError('The workspace could not be moved', (err as Error).message);
        return;
      }
      await desktop.switchWorkspace(target);
      return;
    }
    case 'workspace.saveCopy': {
      if (!session) return;
      const r = await dialog.showSaveDialog(win!, { title: 'Save a Copy As', defaultPath: join(app.getPath('documents'), `${workspaceName(session.workspacePath)} copy${WORKSPACE_EXTENSION}`), filters: workspaceFilters });
      if (r.canceled || !r.filePath) return;
      try {
        const copy = await backupNow(session.db, session.workspacePath);
        copyFileSync(copy.path, withWorkspaceExtension(r.filePath));
      } catch (err) {
        desktop.showError('The copy could not be saved', (err as Error).message);
      }
      return;
    }
    case 'workspace.backup': {
      if (!session) return;
      try {
        const done = await backupNow(session.db, session.workspacePath);
        const { sources, excerpts, entities, briefs } = done.counts;
        await dialog.showMessageBox(win!, {
          type: 'info',
          message: 'Backup made and checked',
          detail: `${done.path}\n${(done.bytes / 1024 / 1024).toFixed(1)} MB · ${sources} sources, ${excerpts} excerpts, ${entities} entities, ${briefs} briefs`,
          buttons: ['OK'],
        });
      } catch (err) {
        desktop.showError('The backup failed', (err as Error).message);
      }
      return;
    }
    case 'workspace.reveal':
      if (session) shell.showItemInFolder(session.workspacePath);
      return;
    case 'window.close':
      win?.close();
      return;
    case 'help.dataFolder':
      await shell.openPath(desktop.userData);
      return;
    case 'help.about':
      await dialog.showMessageBox(win!, {
        type: 'info',
        title: 'About Sourcebook',
        message: `Sourcebook ${app.getVersion()}`,
        detail: `An offline notebook for analysts.\n\nWorkspace: ${session?.workspacePath ?? 'none'}\nData folder: ${desktop.userData}\nElectron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        buttons: ['OK'],
      });
      return;
  }
}
