// The Electron binary cannot run on these machines, so the built main process is loaded
// in Node with the recording stand-in for the 'electron' module (Electron's API, not one
// of our layers; tests/helpers/fakeElectron.ts). This checks the shell's wiring for real,
// on top of the real router and real workspace files: the window's lock-down and the
// Electron security checklist, the app:// protocol, the menu built from the command
// registry, workspaces handed over by the OS, native dialogs, the remembered window, a
// crashed renderer, and quitting while an import runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { COMMANDS } from '../../common/commands';
import { createFakeElectron, loadMainWith, type FakeElectron, type FakeWindow } from '../helpers/fakeElectron';
import { tempDir } from '../helpers/tmp';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { backupNow } from '../../electron/services/backup';
import { ensureBuilt, root } from './builtMain';

type Listener = (...args: unknown[]) => unknown;
interface MenuItem {
  id?: string;
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  type?: string;
  checked?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

const mainPath = join(root, 'out/main/index.cjs');
const tmp = tempDir('sourcebook-shell-');
const loaded: FakeElectron[] = [];

async function launch(options: Partial<Parameters<typeof createFakeElectron>[0]> & { argv?: string[]; env?: Record<string, string> } = {}): Promise<FakeElectron> {
  const { argv, env, ...fakeOptions } = options;
  const fake = createFakeElectron({ userData: tmp.path(`user-data-${loaded.length}`), home: tmp.dir, ...fakeOptions });
  const saved = { ...process.env };
  Object.assign(process.env, env ?? {});
  try {
    await loadMainWith(fake, mainPath, { argv: argv ?? [process.execPath, root] });
  } finally {
    for (const key of Object.keys(env ?? {})) if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  loaded.push(fake);
  return fake;
}

const win = (fake: FakeElectron): FakeWindow => fake.recorded.windows[0];
const invoke = (fake: FakeElectron, channel: string, payload: unknown = {}, url = win(fake).url) =>
  fake.recorded.handlers.get('sourcebook:invoke')!({ senderFrame: { url } }, channel, payload) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
const lastMenu = (fake: FakeElectron) => fake.recorded.menus[fake.recorded.menus.length - 1] as MenuItem[];
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
const menuItem = (fake: FakeElectron, id: string) => flatten(lastMenu(fake)).find((i) => i.id === id)!;
const settle = () => new Promise((r) => setTimeout(r, 50));
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await settle();
  }
}

let app: FakeElectron;
beforeAll(async () => {
  ensureBuilt();
  app = await launch();
}, 60_000);
afterAll(async () => {
  for (const fake of loaded) for (const fn of fake.recorded.appListeners.get('will-quit') ?? []) await fn();
  tmp.cleanup();
});

describe('Electron shell: the window and the security checklist', () => {
  it('opens one window, sandboxed and context-isolated, from app:// (not file://), with the CommonJS preload', () => {
    expect(app.recorded.windows).toHaveLength(1);
    const prefs = win(app).options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(prefs.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win(app).url).toBe('app://sourcebook/index.html');
    expect(app.recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built renderer on app:// with the CSP, and nothing outside it', async () => {
    const handler = app.recorded.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://sourcebook/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root">');
    for (const escape of ['app://sourcebook/..%2f..%2fpackage.json', 'app://sourcebook/%2e%2e/%2e%2e/package.json', 'app://sourcebook/assets/..%5c..%5c..%5cpackage.json', 'app://other/index.html']) {
      expect((await handler(new Request(escape))).status, escape).toBe(404);
    }
  });

  it('puts a strict Content-Security-Policy on every response and grants no permission', () => {
    let headers: Record<string, string[]> = {};
    app.recorded.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    const csp = headers['Content-Security-Policy'][0];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    let granted: boolean | null = null;
    app.recorded.permissionHook!({}, 'geolocation', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('blocks navigation and window.open; a web link opens in the browser only after the person confirms, anything else never', async () => {
    const contents = { listeners: new Map<string, Listener>(), handler: null as Listener | null };
    const fakeContents = { on: (name: string, fn: Listener) => contents.listeners.set(name, fn), setWindowOpenHandler: (fn: Listener) => (contents.handler = fn) };
    const fake = await launch({ messageBoxAnswers: [1, 0] }); // Cancel, then Open in Browser
    for (const fn of fake.recorded.appListeners.get('web-contents-created')!) fn({}, fakeContents);
    let prevented = false;
    contents.listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    let inApp = false;
    contents.listeners.get('will-navigate')!({ preventDefault: () => (inApp = true) }, 'app://sourcebook/index.html#x');
    expect(inApp).toBe(false);
    expect(contents.handler!({ url: 'https://news.example/a' })).toEqual({ action: 'deny' });
    expect(contents.handler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.handler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await settle();
    // Two web addresses asked about (the first answered Cancel); file: and javascript: never.
    expect(fake.recorded.dialogs.filter((d) => d.options.title === 'Open link').map((d) => d.options.detail)).toEqual([expect.stringContaining('https://evil.example/'), expect.stringContaining('https://news.example/a')]);
    expect(fake.recorded.opened).toEqual(['https://news.example/a']);
  });

  it('answers the app window through the router, and refuses other senders and bad payloads', async () => {
    const list = (await invoke(app, 'sources:list')) as { ok: boolean; value: unknown[] };
    expect(list.ok).toBe(true);
    expect(list.value.length).toBeGreaterThan(0); // the sample workspace of a first run
    expect(await invoke(app, 'sources:list', {}, 'https://evil.example/')).toEqual({ ok: false, error: expect.stringMatching(/did not come from the Sourcebook window/) });
    expect(await invoke(app, 'sources:list', {}, 'file:///work/out/renderer/index.html')).toMatchObject({ ok: false });
    const bad = await invoke(app, 'excerpts:create', { sourceId: 'src_x', start: 'zero' });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/Invalid request for excerpts:create/);
  });

  it('honours ELECTRON_RENDERER_URL only in an unpackaged (developer) app', async () => {
    const dev = await launch({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(win(dev).url).toBe('http://localhost:5173/');
    const packaged = await launch({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
    expect(win(packaged).url).toBe('app://sourcebook/index.html');
    expect(await invoke(packaged, 'sources:list', {}, 'https://evil.example/')).toMatchObject({ ok: false });
  });
});

describe('Electron shell: menu, workspaces, window', () => {
  it('builds the application menu from the command registry, each command with its shortcut', () => {
    const menu = lastMenu(app);
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const items = flatten(menu);
    for (const command of COMMANDS) {
      const item = items.find((i) => i.id === command.id);
      expect(item, command.id).toBeDefined();
      expect(item!.accelerator).toBe('shortcut' in command ? command.shortcut : undefined);
      // The window's shortcuts stay the page's to handle (the editor's own Ctrl+K, say).
      if ('shortcut' in command) expect(item!.registerAccelerator).toBe(command.target === 'main');
    }
    const file = menu[0].submenu!.map((i) => i.label ?? i.role ?? i.type);
    expect(file).toEqual(['New Workspace…', 'Open Workspace…', 'Open Recent', 'separator', 'Import Sources…', 'Import Folder…', 'New Brief…', 'Merge Workspace…', 'separator', 'Export Brief', 'separator', 'Back Up Now', 'Save a Copy As…', 'Move Workspace Out of a Synced Folder…', 'Show Workspace in Folder', 'separator', 'Close Window', 'quit']);
    expect(menu[0].submenu!.find((i) => i.label === 'Export Brief')!.submenu!.map((i) => i.label)).toEqual(['PDF…', 'Word (.docx)…', 'Markdown…', 'HTML…', 'Evidence Package (.sourcebook)…']);
    expect(items.filter((i) => i.role).map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu']));
  });

  it('names the workspace in the window title and keeps the page from renaming it', () => {
    expect(win(app).title).toBe('workspace — Sourcebook');
    let prevented = false;
    win(app).listeners.get('page-title-updated')![0]({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it("sends the window's commands to the page with a user gesture (a file chooser needs one)", async () => {
    menuItem(app, 'import.files').click!();
    await settle();
    const script = win(app).contents.scripts.at(-1)!;
    expect(script.userGesture).toBe(true);
    expect(script.code).toBe(`window.dispatchEvent(new CustomEvent('sourcebook:command', { detail: "import.files" }))`);
  });

  it('New Workspace creates an empty workspace, opens it in the window, and lists it in Open Recent', async () => {
    const path = tmp.path('Harbour inquiry');
    const fake = await launch({ fileDialogAnswers: [{ canceled: false, filePath: path }] });
    menuItem(fake, 'workspace.new').click!();
    await until(() => win(fake).title.startsWith('Harbour inquiry'), 'the new workspace');
    expect(existsSync(`${path}.sourcebook`)).toBe(true);
    expect(((await invoke(fake, 'sources:list')) as { value: unknown[] }).value).toEqual([]);
    expect((await invoke(fake, 'workspace:info')).value).toMatchObject({ path: `${path}.sourcebook` });
    expect(win(fake).contents.reloads).toBe(1);
    expect(fake.recorded.recentDocuments).toContain(`${path}.sourcebook`);
    const recent = lastMenu(fake)[0].submenu!.find((i) => i.label === 'Open Recent')!.submenu!;
    expect(recent[0].label).toBe('~/Harbour inquiry.sourcebook');
  });

  it('refuses a file that is not a workspace, keeping the open one', async () => {
    const notes = tmp.path('notes.sourcebook');
    writeFileSync(notes, 'not a database, an analyst’s notes');
    const fake = await launch({ fileDialogAnswers: [{ canceled: false, filePaths: [notes] }] });
    menuItem(fake, 'workspace.open').click!();
    await until(() => fake.recorded.dialogs.some((d) => d.options.message === 'Sourcebook cannot open this workspace'), 'the error');
    expect(readFileSync(notes, 'utf8')).toBe('not a database, an analyst’s notes');
    expect(win(fake).title).toBe('workspace — Sourcebook');
    expect((await invoke(fake, 'sources:list')).ok).toBe(true);
  });

  it('offers the newest verified backup of a damaged workspace, and restores it keeping the damaged file aside', async () => {
    const path = tmp.path('damaged.sourcebook');
    const db = openWorkspace(path);
    for (let i = 0; i < 40; i++) insertSource(db, { title: `Source ${i}`, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `text ${i} `.repeat(300), original: null });
    await backupNow(db, path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(path, bytes);

    const fake = await launch({ fileDialogAnswers: [{ canceled: false, filePaths: [path] }], messageBoxAnswers: [0] });
    menuItem(fake, 'workspace.open').click!();
    await until(() => win(fake).title === 'damaged — Sourcebook', 'the restored workspace');
    const offer = fake.recorded.dialogs.find((d) => d.kind === 'showMessageBox' && String(d.options.message).includes('is damaged'))!;
    expect(offer.options.buttons).toEqual(['Restore Backup', 'Cancel']);
    expect(String(offer.options.detail)).toMatch(/newest verified backup .*\(40 sources/);
    expect((await invoke(fake, 'workspace:info')).value).toMatchObject({ sources: 40 });
    const aside = readdirSync(tmp.dir).filter((n) => n.startsWith('damaged.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(tmp.path(aside[0])).equals(bytes)).toBe(true);
  });

  it('warns when a workspace opens inside a synced folder, and Move It Out opens a checked copy outside it', async () => {
    const synced = tmp.path('Dropbox/cases/Port inquiry.sourcebook');
    mkdirSync(tmp.path('Dropbox/cases'), { recursive: true });
    const db = openWorkspace(synced);
    insertSource(db, { title: 'Minutes', author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: 'Harbour board minutes.', original: null });
    db.close();
    const outside = tmp.path('moved/Port inquiry.sourcebook');
    mkdirSync(tmp.path('moved'));
    const fake = await launch({ argv: ['/opt/Sourcebook/sourcebook', synced], messageBoxAnswers: [0], fileDialogAnswers: [{ canceled: false, filePath: outside }] });
    const info = async () => (await invoke(fake, 'workspace:info')).value as { path: string; sources: number; syncedBy: unknown };
    const deadline = Date.now() + 20_000;
    while ((await info()).path !== outside && Date.now() < deadline) await settle();
    const warning = fake.recorded.dialogs.find((d) => d.kind === 'showMessageBox' && String(d.options.message).includes('Dropbox'))!;
    expect(warning.options.buttons).toEqual(['Move It Out…', 'Keep It Here']);
    expect(await info()).toMatchObject({ path: outside, sources: 1, syncedBy: null });
    expect(win(fake).title).toBe('Port inquiry — Sourcebook');
    expect(existsSync(synced)).toBe(true); // the synced file is left as it was
  });

  it('opens a .sourcebook file named on the command line, and one handed over by a second launch', async () => {
    const first = tmp.path('first.sourcebook');
    const second = tmp.path('second.sourcebook');
    for (const path of [first, second]) openWorkspace(path).close(); // a workspace (an empty file is not one)
    const fake = await launch({ argv: ['/opt/Sourcebook/sourcebook', '--no-sandbox', first] });
    expect(win(fake).title).toBe('first — Sourcebook');
    for (const fn of fake.recorded.appListeners.get('second-instance')!) fn({}, ['/opt/Sourcebook/sourcebook', 'second.sourcebook'], tmp.dir);
    await until(() => win(fake).title === 'second — Sourcebook', 'the handed-over workspace');
    // macOS hands files over with open-file.
    let prevented = false;
    for (const fn of fake.recorded.appListeners.get('open-file')!) fn({ preventDefault: () => (prevented = true) }, first);
    await until(() => win(fake).title === 'first — Sourcebook', 'the open-file workspace');
    expect(prevented).toBe(true);
  });

  it("offers the page the recent list to switch to, by id: a file that cannot be opened is said in the page, not in a dialog", async () => {
    const userData = tmp.path('user-data-switcher');
    const first = tmp.path('Desk one.sourcebook');
    const second = tmp.path('Desk two.sourcebook');
    for (const path of [first, second]) openWorkspace(path).close();
    const notes = tmp.path('Desk notes.sourcebook');
    writeFileSync(notes, 'not a database, an analyst’s notes');
    const gone = tmp.path('Desk gone.sourcebook');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ recent: [second, notes, gone] }));
    const fake = await launch({ userData, argv: ['/opt/Sourcebook/sourcebook', first] });
    type Choices = { current: string; workspaces: { id: string; name: string; missing: boolean; current: boolean }[] };
    const list = ((await invoke(fake, 'workspaces:list')) as { value: Choices }).value;
    expect(list.workspaces.map((w) => [w.name, w.missing, w.current])).toEqual([
      ['Desk one', false, true],
      ['Desk two', false, false],
      ['Desk notes', false, false],
      ['Desk gone', true, false],
    ]);
    const dialogs = fake.recorded.dialogs.length;
    expect(await invoke(fake, 'workspaces:open', { id: list.workspaces[2].id })).toEqual({ ok: false, error: expect.stringMatching(/Desk notes\.sourcebook is not a Sourcebook workspace/) });
    expect(await invoke(fake, 'workspaces:open', { id: list.workspaces[3].id })).toEqual({ ok: false, error: expect.stringMatching(/“Desk gone” is no longer at/) });
    expect(await invoke(fake, 'workspaces:open', { id: '0123456789abcdef' })).toEqual({ ok: false, error: expect.stringMatching(/not one offered here/) });
    expect(fake.recorded.dialogs.length).toBe(dialogs);
    expect(existsSync(gone)).toBe(false);
    expect(readFileSync(notes, 'utf8')).toBe('not a database, an analyst’s notes');
    expect(win(fake).title).toBe('Desk one — Sourcebook');

    expect(await invoke(fake, 'workspaces:open', { id: list.workspaces[1].id })).toMatchObject({ ok: true });
    expect(win(fake).title).toBe('Desk two — Sourcebook');
    expect((await invoke(fake, 'workspace:info')).value).toMatchObject({ path: second, name: 'Desk two' });
    // The page starts again on it, forgetting the views of the other workspace.
    expect(win(fake).contents.reloads).toBe(1);
    expect(win(fake).contents.scripts.at(-1)!.code).toBe("localStorage.removeItem('sourcebook.view'); localStorage.removeItem('sourcebook.side')");
  });

  it('reopens the last workspace on the next start, and the window where it was left', async () => {
    const userData = tmp.path('user-data-remember');
    const path = tmp.path('Remembered.sourcebook');
    openWorkspace(path).close();
    const first = await launch({ userData, argv: [process.execPath, root, path] });
    win(first).bounds = { x: 200, y: 150, width: 1200, height: 800 };
    win(first).maximized = true;
    expect(win(first).tryClose()).toBe(true);
    const next = await launch({ userData });
    expect(win(next).title).toBe('Remembered — Sourcebook');
    expect(win(next).options).toMatchObject({ x: 200, y: 150, width: 1200, height: 800 });
    expect(win(next).maximized).toBe(true);
    // The display it was on is gone: the window comes back centred on the one there is.
    const moved = await launch({ userData, displays: [{ x: 3000, y: 0, width: 1024, height: 700 }] });
    expect(win(moved).options).toMatchObject({ x: 3000, y: 0, width: 1024, height: 700 });
  });

  it('opens dark without a white flash when the theme is dark, and View ▸ Theme switches it', async () => {
    const fake = await launch({ dark: true });
    expect(win(fake).options.backgroundColor).toBe('#141619');
    // The menu hands the command to the page (Settings is the page's), which saves the choice.
    menuItem(fake, 'view.theme.light').click!();
    await settle();
    expect(win(fake).contents.scripts.at(-1)!.code).toBe(`window.dispatchEvent(new CustomEvent('sourcebook:command', { detail: "view.theme.light" }))`);
    expect(await invoke(fake, 'settings:set', { theme: 'light' })).toMatchObject({ ok: true });
    await settle();
    expect(fake.nativeTheme.themeSource).toBe('light');
    expect(win(fake).backgroundColor).toBe('#f3f1ec');
    expect(menuItem(fake, 'view.theme.light').checked).toBe(true);
  });

  it('Back Up Now writes a checked copy beside the workspace', async () => {
    const path = tmp.path('Backed up.sourcebook');
    openWorkspace(path).close();
    const fake = await launch({ argv: [process.execPath, root, path] });
    menuItem(fake, 'workspace.backup').click!();
    await until(() => fake.recorded.dialogs.some((d) => d.options.message === 'Backup made and checked'), 'the backup');
    const backups = readdirSync(tmp.path('Backed up backups')).filter((f) => f.endsWith('.sourcebook'));
    expect(backups).toHaveLength(1);
    // Its record says it passed its check.
    expect(JSON.parse(readFileSync(join(tmp.path('Backed up backups'), `${backups[0]}.json`), 'utf8'))).toMatchObject({ verified: true, problems: [] });
    expect(backups[0]).toMatch(/^Backed up \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\.sourcebook$/);
    const copy = new Database(join(tmp.path('Backed up backups'), backups[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    copy.close();
  });

  it('after a renderer crash shows an error dialog and reloads the window on the same workspace', async () => {
    const fake = await launch({ messageBoxAnswers: [0] });
    win(fake).contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    const shown = fake.recorded.dialogs.find((d) => d.kind === 'showMessageBoxSync')!;
    expect(shown.options.message).toBe('The Sourcebook window stopped unexpectedly');
    expect(shown.options.detail).toMatch(/Your workspace is safe/);
    expect(shown.options.buttons).toEqual(['Reload', 'Quit']);
    expect(win(fake).contents.reloads).toBe(1);
    expect((await invoke(fake, 'sources:list')).ok).toBe(true);
  });

  it('asks before closing while an import runs, and closes when the person insists', async () => {
    const fake = await launch({ messageBoxAnswers: [0, 1] }); // Keep Working, then Quit Anyway
    const importing = invoke(fake, 'sources:import', { files: [{ name: 'a.txt', data: Buffer.from('Harbour board minutes.\n').toString('base64') }] });
    expect(win(fake).tryClose()).toBe(false);
    expect(fake.recorded.dialogs.at(-1)!.options.message).toBe('An import is still running');
    await importing;
    expect(win(fake).tryClose()).toBe(true); // still within the moment after it, so asked again
    expect(fake.recorded.dialogs.filter((d) => d.options.message === 'An import is still running')).toHaveLength(2);
  });

  it('saves exports through a native Save dialog in Documents under the file name the brief gave', () => {
    const listener = win(app).contents.sessionListeners.get('will-download')![0];
    let options: Record<string, unknown> = {};
    listener({}, { getFilename: () => 'Port concession brief.pdf', setSaveDialogOptions: (o: Record<string, unknown>) => (options = o) });
    expect(options.defaultPath).toBe(join(tmp.dir, 'documents', 'Port concession brief.pdf'));
  });
});
