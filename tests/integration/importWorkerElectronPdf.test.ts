// pdf.js takes its Node code path only where it believes it is in Node, and a worker
// thread of Electron's main process may not pass its test (`process.type` naming anything
// but the main process). No Electron runtime can be had on these machines, so a copy of
// the built main process gets a parse worker that looks like such a thread — Electron's
// version, `process.type` 'worker' — and a PDF must still import there, in the worker,
// including one whose text needs pdf.js's CMaps (which pdf.js would fetch the browser's
// way in such a thread, were they not read by our own reader).
import { describe, expect, it } from 'vitest';
import { makeCjkPdf, makePdf, textLines } from '../fixtures/import/make-fixtures';
import { upload, useBuiltMain } from './builtMain';

const built = useBuiltMain({
  worker: (code) => `Object.defineProperty(process.versions, 'electron', { value: '45.3.4' });\nObject.defineProperty(process, 'type', { value: 'worker' });\n${code}`,
});

describe('PDFs in a worker thread that pdf.js does not take for Node', () => {
  it('imports them, and the worker stays up for the next file', async () => {
    const page = '<html><head><title>Quay report</title></head><body><article><p>The harbour board approved the concession on Tuesday.</p></article></body></html>';
    expect(await upload(built.app(), 'quay.html', Buffer.from(page))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }], skipped: [], failed: [] } });
    const pdf = makePdf({ info: { Title: 'Terminal audit' }, pages: [{ texts: textLines(['Terminal audit', 'Scanning rates fell after the handover.']) }] });
    expect(await upload(built.app(), 'audit.pdf', pdf)).toMatchObject({ ok: true, value: { imported: [{ title: 'Terminal audit' }], skipped: [], failed: [] } });
    const cjk = await upload(built.app(), 'port-audit.pdf', makeCjkPdf('港口特许权审计报告'));
    expect(cjk).toMatchObject({ ok: true, value: { skipped: [], failed: [] } });
    const source = (await built.app().invoke('sources:get', { id: (cjk.value.imported[0] as unknown as { id: string }).id })) as { value: { text: string } };
    expect(source.value.text).toContain('港口特许权审计报告');
    expect(built.workers).toHaveLength(1);
    expect(built.workers[0].threadId).toBeGreaterThan(0);
  });
});
