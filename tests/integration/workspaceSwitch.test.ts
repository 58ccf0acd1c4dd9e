// Switching workspaces from the page in browser mode (issue #11): offered are only the
// workspace served, the others named on the `serve` command line and the desktop app's
// recent list — by id, never by a path the page sends; a file that cannot be opened
// leaves the open workspace as it was; nothing runs on a workspace once it is closed, and
// a page loaded before a switch is told to reload instead of working in the other one.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { createEntity } from '../../db/entities';
import { sessionMarksDir } from '../../db/sessionMarks';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { builtRenderer } from '../helpers/appServer';
import { tempDir } from '../helpers/tmp';

const root = resolve(__dirname, '../..');
const tmp = tempDir('sourcebook-switch-');
const servers: RunningServer[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  // Each `serve` finishes closing (its backup on close, its session marks) before the folder goes.
  const exited = children.map((c) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((done) => c.once('exit', () => done()))));
  for (const c of children) c.kill('SIGTERM');
  await Promise.all([...exited.map((e) => Promise.race([e, new Promise((done) => setTimeout(done, 15_000))])), ...servers.map((s) => s.close())]);
  tmp.cleanup();
});

type Choices = { current: string; workspaces: { id: string; name: string; path: string; missing: boolean; current: boolean }[] };
type Reply<T> = { status: number; ok: boolean; value: T; error: string; answeredBy: string | null };

function workspaceHolding(name: string, ...titles: string[]): string {
  const path = tmp.path(name);
  const db = openWorkspace(path);
  for (const title of titles) insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `${title}: notes.`, original: null });
  db.close();
  return path;
}

/** A workspace whose pages were scribbled over after it was closed (SQLite's header kept). */
function damagedWorkspace(name: string): string {
  const path = workspaceHolding(name, ...Array.from({ length: 40 }, (_, i) => `Page ${i} ${'of the ledger '.repeat(200)}`));
  const bytes = readFileSync(path);
  for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
  writeFileSync(path, bytes);
  return path;
}

async function call<T>(server: { url: string; token: string }, channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const r = await fetch(new URL(`/api/${channel}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-sourcebook-token': server.token, ...headers }, body: JSON.stringify(payload) });
  return { status: r.status, answeredBy: r.headers.get('x-sourcebook-workspace'), ...((await r.json()) as { ok: boolean; value: T; error: string }) };
}

/** A server for one test, closed by it (or by afterAll if the test failed first). */
async function serveFor(options: Parameters<typeof startHttpServer>[0]): Promise<RunningServer & { stop(): Promise<void> }> {
  const server = await startHttpServer(options);
  servers.push(server);
  return {
    ...server,
    async stop() {
      servers.splice(servers.indexOf(server), 1);
      await server.close();
    },
  };
}

const titles = async (server: RunningServer) => (await call<{ title: string }[]>(server, 'sources:list', {})).value.map((s) => s.title);

/** Whether some process still has the workspace open (its session mark is there). */
const isOpen = (path: string) => existsSync(sessionMarksDir(path)) && readdirSync(sessionMarksDir(path)).some((n) => n !== 'clean' && !n.endsWith('.tmp'));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('switching workspaces from the page', () => {
  const a = workspaceHolding('Harbour.sourcebook', 'Harbour minutes');
  const b = workspaceHolding('Customs.sourcebook', 'Customs seizures');
  const gone = tmp.path('Unplugged drive.sourcebook');
  const foreign = tmp.path('Someone else.sqlite');
  const other = new Database(foreign);
  other.exec('CREATE TABLE notes (body TEXT)');
  other.close();
  const damaged = damagedWorkspace('Water damage.sourcebook');
  const damagedBytes = readFileSync(damaged);

  it('offers the served workspace, the ones named and the recent ones, and opens one by its id', async () => {
    const server = await serveFor({ workspacePath: a, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [b, gone, foreign, damaged, a] });
    const list = (await call<Choices>(server, 'workspaces:list', {})).value;
    expect(list.workspaces.map((w) => [w.name, w.missing, w.current])).toEqual([
      ['Harbour', false, true],
      ['Customs', false, false],
      ['Unplugged drive', true, false],
      ['Someone else', false, false],
      ['Water damage', false, false],
    ]);
    expect(list.current).toBe(list.workspaces[0].id);
    expect(await titles(server)).toEqual(['Harbour minutes']);

    const opened = await call<{ path: string }>(server, 'workspaces:open', { id: list.workspaces[1].id });
    expect(opened).toMatchObject({ status: 200, ok: true, value: { path: resolve(b) } });
    expect(await titles(server)).toEqual(['Customs seizures']);
    const after = (await call<Choices>(server, 'workspaces:list', {})).value;
    expect(after.workspaces.find((w) => w.current)?.name).toBe('Customs');
    expect((await call<{ name: string }>(server, 'workspace:info', {})).value.name).toBe('Customs');
    // The workspace left is closed once its requests are done.
    await until(() => !isOpen(a), 'Harbour to be closed');

    // A missing file, another application's database and a damaged workspace are refused
    // with the reason; the open one stays open, and none of them is written to or created.
    const missing = await call(server, 'workspaces:open', { id: list.workspaces[2].id });
    expect(missing).toMatchObject({ ok: false, error: expect.stringMatching(/“Unplugged drive” is no longer at /) });
    expect(existsSync(gone)).toBe(false);
    const refused = await call(server, 'workspaces:open', { id: list.workspaces[3].id });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/not a Sourcebook workspace/) });
    const hurt = await call(server, 'workspaces:open', { id: list.workspaces[4].id });
    expect(hurt).toMatchObject({ ok: false, error: expect.stringMatching(/Water damage\.sourcebook is damaged.*left untouched/) });
    expect(readFileSync(damaged).equals(damagedBytes)).toBe(true);
    expect(await titles(server)).toEqual(['Customs seizures']);
    expect((await call<Choices>(server, 'workspaces:list', {})).value.workspaces.find((w) => w.current)?.name).toBe('Customs');
    await server.stop();
    expect(isOpen(b)).toBe(false);
  });

  it('never opens a path or an id the page makes up (4xx, with a sentence)', async () => {
    const server = await serveFor({ workspacePath: a, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [b] });
    const asPath = await call(server, 'workspaces:open', { id: b });
    expect(asPath).toMatchObject({ status: 400, ok: false, error: expect.stringMatching(/^Invalid request for workspaces:open: id: a workspace id from workspaces:list/) });
    const asPathField = await call(server, 'workspaces:open', { id: '0123456789abcdef', path: b });
    expect(asPathField.status).toBe(400);
    const unknown = await call(server, 'workspaces:open', { id: '0123456789abcdef' });
    expect(unknown).toMatchObject({ status: 404, ok: false, error: expect.stringMatching(/^That workspace is not one offered here/) });
    expect(await titles(server)).toEqual(['Harbour minutes']);
    await server.stop();
  });

  it('tells a page loaded before a switch (another tab) to reload, instead of answering it from the other workspace', async () => {
    const server = await serveFor({ workspacePath: a, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [b] });
    const first = await call<Choices>(server, 'workspaces:list', {});
    const harbour = first.answeredBy!;
    expect(harbour).toBe(first.value.current);
    const pinned = { 'x-sourcebook-workspace': harbour };
    expect(await call(server, 'sources:list', {}, pinned)).toMatchObject({ status: 200, ok: true });

    const customs = first.value.workspaces[1].id;
    expect(await call(server, 'workspaces:open', { id: customs }, pinned)).toMatchObject({ status: 200, ok: true });
    // The other tab, still showing Harbour: refused, nothing done, told what to do.
    const stale = await call(server, 'briefs:create', { title: 'Meant for Harbour' }, pinned);
    expect(stale).toMatchObject({ status: 409, ok: false, answeredBy: customs, error: 'Sourcebook has switched to “Customs” since this page was loaded (in another tab or window), so nothing was done here. Reload the page to work in “Customs”.' });
    expect((await call<unknown[]>(server, 'briefs:list', {})).value).toEqual([]);
    // A page loaded since (no workspace named yet, or Customs) is answered by Customs.
    expect(await call(server, 'sources:list', {}, { 'x-sourcebook-workspace': customs })).toMatchObject({ status: 200, answeredBy: customs, value: [expect.objectContaining({ title: 'Customs seizures' })] });
    await server.stop();
  });

  it('runs one switch at a time, answers every request made meanwhile, and closes a workspace only once its background work is done', async () => {
    // Harbour holds enough text that a rescan for a new alias is still running when the switch is asked for.
    const big = tmp.path('Big harbour.sourcebook');
    const db = openWorkspace(big);
    for (let i = 0; i < 1500; i++) insertSource(db, { title: `Minutes ${i}`, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `Meeting ${i}. The Harbour Master spoke; the Master of the quay answered. ${'Cargo was inspected at the quay. '.repeat(60)}`, original: null });
    const master = createEntity(db, 'Harbour Master', 'person');
    db.close();
    const customs = workspaceHolding('Customs 2.sourcebook', 'Customs seizures');
    const c = workspaceHolding('Coastguard.sourcebook', 'Coastguard log');
    const server = await serveFor({ workspacePath: big, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [customs, c] });
    const list = (await call<Choices>(server, 'workspaces:list', {})).value;

    const alias = await call<{ job: { finished: boolean } }>(server, 'entities:addAlias', { id: master.id, alias: 'the Master' });
    expect(alias).toMatchObject({ ok: true, value: { job: { finished: false } } });
    // Two switches asked at once, with reads in between: each switch waits for the one
    // before; every read is answered by one workspace or the other, none fails.
    const reads = Array.from({ length: 12 }, () => call<unknown[]>(server, 'sources:list', {}));
    const [toCustoms, toCoastguard] = await Promise.all([call(server, 'workspaces:open', { id: list.workspaces[1].id }), call(server, 'workspaces:open', { id: list.workspaces[2].id })]);
    expect([toCustoms.status, toCoastguard.status]).toEqual([200, 200]);
    for (const read of await Promise.all(reads)) expect(read).toMatchObject({ status: 200, ok: true });
    expect(await titles(server)).toEqual(['Coastguard log']);
    await until(() => !isOpen(customs), 'Customs to be closed');
    expect(isOpen(big)).toBe(true); // its rescan is still running (~2 s)

    // The rescan ran to its end on the workspace it was started on, which then closed.
    await until(() => !isOpen(big), 'Big harbour to be closed');
    const after = openWorkspace(big, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS n FROM pending_scans').get()).toEqual({ n: 0 });
    after.close();
    await server.stop();
  });

  it('`serve` offers what its command line named and the app’s recent list (missing ones as missing), and the served workspace joins that list', async () => {
    const config = tmp.path('config');
    mkdirSync(join(config, 'Sourcebook'), { recursive: true });
    const recent = workspaceHolding('Recent.sourcebook', 'Recent notes');
    const recentGone = tmp.path('Old laptop.sourcebook');
    const namedGone = tmp.path('Typo.sourcebook');
    writeFileSync(join(config, 'Sourcebook', 'settings.json'), JSON.stringify({ recent: [recent, recentGone, b], theme: 'dark' }));
    const child = spawn(process.execPath, [join(root, 'electron', 'cli', 'sourcebook.mjs'), '--workspace', a, 'serve', b, namedGone], { cwd: root, env: { ...process.env, XDG_CONFIG_HOME: config } });
    children.push(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /Open (http:\/\/\S+)/.exec(out);
        if (m) done(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain(`${resolve(namedGone)} does not exist; the page lists it as missing`);
    const server = { url, token: new URL(url).searchParams.get('token')! };
    // Serving put the served workspace on top of the recent list.
    const settingsFile = join(config, 'Sourcebook', 'settings.json');
    const read = () => JSON.parse(readFileSync(settingsFile, 'utf8')) as { recent: string[]; theme: string; lastWorkspace: string };
    expect(read().recent).toEqual([resolve(a), recent, recentGone, b]);
    // Meanwhile the desktop app opens another workspace and changes its theme.
    const later = workspaceHolding('Opened later.sourcebook', 'Later notes');
    writeFileSync(settingsFile, JSON.stringify({ ...read(), recent: [later, ...read().recent], theme: 'light' }));
    const list = (await call<Choices>(server, 'workspaces:list', {})).value;
    // Exactly: the one served, those named (in order), then the recent ones not named already.
    expect(list.workspaces.map((w) => [w.path, w.missing, w.current])).toEqual([
      [resolve(a), false, true],
      [resolve(b), false, false],
      [resolve(namedGone), true, false],
      [later, false, false],
      [resolve(recent), false, false],
      [resolve(recentGone), true, false],
    ]);
    expect(await call(server, 'workspaces:open', { id: list.workspaces[5].id })).toMatchObject({ ok: false, error: expect.stringMatching(/no longer at/) });
    expect(existsSync(recentGone)).toBe(false);
    expect(await call(server, 'workspaces:open', { id: list.workspaces[4].id })).toMatchObject({ ok: true });
    expect(await call<{ name: string }>(server, 'workspace:info', {})).toMatchObject({ value: { name: 'Recent' } });
    // One recent list for the app and `serve`: the workspace switched to goes on top, and
    // what the desktop app wrote meanwhile (a workspace, its theme) stays.
    expect(read().recent).toEqual([recent, later, resolve(a), recentGone, b]);
    expect(read()).toMatchObject({ theme: 'light', lastWorkspace: recent });
  });
});
