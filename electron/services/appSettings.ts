// What the desktop app remembers between runs, in one small JSON file in its user-data
// folder: the workspace open last, the recently opened ones, the window's place and the
// theme. Plain Node (no Electron), so it is tested as it runs. The file is the user's
// machine state, not their data: a damaged or hand-edited file is read as far as it is
// valid and never stops the app from starting. Two processes may share it (the desktop
// app and `sourcebook serve` keep one recent list): each reads the file again when it has
// changed on disk, and changes what it found there, never an older copy of its own.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

export const RECENT_LIMIT = 10;

const bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(100).max(100_000), height: z.number().int().min(100).max(100_000) });
export type WindowBounds = z.infer<typeof bounds>;

const themeSource = z.enum(['system', 'light', 'dark']);
export type ThemeSource = z.infer<typeof themeSource>;

const settingsSchema = z.object({
  lastWorkspace: z.string().min(1).max(4096).nullable().catch(null),
  recent: z.array(z.string().min(1).max(4096)).catch([]),
  window: z.object({ bounds, maximized: z.boolean() }).nullable().catch(null),
  theme: themeSource.catch('system'),
});
export type AppSettings = z.infer<typeof settingsSchema>;

const DEFAULTS: AppSettings = { lastWorkspace: null, recent: [], window: null, theme: 'system' };

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
