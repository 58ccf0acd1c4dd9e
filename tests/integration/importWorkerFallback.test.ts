// When the parse worker cannot start (here: a copy of the built main process whose
// parseWorker.cjs throws as it loads, as a broken install would), the app still imports,
// parsing in the main process, and says nothing about it on stdout.
import { describe, expect, it, vi } from 'vitest';
import { upload, useBuiltMain } from './builtMain';

const built = useBuiltMain({ worker: () => 'throw new Error("a broken install");\n' });

describe('import when the parse worker cannot start', () => {
  it('parses in the main process instead, quietly', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const page = '<html><head><title>Quay report</title></head><body><article><p>The harbour board approved the concession on Tuesday.</p></article></body></html>';
    expect(await upload(built.app(), 'quay.html', Buffer.from(page))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }], skipped: [], failed: [] } });
    expect(await upload(built.app(), 'again.html', Buffer.from(page.replace('Tuesday', 'Wednesday')))).toMatchObject({ ok: true, value: { imported: [{ title: 'Quay report' }] } });
    expect(stdout).not.toHaveBeenCalled();
    stdout.mockRestore();
    // One worker was tried, and is gone; the second file did not try again.
    expect(built.workers).toHaveLength(1);
    expect(built.workers[0].threadId).toBe(-1);
  });
});
