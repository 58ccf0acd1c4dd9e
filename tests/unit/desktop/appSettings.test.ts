import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { RECENT_LIMIT, SettingsStore, placeOnScreen } from '../../../electron/services/appSettings';
import { workspaceArgument, withWorkspaceExtension, workspaceName } from '../../../electron/services/workspaceFile';
import { trackBusy } from '../../../electron/main/busy';
import { tempDir } from '../../helpers/tmp';
import { DEFAULT_PREFERENCES } from '../../../common/preferences';

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

describe('what the desktop app remembers', () => {
  it('keeps the last workspace and the 10 most recent, newest first, without duplicates', () => {
    tmp = tempDir();
    const store = new SettingsStore(tmp.path('settings.json'));
    for (let i = 0; i < 14; i++) store.opened(tmp.path(`w${i}.sourcebook`));
    store.opened(tmp.path('w5.sourcebook'));
    const again = new SettingsStore(tmp.path('settings.json'));
    expect(again.get().lastWorkspace).toBe(tmp.path('w5.sourcebook'));
    expect(again.recent().map((r) => r.path)).toEqual([5, 13, 12, 11, 10, 9, 8, 7, 6, 4].map((i) => tmp.path(`w${i}.sourcebook`)));
    expect(again.recent()).toHaveLength(RECENT_LIMIT);
  });

  it('shows a recent workspace gone from disk as missing, and forgets it on request', () => {
    tmp = tempDir();
    const here = tmp.path('here.sourcebook');
    writeFileSync(here, '');
    const store = new SettingsStore(tmp.path('settings.json'));
    store.opened(tmp.path('gone.sourcebook'));
    store.opened(here);
    expect(store.recent()).toEqual([
      { path: here, missing: false },
      { path: tmp.path('gone.sourcebook'), missing: true },
    ]);
    store.forget(tmp.path('gone.sourcebook'));
    expect(store.recent().map((r) => r.path)).toEqual([here]);
  });

  it('starts from defaults on a damaged or hostile settings file, keeping what is valid', () => {
    tmp = tempDir();
    writeFileSync(tmp.path('broken.json'), '{"recent": [1, 2');
    expect(new SettingsStore(tmp.path('broken.json')).get()).toEqual({ lastWorkspace: null, recent: [], window: null, ...DEFAULT_PREFERENCES });
    writeFileSync(tmp.path('odd.json'), JSON.stringify({ theme: 'neon', window: { bounds: { x: 'a' } }, recent: ['/a.sourcebook'], __proto__: { polluted: true } }));
    const odd = new SettingsStore(tmp.path('odd.json')).get();
    expect(odd).toEqual({ lastWorkspace: null, recent: ['/a.sourcebook'], window: null, ...DEFAULT_PREFERENCES });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shares the file with another process: each reads what the other wrote, and changes it without undoing it', () => {
    tmp = tempDir();
    const app = new SettingsStore(tmp.path('settings.json'));
    const served = new SettingsStore(tmp.path('settings.json')); // `sourcebook serve`, started meanwhile
    app.opened(tmp.path('desk.sourcebook'));
    app.setTheme('dark');
    expect(served.recent().map((r) => r.path)).toEqual([tmp.path('desk.sourcebook')]);
    served.opened(tmp.path('served.sourcebook'));
    expect(served.get().theme).toBe('dark');
    app.setWindow({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false });
    const file = JSON.parse(readFileSync(tmp.path('settings.json'), 'utf8')) as { recent: string[]; theme: string; window: unknown };
    expect(file).toMatchObject({ recent: [tmp.path('served.sourcebook'), tmp.path('desk.sourcebook')], theme: 'dark', window: { maximized: false } });
  });

  it('writes the whole file or nothing (a temporary file renamed over it)', () => {
    tmp = tempDir();
    const store = new SettingsStore(tmp.path('nested/settings.json'));
    store.setTheme('dark');
    expect(JSON.parse(readFileSync(tmp.path('nested/settings.json'), 'utf8')).theme).toBe('dark');
    expect(existsSync(`${tmp.path('nested/settings.json')}.${process.pid}.tmp`)).toBe(false);
  });

  it('puts the window back where it was if a title bar of it shows on a display, else centres it', () => {
    const primary = { x: 0, y: 0, width: 1440, height: 900 };
    const saved = { x: 100, y: 80, width: 1200, height: 800 };
    expect(placeOnScreen(saved, [primary], primary)).toEqual(saved);
    expect(placeOnScreen(null, [primary], primary)).toBeNull();
    // Left on a second display that is unplugged now.
    expect(placeOnScreen({ x: 2000, y: 100, width: 1600, height: 1000 }, [primary], primary)).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
    // Title bar above the top of the screen.
    expect(placeOnScreen({ x: 100, y: -500, width: 800, height: 600 }, [primary], primary)).toEqual({ x: 320, y: 150, width: 800, height: 600 });
  });
});

describe('workspace files on the desktop', () => {
  it('finds the workspace a launch names, skipping switches, the app itself and missing files', () => {
    tmp = tempDir();
    writeFileSync(tmp.path('Port.sourcebook'), '');
    writeFileSync(tmp.path('old workspace.sqlite'), '');
    expect(workspaceArgument(['/opt/Sourcebook/sourcebook', '--no-sandbox', 'Port.sourcebook'], tmp.dir)).toBe(tmp.path('Port.sourcebook'));
    expect(workspaceArgument(['/usr/bin/electron', '.', tmp.path('old workspace.sqlite')], '/')).toBe(tmp.path('old workspace.sqlite'));
    expect(workspaceArgument(['sourcebook', 'missing.sourcebook', 'notes.txt', '--flag=x.sourcebook'], tmp.dir)).toBeNull();
    expect(workspaceArgument(['Port.sourcebook'], tmp.dir)).toBeNull(); // argv[0] is the program
  });

  it('names a workspace by its file, and adds the extension a save dialog left off', () => {
    expect(workspaceName('/home/a/Port inquiry.sourcebook')).toBe('Port inquiry');
    expect(withWorkspaceExtension('/home/a/Port inquiry')).toBe('/home/a/Port inquiry.sourcebook');
    expect(withWorkspaceExtension('/home/a/Port.sourcebook')).toBe('/home/a/Port.sourcebook');
  });
});

describe('what asks before quitting', () => {
  it('counts an import or export as running until a moment after it ends', async () => {
    let now = 1000;
    const busy = trackBusy(() => now);
    expect(busy.isBusy()).toBe(false);
    await busy.around('sources:list', async () => expect(busy.isBusy()).toBe(false));
    let finish!: () => void;
    const running = busy.around('export:pdf', () => new Promise<void>((r) => (finish = r)));
    expect(busy.isBusy()).toBe(true);
    expect(busy.describe()).toBe('An export');
    finish();
    await running;
    now += 2000;
    expect(busy.isBusy()).toBe(true);
    now += 2000;
    expect(busy.isBusy()).toBe(false);
  });
});
