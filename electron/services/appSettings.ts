// What the desktop app remembers between runs, in one small JSON file in its user-data
// folder: the workspace open last, the recently opened ones, the window's place, and the
// person's preferences (the Settings view: theme, fonts, export defaults, backups, dates,
// shortcuts — common/preferences.ts). Plain Node (no Electron), so it is tested as it runs. The file is the user's
// machine state, not their data: a damaged or hand-edited file is read as far as it is
// valid and never stops the app from starting. Two processes may share it (the desktop
// app and `sourcebook serve` keep one recent list): each reads the file again when it has
// changed on disk, and changes what it found there, never an older copy of its own.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { BACKUP_CADENCES, DEFAULT_PREFERENCES, withPatch, FONT_FAMILIES, FONT_SIZE_MAX, FONT_SIZE_MIN, LANGUAGE_TAG, MAX_BANNER_LENGTH, PAPER_SIZES, THEMES, type BackupCadence, type Preferences, type PreferencesPatch } from '../../common/preferences';
import { isCommandId } from '../../common/commands';
import { acceleratorProblem, keyHolder, MAX_KEYS_PER_COMMAND, sameKey, type ShortcutOverrides } from '../../common/keymap';

export const RECENT_LIMIT = 10;

const bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(100).max(100_000), height: z.number().int().min(100).max(100_000) });
export type WindowBounds = z.infer<typeof bounds>;

const themeSource = z.enum(THEMES);
export type ThemeSource = z.infer<typeof themeSource>;

// The preferences' schemas: the settings:set channel parses a request with them (a hostile
// one is refused with what is wrong), and reading the file keeps each valid part.
const textStyle = z.object({ font: z.enum(FONT_FAMILIES), size: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX) }).strict();
const exportDefaults = z.object({ banner: z.string().trim().max(MAX_BANNER_LENGTH), strict: z.boolean(), paper: z.enum(PAPER_SIZES) }).strict();
const backupPreferences = z
  .object({
    folder: z.string().trim().min(1).max(4096).refine((p) => isAbsolute(p), 'the backups folder must be a full path (from the root of a disk)').nullable(),
    everyMinutes: z.custom<BackupCadence>((m) => (BACKUP_CADENCES as readonly unknown[]).includes(m), `backups are made every ${BACKUP_CADENCES.filter(Boolean).join(', ')} minutes, or 0 (only on close)`),
  })
  .strict();

const ocrPreferences = z
  .object({
    languages: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,30}$/, 'not an OCR language name (Tesseract’s: eng, spa, rus…)')).min(1).max(3).nullable(),
    dataDir: z.string().trim().min(1).max(4096).refine((p) => isAbsolute(p), 'the OCR data folder must be a full path (from the root of a disk)').nullable(),
  })
  .strict();

/** A date style: 'system', 'iso', or a language tag this machine can write dates in. */
export function isDateStyle(value: string): boolean {
  if (value === 'system' || value === 'iso') return true;
  if (!LANGUAGE_TAG.test(value)) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([value]).length === 1;
  } catch {
    return false;
  }
}
const dateStyle = z.string().max(35).refine(isDateStyle, 'not a language Sourcebook can write dates in (a tag such as en-GB, or system, or iso)');

/**
 * The person's own shortcuts: registry commands only, keys Sourcebook binds, and no key
 * held twice (a window command and an editor command may share one, as Ctrl+K does).
 */
export function shortcutsProblem(overrides: ShortcutOverrides): string | null {
  for (const [id, keys] of Object.entries(overrides)) {
    if (!isCommandId(id)) return `there is no command ${JSON.stringify(id.slice(0, 64))}`;
    for (const [i, key] of keys.entries()) {
      const problem = acceleratorProblem(key);
      if (problem) return problem;
      if (keys.slice(0, i).some((k) => sameKey(k, key))) return `${key} is listed twice for ${id}`;
      const holder = keyHolder(id, key, overrides);
      if (holder) return `${key} would be the shortcut of two commands (${id} and ${holder.kind === 'command' ? holder.command.id : `the ${holder.fixed.where.toLowerCase()}’s “${holder.fixed.title}”`})`;
    }
  }
  return null;
}
const shortcutOverrides = z.record(z.string().max(64), z.array(z.string().max(40)).max(MAX_KEYS_PER_COMMAND)).superRefine((overrides, ctx) => {
  if (Object.keys(overrides).length > 500) return ctx.addIssue({ code: 'custom', message: 'too many shortcuts' });
  const problem = shortcutsProblem(overrides);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A change to some preferences, each part given whole (the settings:set channel's request). */
export const preferencesPatchSchema = z
  .object({
    theme: themeSource.optional(),
    reader: textStyle.optional(),
    editor: textStyle.optional(),
    export: exportDefaults.optional(),
    backups: backupPreferences.optional(),
    dates: dateStyle.optional(),
    shortcuts: shortcutOverrides.optional(),
    ocr: ocrPreferences.optional(),
  })
  .strict() satisfies z.ZodType<PreferencesPatch>;

const D = DEFAULT_PREFERENCES;
const settingsSchema = z.object({
  lastWorkspace: z.string().min(1).max(4096).nullable().catch(null),
  recent: z.array(z.string().min(1).max(4096)).catch([]),
  window: z.object({ bounds, maximized: z.boolean() }).nullable().catch(null),
  theme: themeSource.catch(D.theme),
  reader: textStyle.catch(D.reader),
  editor: textStyle.catch(D.editor),
  export: exportDefaults.catch(D.export),
  backups: backupPreferences.catch(D.backups),
  dates: dateStyle.catch(D.dates),
  shortcuts: shortcutOverrides.catch(() => ({})),
  ocr: ocrPreferences.catch(D.ocr),
});
export type AppSettings = Omit<z.infer<typeof settingsSchema>, keyof Preferences> & Preferences;

const DEFAULTS: AppSettings = { lastWorkspace: null, recent: [], window: null, ...DEFAULT_PREFERENCES };

/** The preferences part of the settings. */
export function preferencesOf(settings: AppSettings): Preferences {
  const { theme, reader, editor, export: exportDefaults, backups, dates, shortcuts, ocr } = settings;
  return { theme, reader, editor, export: exportDefaults, backups, dates, shortcuts, ocr };
}

export interface RecentWorkspace {
  path: string;
  /** Gone from disk (moved, deleted, an unplugged drive): shown as missing, removable. */
  missing: boolean;
}

export class SettingsStore {
  private settings: AppSettings;
  /** The file as last read or written (its time, size and inode), to see another process's change. */
  private seen: string | null;

  constructor(private readonly file: string) {
    this.seen = SettingsStore.stamp(file);
    this.settings = SettingsStore.read(file);
  }

  private static stamp(file: string): string | null {
    try {
      const s = statSync(file);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return null;
    }
  }

  private static read(file: string): AppSettings {
    try {
      const parsed = settingsSchema.safeParse({ ...DEFAULTS, ...(JSON.parse(readFileSync(file, 'utf8')) as object) });
      return parsed.success ? { ...parsed.data, recent: [...new Set(parsed.data.recent)].slice(0, RECENT_LIMIT) } : { ...DEFAULTS };
    } catch {
      return { ...DEFAULTS };
    }
  }

  /** The settings as the file holds them now (read again only when another process changed it). */
  private current(): AppSettings {
    const stamp = SettingsStore.stamp(this.file);
    if (stamp !== null && stamp !== this.seen) {
      this.settings = SettingsStore.read(this.file);
      this.seen = stamp;
    }
    return this.settings;
  }

  get(): Readonly<AppSettings> {
    return this.current();
  }

  /** Written whole to a temporary file, then renamed over the old one: never half a file. */
  private save(next: AppSettings): void {
    this.settings = next;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2));
    renameSync(temp, this.file);
    this.seen = SettingsStore.stamp(this.file);
  }

  /** A workspace was opened: it becomes the last one and goes to the top of the recent list. */
  opened(path: string): void {
    const full = resolve(path);
    const now = this.current();
    this.save({ ...now, lastWorkspace: full, recent: [full, ...now.recent.filter((p) => p !== full)].slice(0, RECENT_LIMIT) });
  }

  recent(): RecentWorkspace[] {
    return this.current().recent.map((path) => ({ path, missing: !existsSync(path) }));
  }

  forget(path: string): void {
    const now = this.current();
    this.save({ ...now, recent: now.recent.filter((p) => p !== path), lastWorkspace: now.lastWorkspace === path ? null : now.lastWorkspace });
  }

  clearRecent(): void {
    const now = this.current();
    this.save({ ...now, recent: now.recent.filter((p) => p === now.lastWorkspace) });
  }

  setWindow(window: AppSettings['window']): void {
    this.save({ ...this.current(), window });
  }

  setTheme(theme: ThemeSource): void {
    this.save({ ...this.current(), theme });
  }

  preferences(): Preferences {
    return preferencesOf(this.current());
  }

  /** Replaces the parts of the preferences `patch` gives (already validated: preferencesPatchSchema). */
  setPreferences(patch: PreferencesPatch): Preferences {
    const now = this.current();
    this.save({ ...now, ...withPatch(preferencesOf(now), patch) });
    return this.preferences();
  }
}

/** A display's usable area, as Electron's screen module gives it. */
export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The window's saved place, if it still fits the displays there are now: at least a
 * title bar's worth of it must show on one display, else the window opens centred at its
 * saved size (shrunk to the primary display). Null means "no saved place".
 */
export function placeOnScreen(saved: WindowBounds | null, displays: readonly WorkArea[], primary: WorkArea): WindowBounds | null {
  if (!saved) return null;
  const visible = displays.some((d) => {
    const overlapX = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    return overlapX >= 100 && saved.y >= d.y && saved.y + 40 <= d.y + d.height;
  });
  if (visible) return saved;
  const width = Math.min(saved.width, primary.width);
  const height = Math.min(saved.height, primary.height);
  return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
}
