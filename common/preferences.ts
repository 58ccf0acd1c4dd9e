// The person's preferences (the Settings view): how the window looks, what an export
// starts from, where and how often backups are made, how dates read, and their own
// shortcuts. Kept in the app's settings.json (electron/services/appSettings.ts), the same
// for the desktop app and `sourcebook serve`. The choices and their defaults are here,
// once, for the Settings view, the validation of the settings:set channel and the
// services that apply them.
//
// Pure data: no Node, no DOM (common/ is imported by every layer).
import type { ShortcutOverrides } from './keymap';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

/** Typefaces for the reader's and the editor's text: families the system has, never a download. */
export const FONT_FAMILIES = ['serif', 'sans', 'mono'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export const FONT_LABELS: Record<FontFamily, string> = { serif: 'Serif (Charter, Georgia…)', sans: 'Sans-serif (the system’s)', mono: 'Monospace' };

/** Text sizes in CSS pixels at zoom 100 %. */
export const FONT_SIZE_MIN = 12;
export const FONT_SIZE_MAX = 28;

export interface TextStyle {
  font: FontFamily;
  size: number;
}

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** What a new export starts from: the export menu shows these and may change them for one export. */
export interface ExportDefaults {
  /** A handling banner printed above the title and on every PDF page ("" for none). */
  banner: string;
  /** Refuse to export while a citation is not ok. */
  strict: boolean;
  paper: PaperSize;
}
export const MAX_BANNER_LENGTH = 200;

/** Minutes between automatic backups while something changes; 0: only when the workspace closes. */
export const BACKUP_CADENCES = [5, 15, 30, 60, 240, 0] as const;
export type BackupCadence = (typeof BACKUP_CADENCES)[number];
export const BACKUP_CADENCE_LABELS: Record<BackupCadence, string> = {
  5: 'Every 5 minutes of changes',
  15: 'Every 15 minutes of changes',
  30: 'Every 30 minutes of changes',
  60: 'Every hour of changes',
  240: 'Every 4 hours of changes',
  0: 'Only when the workspace closes',
};

export interface BackupPreferences {
  /** The folder that holds each workspace's "<name> backups" folder; null: beside the workspace. */
  folder: string | null;
  everyMinutes: BackupCadence;
}

/**
 * How dates read: 'system' (the language the system or browser is set to), 'iso'
 * (2026-12-04, 14:05), or a BCP 47 language tag ("en-GB", "de").
 */
export type DateStyle = string;
export const DATE_STYLES: readonly { value: DateStyle; label: string }[] = [
  { value: 'system', label: 'As the system' },
  { value: 'iso', label: 'ISO 8601 (2026-12-04)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'de', label: 'Deutsch' },
  { value: 'es', label: 'Español' },
  { value: 'fr', label: 'Français' },
  { value: 'it', label: 'Italiano' },
  { value: 'nl', label: 'Nederlands' },
  { value: 'pl', label: 'Polski' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'ru', label: 'Русский' },
  { value: 'uk', label: 'Українська' },
  { value: 'tr', label: 'Türkçe' },
  { value: 'ar', label: 'العربية' },
  { value: 'fa', label: 'فارسی' },
  { value: 'he', label: 'עברית' },
  { value: 'zh-CN', label: '中文（简体）' },
  { value: 'ja', label: '日本語' },
  { value: 'ko', label: '한국어' },
];

/** A language tag as BCP 47 writes one (letters and digits in parts of 1–8, hyphenated). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

/** OCR of imported scans and images in the window (the command line has its own flags). */
export interface OcrPreferences {
  /** Tesseract languages tried together (at most 3), or null: those of the workspace's sources, else English. */
  languages: string[] | null;
  /** A folder of extra .traineddata files (Debian's tesseract-ocr-* packages), or null: the bundled eng and spa only. */
  dataDir: string | null;
}

export interface Preferences {
  theme: Theme;
  reader: TextStyle;
  editor: TextStyle;
  export: ExportDefaults;
  backups: BackupPreferences;
  dates: DateStyle;
  shortcuts: ShortcutOverrides;
  ocr: OcrPreferences;
}

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  reader: { font: 'serif', size: 17 },
  editor: { font: 'serif', size: 16 },
  export: { banner: '', strict: false, paper: 'A4' },
  backups: { folder: null, everyMinutes: 15 },
  dates: 'system',
  shortcuts: {},
  ocr: { languages: null, dataDir: null },
};

/** A change to some of the preferences: each part given is replaced whole. */
export type PreferencesPatch = Partial<Preferences>;

/** `base` with the parts `patch` gives (a part left out, or undefined, stays as it was). */
export function withPatch(base: Preferences, patch: PreferencesPatch): Preferences {
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as PreferencesPatch;
  return { ...base, ...given };
}
