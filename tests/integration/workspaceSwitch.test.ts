// Switching workspaces from the page in browser mode (issue #11): offered are only the
// workspace served, the others named on the `serve` command line and the desktop app's
// recent list — by id, never by a path the page sends; a file that cannot be opened
// leaves the open workspace as it was.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { builtRenderer } from '../helpers/appServer';
import { tempDir } from '../helpers/tmp';

const root = resolve(__dirname, '../..');
const tmp = tempDir('sourcebook-switch-');
const servers: RunningServer[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.close()));
  tmp.cleanup();
});

type Choices = { current: string; workspaces: { id: string; name: string; path: string; missing: boolean; current: boolean }[] };
type Reply<T> = { status: number; ok: boolean; value: T; error: string };

function workspaceHolding(name: string, title: string): string {
  const path = tmp.path(name);
  const db = openWorkspace(path);
  insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `${title}: notes.`, original: null });
  db.close();
  return path;
}

async function call<T>(server: { url: string; token: string }, channel: string, payload: unknown): Promise<Reply<T>> {
  const r = await fetch(new URL(`/api/${channel}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-sourcebook-token': server.token }, body: JSON.stringify(payload) });
  return { status: r.status, ...((await r.json()) as { ok: boolean; value: T; error: string }) };
}

const titles = async (server: RunningServer) => (await call<{ title: string }[]>(server, 'sources:list', {})).value.map((s) => s.title);

describe('switching workspaces from the page', () => {
  const a = workspaceHolding('Harbour.sourcebook', 'Harbour minutes');
  const b = workspaceHolding('Customs.sourcebook', 'Customs seizures');
  const gone = tmp.path('Unplugged drive.sourcebook');
  const foreign = tmp.path('Someone else.sqlite');
  const other = new Database(foreign);
  other.exec('CREATE TABLE notes (body TEXT)');
  other.close();

  it('offers the served workspace, the ones named and the recent ones, and opens one by its id', async () => {
    const server = await startHttpServer({ workspacePath: a, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [b, gone, foreign, a] });
    servers.push(server);
    const list = (await call<Choices>(server, 'workspaces:list', {})).value;
    expect(list.workspaces.map((w) => [w.name, w.missing, w.current])).toEqual([
      ['Harbour', false, true],
      ['Customs', false, false],
      ['Unplugged drive', true, false],
      ['Someone else', false, false],
    ]);
    expect(list.current).toBe(list.workspaces[0].id);
    expect(await titles(server)).toEqual(['Harbour minutes']);

    const opened = await call<{ path: string }>(server, 'workspaces:open', { id: list.workspaces[1].id });
    expect(opened).toMatchObject({ status: 200, ok: true, value: { path: resolve(b) } });
    expect(await titles(server)).toEqual(['Customs seizures']);
    const after = (await call<Choices>(server, 'workspaces:list', {})).value;
    expect(after.workspaces.find((w) => w.current)?.name).toBe('Customs');

    // A missing file and another application's database are refused; the open one stays.
    const missing = await call(server, 'workspaces:open', { id: list.workspaces[2].id });
    expect(missing).toMatchObject({ ok: false, error: expect.stringMatching(/no longer at/) });
    const refused = await call(server, 'workspaces:open', { id: list.workspaces[3].id });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/not a Sourcebook workspace/) });
    expect(await titles(server)).toEqual(['Customs seizures']);
  });

  it('never opens a path or an id the page makes up', async () => {
    const server = await startHttpServer({ workspacePath: a, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [b] });
    servers.push(server);
    const asPath = await call(server, 'workspaces:open', { id: b });
    expect(asPath.status).toBe(400);
    const asPathField = await call(server, 'workspaces:open', { id: '0123456789abcdef', path: b });
    expect(asPathField.status).toBe(400);
    const unknown = await call(server, 'workspaces:open', { id: '0123456789abcdef' });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/not one offered here/) });
    expect(await titles(server)).toEqual(['Harbour minutes']);
  });

  it('`serve` offers what its command line named and the app’s recent list, and the served workspace joins that list', async () => {
    const config = tmp.path('config');
    mkdirSync(join(config, 'Sourcebook'), { recursive: true });
    const recent = workspaceHolding('Recent.sourcebook', 'Recent notes');
    writeFileSync(join(config, 'Sourcebook', 'settings.json'), JSON.stringify({ recent: [recent] }));
    const child = spawn(process.execPath, [join(root, 'electron', 'cli', 'sourcebook.mjs'), '--workspace', a, 'serve', b], { cwd: root, env: { ...process.env, XDG_CONFIG_HOME: config } });
    children.push(child);
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /Open (http:\/\/\S+)/.exec(out);
        if (m) done(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
    });
    const server = { url, token: new URL(url).searchParams.get('token')! };
    const list = (await call<Choices>(server, 'workspaces:list', {})).value;
    expect(list.workspaces.map((w) => w.name)).toEqual(['Harbour', 'Customs', 'Recent']);
    expect(await call(server, 'workspaces:open', { id: list.workspaces[2].id })).toMatchObject({ ok: true });
    const settings = JSON.parse(readFileSync(join(config, 'Sourcebook', 'settings.json'), 'utf8')) as { recent: string[] };
    expect(settings.recent.slice(0, 2)).toEqual([resolve(recent), resolve(a)]);
  });
});
