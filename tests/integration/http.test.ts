// The loopback HTTP transport: the same router as Electron IPC, locked to this machine
// and to whoever holds the per-run token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-http-');
let server: RunningServer;

interface Res {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': server.token, ...headers }, body: JSON.stringify(payload) });

beforeAll(async () => {
  const renderer = join(tmp.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Sourcebook</title>');
  server = await startHttpServer({ workspacePath: tmp.path('ws.sqlite'), rendererDir: renderer, sample: false });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

describe('loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the app with the token, sets a cookie for its assets, and refuses without it', async () => {
    const first = await send(`/?token=${server.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<title>Sourcebook</title>');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect((await send('/index.html', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await send('/')).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('refuses API calls without the token header, even with the cookie', async () => {
    const first = await send(`/?token=${server.token}`);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    const r = await send('/api/sources:list', { method: 'POST', headers: { Cookie: cookie }, body: '{}' });
    expect(r.status).toBe(401);
    expect((await api('sources:list', {}, { 'X-Sourcebook-Token': 'x'.repeat(32) })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await api('sources:list', {}, { Host: 'evil.example' })).status).toBe(403);
    expect((await api('sources:list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('sources:list', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('does not serve files outside the app folder', async () => {
    const r = await send(`/../../etc/passwd?token=${server.token}`);
    expect(r.body).not.toContain('root:');
    const enc = await send(`/%2e%2e/%2e%2e/etc/passwd?token=${server.token}`);
    expect(enc.body).not.toContain('root:');
  });

  it('answers a malformed or invalid payload with a readable error, never a crash', async () => {
    const bad = await send('/api/sources:get', { method: 'POST', headers: { 'X-Sourcebook-Token': server.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: expect.stringMatching(/Unreadable request/) });
    const wrong = JSON.parse((await api('sources:get', { id: 42 })).body);
    expect(wrong).toEqual({ ok: false, error: expect.stringMatching(/Invalid request for sources:get: id/) });
    const extra = JSON.parse((await api('sources:list', { drop: 'table' })).body);
    expect(extra.ok).toBe(false);
    const unknown = JSON.parse((await api('system:exec', { cmd: 'ls' })).body);
    expect(unknown).toEqual({ ok: false, error: expect.stringMatching(/Unknown request/) });
    const missing = JSON.parse((await api('sources:get', { id: 'src_nothere' })).body);
    expect(missing).toEqual({ ok: false, error: 'No source with id src_nothere.' });
    const deep = { root: { type: 'root', children: [] as unknown[] } };
    let node: { type: string; children: unknown[] } = deep.root;
    for (let i = 0; i < 200; i++) {
      const child = { type: 'paragraph', children: [] as unknown[] };
      node.children.push(child);
      node = child;
    }
    const brief = JSON.parse((await api('briefs:create', { title: 'Deep' })).body);
    const saved = JSON.parse((await api('briefs:save', { id: brief.value.id, document: deep })).body);
    expect(saved).toEqual({ ok: false, error: expect.stringMatching(/not a valid editor state/) });
  });

  it('answers every malformed request with a 4xx and a message (issue #11 probe)', async () => {
    const escape = await send('/api/sources%E0%A4%A:list', { method: 'POST', headers: { 'X-Sourcebook-Token': server.token }, body: '{}' });
    expect(escape.status).toBe(400);
    expect(JSON.parse(escape.body)).toEqual({ ok: false, error: expect.stringMatching(/malformed/) });
    expect((await send(`/%E0%A4%A?token=${server.token}`)).status).toBe(400);
    // A 10,000-level-deep document: refused as invalid, not a crash.
    const brief = JSON.parse((await api('briefs:create', { title: 'Deeper' })).body);
    // Written out as text: this process would overflow its own stack stringifying it.
    const deep = `{"root":{"type":"root","children":[${'{"type":"paragraph","children":['.repeat(10_000)}${']}'.repeat(10_000)}]}}`;
    const saved = await send('/api/briefs:save', { method: 'POST', headers: { 'X-Sourcebook-Token': server.token }, body: `{"id":"${brief.value.id}","document":${deep}}` });
    expect(saved.status).toBe(400);
    expect(JSON.parse(saved.body)).toEqual({ ok: false, error: expect.stringMatching(/Invalid request for briefs:save/) });
    const invalid = await api('sources:get', { id: 42 });
    expect(invalid.status).toBe(400);
    expect((await api('system:exec', {})).status).toBe(404);
  });

  it('refuses a heading without its level, so a stored brief always exports in every format', async () => {
    const brief = JSON.parse((await api('briefs:create', { title: 'Headings' })).body);
    const headless = { root: { type: 'root', children: [{ type: 'heading', children: [{ type: 'text', text: 'Findings', format: 0 }] }] } };
    const saved = await api('briefs:save', { id: brief.value.id, document: headless });
    expect(saved.status).toBe(400);
    expect(JSON.parse(saved.body).error).toMatch(/heading/);
    for (const channel of ['export:md', 'export:docx', 'export:html']) expect(JSON.parse((await api(channel, { briefId: brief.value.id })).body).ok).toBe(true);
  });

  it('imports uploaded files and creates an excerpt from a selection', async () => {
    const data = Buffer.from('Port authority memo\n\nThe dredging contract was extended without a tender.').toString('base64');
    const imported = JSON.parse((await api('sources:import', { files: [{ name: 'memo.txt', data }] })).body);
    expect(imported.ok).toBe(true);
    const id = imported.value.imported[0].id as string;
    const source = JSON.parse((await api('sources:get', { id })).body).value as { text: string };
    const start = source.text.indexOf('extended');
    const x = JSON.parse(
      (await api('excerpts:create', { sourceId: id, start, end: start + 'extended without a tender'.length, tags: ['contracts'], entities: [{ name: 'Port Authority', type: 'organization' }] })).body,
    );
    expect(x.ok).toBe(true);
    expect(x.value.quote).toBe('extended without a tender');
    expect(x.value.tags).toEqual(['contracts']);
    expect(x.value.entities).toEqual([expect.objectContaining({ name: 'Port Authority', type: 'organization' })]);
    const outside = JSON.parse((await api('excerpts:create', { sourceId: id, start: 0, end: 10_000 })).body);
    expect(outside).toEqual({ ok: false, error: expect.stringMatching(/outside the source/) });
  });
});
