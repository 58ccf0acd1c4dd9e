// When the parse worker cannot start (here: a copy of the built main process whose
// parseWorker.cjs throws as it loads, as a broken install would), the app still imports,
// parsing in the main process, and says nothing about it on stdout.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import dc from 'node:diagnostics_channel';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { tempDir } from '../helpers/tmp';
import { ensureBuilt, loadBuiltMain, root, upload } from './builtMain';

const tmp = tempDir('sourcebook-fallback-');
let copy: string;
const workers: Worker[] = [];
const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
let app: Awaited<ReturnType<typeof loadBuiltMain>>;

beforeAll(async () => {
  ensureBuilt();
  // Beside out/main, so that the copy finds node_modules as out/main does.
  copy = mkdtempSync(join(root, 'out/test-broken-main-'));
  for (const file of readdirSync(join(root, 'out/main'))) copyFileSync(join(root, 'out/main', file), join(copy, file));
  writeFileSync(join(copy, 'parseWorker.cjs'), 'throw new Error("a broken install");\n');
  app = await loadBuiltMain(join(copy, 'index.cjs'), tmp.dir);
  dc.subscribe('worker_threads', onWorker);
}, 60_000);
afterAll(async () => {
  dc.unsubscribe('worker_threads', onWorker);
  await app.quit();
  rmSync(copy, { recursive: true, force: true });
  tmp.cleanup();
});

describe('import when the parse worker cannot start', () => {
  it('parses in the main process instead, quietly', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const page = '<html><head><title>Quay report</title></head><body><article><p>The harbour board approved the concession on Tuesday.</p></article></body></html>';
    expect(await upload(app, 'quay.html', Buffer.from(page))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }], skipped: [], failed: [] } });
    expect(await upload(app, 'again.html', Buffer.from(page.replace('Tuesday', 'Wednesday')))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }] } });
    expect(stdout).not.toHaveBeenCalled();
    stdout.mockRestore();
    // One worker was tried, and is gone; the second file did not try again.
    expect(workers).toHaveLength(1);
    expect(workers[0].threadId).toBe(-1);
  });
});
