// pdf.js takes its Node code path only where it believes it is in Node, and a worker
// thread of Electron's main process may not pass its test (`process.type` naming anything
// but the main process). No Electron runtime can be had on these machines, so a copy of
// the built main process gets a parse worker that looks like such a thread — Electron's
// version, `process.type` 'worker' — and a PDF must still import there, in the worker.
// (Text extraction renders nothing. Not covered: a PDF whose fonts need pdf.js's CMaps,
// which pdf.js would then fetch the browser's way.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import dc from 'node:diagnostics_channel';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { makePdf, textLines } from '../fixtures/import/make-fixtures';
import { tempDir } from '../helpers/tmp';
import { ensureBuilt, loadBuiltMain, root, upload } from './builtMain';

const tmp = tempDir('sourcebook-electron-pdf-');
let copy: string;
const workers: Worker[] = [];
const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
let app: Awaited<ReturnType<typeof loadBuiltMain>>;

beforeAll(async () => {
  ensureBuilt();
  copy = mkdtempSync(join(root, 'out/test-electron-worker-'));
  for (const file of readdirSync(join(root, 'out/main'))) copyFileSync(join(root, 'out/main', file), join(copy, file));
  const worker = join(copy, 'parseWorker.cjs');
  writeFileSync(
    worker,
    `Object.defineProperty(process.versions, 'electron', { value: '45.3.4' });\nObject.defineProperty(process, 'type', { value: 'worker' });\n${readFileSync(worker, 'utf8')}`,
  );
  app = await loadBuiltMain(join(copy, 'index.cjs'), tmp.dir);
  dc.subscribe('worker_threads', onWorker);
}, 60_000);
afterAll(async () => {
  dc.unsubscribe('worker_threads', onWorker);
  await Promise.all(workers.map((w) => w.terminate()));
  await app.quit();
  rmSync(copy, { recursive: true, force: true });
  tmp.cleanup();
});

describe('PDFs in a worker thread that pdf.js does not take for Node', () => {
  it('imports them, and the worker stays up for the next file', async () => {
    const page = '<html><head><title>Quay report</title></head><body><article><p>The harbour board approved the concession on Tuesday.</p></article></body></html>';
    expect(await upload(app, 'quay.html', Buffer.from(page))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }], skipped: [], failed: [] } });
    const pdf = makePdf({ info: { Title: 'Terminal audit' }, pages: [{ texts: textLines(['Terminal audit', 'Scanning rates fell after the handover.']) }] });
    expect(await upload(app, 'audit.pdf', pdf)).toMatchObject({ ok: true, value: { imported: [{ title: 'Terminal audit' }], skipped: [], failed: [] } });
    expect(workers).toHaveLength(1);
    expect(workers[0].threadId).toBeGreaterThan(0);
  });
});
