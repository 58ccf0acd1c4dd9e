// The person's preferences in the window (common/preferences.ts): read once from the
// workspace's host (settings:get), changed through settings:set, and kept in a store every
// part that follows them reads (the theme and fonts, the date formatter, the keymap, the
// export menu's defaults). A copy in localStorage lets the window start in the right theme
// and fonts before the first reply arrives.
import { DEFAULT_PREFERENCES, withPatch, type Preferences, type PreferencesPatch } from '../../../common/preferences';
import type { SettingsView } from '../../../electron/services/preferences';
import { api } from '../api';
import { createStore, useStore } from './store';

const CACHE_KEY = 'sourcebook.preferences';

function cached(): Preferences {
  try {
    const saved = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as Partial<Preferences> | null;
    return saved && typeof saved === 'object' ? withPatch(DEFAULT_PREFERENCES, saved) : DEFAULT_PREFERENCES;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

const store = createStore<Preferences>(cached());
const backups = createStore<SettingsView['backups'] | null>(null);
const ocrLanguages = createStore<string[]>([]);

function take(view: SettingsView): Preferences {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(view.preferences));
  } catch {
    // Storage may be disabled: the preferences still apply to this page.
  }
  store.set(view.preferences);
  backups.set(view.backups);
  ocrLanguages.set(view.ocrLanguages);
  return view.preferences;
}

/** Asks the host for the preferences as they are now (at start, and when another part changed them). */
export async function loadPreferences(): Promise<Preferences> {
  return take(await api['settings:get']({}));
}

/** Saves a change; resolves to the preferences as saved, or rejects with the host's sentence (the store unchanged). */
export async function savePreferences(patch: PreferencesPatch): Promise<Preferences> {
  return take(await api['settings:set'](patch));
}

export const getPreferences = store.get;
export const subscribePreferences = store.subscribe;
export const usePreferences = (): Preferences => useStore(store);
/** Where the open workspace's backups go now (null until the first reply). */
export const useBackupsHome = () => useStore(backups);
/** The OCR languages whose data is at hand (bundled, and in the chosen folder). */
export const useOcrLanguages = () => useStore(ocrLanguages);

/** Puts the store as the host has it: called once as the app starts (later changes come back with their replies). */
export function followPreferences(onError: (error: unknown) => void): void {
  void loadPreferences().catch(onError);
}
