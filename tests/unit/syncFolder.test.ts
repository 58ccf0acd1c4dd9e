// The sync-folder warning (issue #11): found by the clients' marker files and folder names.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncFolderOf } from '../../electron/services/syncFolder';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-sync-');
afterAll(() => tmp.cleanup());

function workspaceIn(...parts: string[]): string {
  const folder = join(tmp.dir, ...parts);
  mkdirSync(folder, { recursive: true });
  return join(folder, 'Port inquiry.sourcebook');
}

describe('syncFolderOf', () => {
  it('finds a client by the marker file at the root of the folder it syncs, however deep the workspace is', () => {
    const root = join(tmp.dir, 'Sync');
    const ws = workspaceIn('Sync', 'work', 'cases');
    writeFileSync(join(root, '.stfolder'), '');
    expect(syncFolderOf(ws)).toEqual({ client: 'Syncthing', folder: root });
  });

  it('finds a client by its folder name', () => {
    expect(syncFolderOf(workspaceIn('OneDrive - Acme Research', 'Docs'))?.client).toBe('OneDrive');
    expect(syncFolderOf(workspaceIn('Dropbox', 'cases'))?.client).toBe('Dropbox');
    expect(syncFolderOf(workspaceIn('Library', 'Mobile Documents', 'com~apple~CloudDocs', 'x'))?.client).toBe('iCloud Drive');
    expect(syncFolderOf(workspaceIn('Google Drive', 'My Drive'))?.client).toBe('Google Drive');
    expect(syncFolderOf(workspaceIn('Nextcloud'))?.client).toBe('Nextcloud');
  });

  it('finds nothing in an ordinary folder', () => {
    expect(syncFolderOf(workspaceIn('Documents', 'cases'))).toBeNull();
  });
});
