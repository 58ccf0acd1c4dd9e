// The Electron build parses imports in its bundled worker (out/main/parseWorker.cjs),
// not in the main process: the built main process is loaded in Node (builtMain.ts), files
// are imported through its IPC handler, and the worker thread it starts is seen through
// Node's own 'worker_threads' diagnostics channel.
import { describe, expect, it } from 'vitest';
import { makePdf, textLines } from '../fixtures/import/make-fixtures';
import { renderScan } from '../helpers/scan';
import { upload, useBuiltMain } from './builtMain';

const built = useBuiltMain();

describe('import in the built main process', () => {
  it('parses HTML and PDF in the bundled worker thread, which stays up for the next file', async () => {
    const page = '<html><head><title>Quay report</title></head><body><article><p>The harbour board approved the concession on Tuesday.</p></article></body></html>';
    const pdf = makePdf({ info: { Title: 'Terminal audit' }, pages: [{ texts: textLines(['Terminal audit', 'Scanning rates fell after the handover.']) }] });
    expect(await upload(built.app(), 'quay.html', Buffer.from(page))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }], skipped: [], failed: [] } });
    expect(await upload(built.app(), 'audit.pdf', pdf)).toMatchObject({ ok: true, value: { imported: [{ title: 'Terminal audit' }], skipped: [], failed: [] } });
    // One worker, still running: one that failed to start or crashed would have exited
    // (threadId -1), and the files would have been parsed in the main process.
    expect(built.workers).toHaveLength(1);
    expect(built.workers[0].threadId).toBeGreaterThan(0);
  });

  it('reads a scan by OCR in the bundled worker: the engine and language data are found from the build', async () => {
    const png = renderScan([['The minister denied any knowledge of the shipment.']], { dpi: 300 }).png;
    const reply = (await upload(built.app(), 'minister.png', png)) as unknown as { ok: boolean; value: { imported: { id: string; warnings?: string[] }[]; skipped: unknown[]; failed: unknown[] } };
    expect(reply).toMatchObject({ ok: true, value: { imported: [{ title: 'minister' }], skipped: [], failed: [] } });
    expect(reply.value.imported[0].warnings?.[0]).toMatch(/^The text was read by OCR \(eng 4\.0\.0_best_int; mean confidence \d+%\)$/);
    expect(built.workers.every((w) => w.threadId > 0)).toBe(true);
  }, 120_000);
});
