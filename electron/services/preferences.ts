// The person's preferences as the page reads and changes them (settings:get, settings:set):
// kept in the app's settings.json, or only in memory where no file is given (a test
// server). A change is checked against the machine (a backups folder must exist and take
// files), saved, and applied to the services that follow it (where backups go and how
// often) before the host is told (the desktop app sets its theme and menu from it).
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_PREFERENCES, withPatch, type Preferences, type PreferencesPatch } from '../../common/preferences';
import type { SettingsStore } from './appSettings';
import { backupsHome, configureBackups } from './backup';
import { UserError } from './errors';
import { availableOcrLanguages, resolveOcrLanguages } from './ocr/languageData';

/** Reads and changes the preferences: what the settings channels need of a host. */
export interface PreferencesHost {
  get(): Preferences;
  set(patch: PreferencesPatch): Preferences;
}

/** What the Settings view shows: the preferences, and where this workspace's backups go now. */
export interface SettingsView {
  preferences: Preferences;
  /** The OCR languages whose data is at hand (the bundled ones, and those of the OCR data folder). */
  ocrLanguages: string[];
  backups: {
    /** The folder holding "<name> backups" for the open workspace. */
    home: string;
    /** Who chose it: SOURCEBOOK_BACKUPS for this run (Settings cannot change it then), Settings, or the default (beside the workspace). */
    chosenBy: 'environment' | 'settings' | 'default';
  };
}

/** A folder backups can be written into, or the sentence that says why not. */
function checkBackupsFolder(folder: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UserError(`There is no folder ${folder}. Create it first, or choose another.`);
  }
  if (!isFolder) throw new UserError(`${folder} is a file, not a folder.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UserError(`Sourcebook may not write in ${folder}. Choose a folder you can write to.`);
  }
}

/**
 * The preferences of `store` (the app's settings.json), or of memory alone (a session no
 * host gave its file: they last as long as it, and nothing else follows them); `onChange`
 * is told each saved change. What the services follow is applied at once from a file, and
 * again after each change.
 */
export function preferencesHost(store: SettingsStore | null, onChange?: (preferences: Preferences) => void): PreferencesHost {
  let memory: Preferences = DEFAULT_PREFERENCES;
  const get = () => (store ? store.preferences() : memory);
  if (store) configureBackups(get().backups);
  return {
    get,
    set(patch) {
      if (patch.backups?.folder) {
        patch = { ...patch, backups: { ...patch.backups, folder: resolve(patch.backups.folder) } };
        checkBackupsFolder(patch.backups!.folder!);
      }
      if (patch.ocr) {
        const ocr = patch.ocr.dataDir ? { ...patch.ocr, dataDir: resolve(patch.ocr.dataDir) } : patch.ocr;
        patch = { ...patch, ocr };
        // The folder must be readable and the languages chosen must have their data (there, or bundled).
        try {
          if (ocr.languages) resolveOcrLanguages(ocr.languages, ocr.dataDir);
          else availableOcrLanguages(ocr.dataDir);
        } catch (err) {
          throw new UserError((err as Error).message.replace(/^./, (c) => c.toUpperCase()));
        }
      }
      const next = store ? store.setPreferences(patch) : (memory = withPatch(memory, patch));
      if (store) configureBackups(next.backups);
      onChange?.(next);
      return next;
    },
  };
}

export function settingsView(preferences: Preferences, workspacePath: string): SettingsView {
  const home = backupsHome(workspacePath);
  let ocrLanguages: string[];
  try {
    ocrLanguages = availableOcrLanguages(preferences.ocr.dataDir).map((f) => f.code);
  } catch {
    // The folder has gone since it was chosen: the bundled languages are still there.
    ocrLanguages = availableOcrLanguages(null).map((f) => f.code);
  }
  return { preferences, ocrLanguages, backups: { home: home.folder, chosenBy: home.chosenBy } };
}
