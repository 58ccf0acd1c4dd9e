// A workspace inside a folder that a sync client manages (Dropbox, OneDrive, iCloud Drive,
// Google Drive, Syncthing, Nextcloud/ownCloud) can be corrupted by the client copying the
// database, its -wal and -shm files while they are being written (AFFiNE lost data this
// way, affine#8263; Zotero warns against it). Found by the clients' marker files or their
// folders' names, walking up from the workspace's folder; nothing is written or sent.
import { readdirSync } from 'node:fs';
import { dirname, parse, resolve, sep } from 'node:path';

export interface SyncFolder {
  /** The sync client's name, as a person knows it. */
  client: string;
  /** The folder it manages that holds the workspace. */
  folder: string;
}

/** Marker files a client leaves in the root of the folder it syncs. */
const MARKERS: { client: string; test: (name: string) => boolean }[] = [
  { client: 'Dropbox', test: (n) => n === '.dropbox' || n === '.dropbox.cache' },
  { client: 'Syncthing', test: (n) => n === '.stfolder' },
  { client: 'Nextcloud', test: (n) => /^\.?_?sync_[0-9a-f]+\.db$/i.test(n) || n === '.nextcloudsync.log' || n === '.owncloudsync.log' },
  { client: 'Google Drive', test: (n) => n === '.tmp.drivedownload' || n === '.tmp.driveupload' },
];

/** Folder names the clients use (OneDrive's may carry the organisation: "OneDrive - Acme"). */
const NAMES: { client: string; test: (name: string) => boolean }[] = [
  { client: 'Dropbox', test: (n) => /^dropbox( \(.+\))?$/i.test(n) },
  { client: 'OneDrive', test: (n) => /^onedrive( - .+)?$/i.test(n) },
  { client: 'iCloud Drive', test: (n) => n === 'iCloud Drive' || n === 'iCloudDrive' || n === 'com~apple~CloudDocs' || n === 'Mobile Documents' },
  { client: 'Google Drive', test: (n) => /^(google ?drive|my drive)$/i.test(n) },
  { client: 'Nextcloud', test: (n) => /^(nextcloud|owncloud)$/i.test(n) },
];

/** The sync client managing the folder that holds `workspacePath`, or null. */
export function syncFolderOf(workspacePath: string): SyncFolder | null {
  let folder = dirname(resolve(workspacePath));
  const top = parse(folder).root;
  for (;;) {
    const name = folder.split(sep).pop() ?? '';
    const named = NAMES.find((c) => c.test(name));
    if (named) return { client: named.client, folder };
    let entries: string[] = [];
    try {
      entries = readdirSync(folder);
    } catch {
      // unreadable: nothing to learn here
    }
    const marked = MARKERS.find((c) => entries.some(c.test));
    if (marked) return { client: marked.client, folder };
    if (folder === top) return null;
    folder = dirname(folder);
  }
}

/** The warning a person reads when a workspace opens inside a synced folder. */
export function syncWarning(workspacePath: string, sync: SyncFolder): string {
  return `${workspacePath} is inside a folder that ${sync.client} keeps in sync (${sync.folder}). Live sync can corrupt a database while it is open: move the workspace out of the synced folder (keep its backups there if you like).`;
}
