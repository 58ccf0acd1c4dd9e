// PDF and Word documents through the whole path: import, excerpt (knowing its page),
// and a brief whose exported notes cite the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { coreXml, documentXml, makeDocx, makePdf, para, textLines } from '../fixtures/import/make-fixtures';

const tmp = tempDir('sourcebook-docs-');
const ws = tmp.path('ws.sqlite');
afterAll(() => tmp.cleanup());

beforeAll(() => {
  writeFileSync(
    tmp.path('audit.pdf'),
    makePdf({
      info: { Title: 'Terminal audit 2026', Author: 'Office of the Auditor' },
      pages: [
        { texts: textLines(['Terminal audit 2026', 'The audit covers the East Terminal concession.']) },
        { texts: textLines(['Finding one: scanning rates fell after the handover.', 'The operator disputes the method.']) },
        { texts: textLines(['Finding two: gate data arrives in daily batches.']) },
      ],
    }),
  );
  writeFileSync(
    tmp.path('memo.docx'),
    makeDocx({
      document: documentXml(
        [
          para('Harbour memo', { style: 'Heading1' }),
          para('The board will review the concession in May.'),
          para('Ask for the scanning logs', { list: true }),
          para('Ask for the ownership filings', { list: true }),
        ].join(''),
      ),
      core: coreXml({ title: 'Harbour memo', creator: 'Lena Holm', created: '2026-04-02T10:00:00Z' }),
    }),
  );
});

describe('PDF and DOCX sources', () => {
  it('imports both with their metadata, and an excerpt on page 2 knows its page', () => {
    const report = cli(ws, 'import', tmp.path('audit.pdf'), tmp.path('memo.docx'), '--json').json<{ imported: { id: string; title: string }[]; failed: unknown[]; skipped: unknown[] }>();
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((i) => i.title)).toEqual(['Terminal audit 2026', 'Harbour memo']);
    const [pdfId, docxId] = report.imported.map((i) => i.id);

    const x = cli(ws, 'excerpt', 'add', '--source', pdfId, '--quote', 'scanning rates fell after the handover', '--json').json<{ id: string }>();
    const rows = cli(ws, 'excerpts', '--source', pdfId, '--json').json<{ id: string; page: number | null }[]>();
    expect(rows.find((r) => r.id === x.id)!.page).toBe(2);

    const y = cli(ws, 'excerpt', 'add', '--source', docxId, '--quote', 'Ask for the ownership filings', '--json');
    expect(y.stderr).toBe('');
    const docRows = cli(ws, 'excerpts', '--source', docxId, '--json').json<{ page: number | null }[]>();
    expect(docRows[0].page).toBeNull();

    writeFileSync(tmp.path('brief.md'), `Scanning fell [[cite:${x.id}]].`);
    const brief = cli(ws, 'brief', 'create', '--title', 'Audit', '--markdown', tmp.path('brief.md'), '--json').json<{ id: string }>();
    cli(ws, 'export', brief.id, '--html', tmp.path('audit.html'));
    const html = readFileSync(tmp.path('audit.html'), 'utf8');
    expect(html).toContain('p. 2.');
  });

  it('explains why a PDF without text, or a damaged .docx, is not imported', () => {
    writeFileSync(tmp.path('scan.pdf'), makePdf({ pages: [{ image: true }] }));
    writeFileSync(tmp.path('broken.docx'), 'this is not a zip at all');
    const r = cli(ws, 'import', tmp.path('scan.pdf'), tmp.path('broken.docx'), '--json').json<{ skipped: { path: string; reason: string }[]; failed: { path: string; error: string }[] }>();
    const why = Object.fromEntries([...r.skipped.map((s) => [s.path, s.reason]), ...r.failed.map((f) => [f.path, f.error])]);
    expect(why[tmp.path('scan.pdf')]).toMatch(/no text layer/);
    expect(why[tmp.path('broken.docx')]).toMatch(/not a valid \.docx/);
  });
});
