// Import through the parse workers (electron/services/import/parsePool.ts), against the
// same import parsed on the importing thread: the same reports, the same stored texts.
// And hostile files: one that exhausts a worker's memory or stalls it fails alone, with
// a reason, and the files around it still import.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { openWorkspace, type Db } from '../../db/workspace';
import { getSource } from '../../db/sources';
import { importAll, inputsFromPaths, type ImportInput } from '../../electron/services/importer';
import { ParsePool } from '../../electron/services/import/parsePool';
import type { ImportReport } from '../../electron/ipc/contract';
import { coreXml, documentXml, makeDocx, makePdf, makeZipBomb, para, textLines } from '../fixtures/import/make-fixtures';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
const dbs: Db[] = [];
const pools: ParsePool[] = [];
beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  tmp.cleanup();
});

const workspace = (name: string) => {
  const db = openWorkspace(tmp.path(name));
  dbs.push(db);
  return db;
};
const pool = (options: ConstructorParameters<typeof ParsePool>[0]) => {
  const p = new ParsePool(options);
  pools.push(p);
  return p;
};
const files = (paths: string[]) => [...inputsFromPaths(paths)].filter((i): i is ImportInput => 'read' in i);

/** The report without the generated ids, and every stored source as the reader gets it. */
function stored(db: Db, report: ImportReport) {
  return {
    report: { ...report, imported: report.imported.map(({ id: _id, ...rest }) => rest) },
    sources: report.imported.map(({ id }) => {
      const { id: _id, capturedAt: _at, ...source } = getSource(db, id)!;
      return source;
    }),
  };
}

describe('import through the parse workers', () => {
  it('stores a folder of mixed files exactly as parsing on the importing thread does', async () => {
    const box = tmp.path('box');
    mkdirSync(`${box}/sub`, { recursive: true });
    writeFileSync(`${box}/a-note.txt`, 'Field note\n\nThe crane arrived at the East Terminal on Tuesday.');
    writeFileSync(`${box}/b-copy.txt`, 'Field note\n\nThe crane arrived at the East Terminal on Tuesday.'); // duplicate within the batch
    writeFileSync(`${box}/c-menu.txt`, Buffer.from('Caf\xe9 menu\n\nCr\xe8me br\xfbl\xe9e', 'latin1')); // read as Windows-1252, with a warning
    writeFileSync(`${box}/d-empty.md`, '');
    writeFileSync(`${box}/e-memo.md`, '---\ntitle: Harbour memo\nauthor: Lena Holm\n---\n# Harbour memo\n\nThe board will *review* the concession.\n\n- scanning logs\n- ownership filings\n');
    writeFileSync(`${box}/f-article.html`, readFileSync(`${__dirname}/../fixtures/import/news-article.html`));
    writeFileSync(
      `${box}/g-audit.pdf`,
      makePdf({
        info: { Title: 'Terminal audit 2026', Author: 'Office of the Auditor' },
        pages: [{ texts: textLines(['Terminal audit 2026', 'The audit covers the concession.']) }, { texts: textLines(['Finding one: scanning rates fell.']) }],
      }),
    );
    writeFileSync(`${box}/h-scan.pdf`, makePdf({ pages: [{ image: true }] })); // no text layer: skipped
    writeFileSync(`${box}/i-broken.pdf`, 'not a PDF at all');
    writeFileSync(
      `${box}/j-memo.docx`,
      makeDocx({ document: documentXml(para('Quay memo', { style: 'Heading1' }) + para('Gate data arrives in daily batches.')), core: coreXml({ title: 'Quay memo', creator: 'Mei Tan' }) }),
    );
    writeFileSync(`${box}/k-bomb.docx`, makeZipBomb('word/document.xml', 80 * 1024 * 1024));
    writeFileSync(`${box}/sub/l-page.htm`, '<html lang="en"><head><title>Sandmere | Port News</title><meta property="og:site_name" content="Port News"></head><body><p>Short page.</p></body></html>');
    writeFileSync(`${box}/sub/m-gone.txt`, 'Listed, then deleted before it is read.');
    const huge = openSync(`${box}/sub/n-huge.txt`, 'w');
    ftruncateSync(huge, 40 * 1024 * 1024); // sparse: refused by its size, never read
    closeSync(huge);

    const inputs = files([box]);
    rmSync(`${box}/sub/m-gone.txt`);
    const workers = pool({ size: 2 });
    const viaWorkers = await importAll(workspace('workers.sqlite'), inputs, { exclusive: true, workers });
    const here = await importAll(workspace('here.sqlite'), inputs, { exclusive: true, workers: false });

    expect(workers.mode).toEqual({ workers: 2 }); // the workers did the parsing, no fallback
    expect(stored(dbs[0], viaWorkers)).toEqual(stored(dbs[1], here));
    // And the outcomes are the ones expected of these files (so the comparison is not of two empty reports).
    expect(viaWorkers.imported.map((i) => i.path.slice(box.length + 1))).toEqual(['a-note.txt', 'c-menu.txt', 'e-memo.md', 'f-article.html', 'g-audit.pdf', 'j-memo.docx', 'sub/l-page.htm']);
    expect(viaWorkers.skipped.map((s) => s.path.slice(box.length + 1))).toEqual(['b-copy.txt', 'd-empty.md', 'h-scan.pdf', 'i-broken.pdf', 'k-bomb.docx', 'sub/n-huge.txt']);
    expect(viaWorkers.skipped[0].reason).toBe('duplicate of Field note');
    expect(viaWorkers.failed).toEqual([{ path: `${box}/sub/m-gone.txt`, error: 'cannot read the file: the file no longer exists' }]);
    expect(stored(dbs[0], viaWorkers).sources.find((s) => s.format === 'pdf')?.pages).toHaveLength(2);
  });
});

describe('hostile files in the parse workers', () => {
  // 400,000 tiny elements in 3 MB: seconds of parsing and hundreds of MB of DOM.
  const elementFlood = `<html><body>${`<div>${'<i>a</i>'.repeat(20_000)}</div>`.repeat(20)}</body></html>`;
  let box: ReturnType<typeof tempDir>;
  beforeAll(() => {
    box = tempDir();
    writeFileSync(box.path('1-first.txt'), 'First note\n\nThe crane arrived.');
    writeFileSync(box.path('2-flood.html'), elementFlood);
    writeFileSync(box.path('3-third.md'), '# Third note\n\nThe crane left.');
    writeFileSync(box.path('4-fourth.html'), '<html><head><title>Fourth note</title></head><body><p>The crane broke.</p></body></html>');
  });
  afterAll(() => box.cleanup());

  const expectOnlyTheFloodFailed = (report: ImportReport, error: RegExp) => {
    expect(report.imported.map((i) => i.title)).toEqual(['First note', 'Third note', 'Fourth note']);
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([{ path: box.path('2-flood.html'), error: expect.stringMatching(error) }]);
  };

  it('fails a file that exhausts a worker’s memory, and imports the others', async () => {
    const small = pool({ size: 1, maxHeapMb: 64 });
    const report = await importAll(workspace('ws.sqlite'), files([box.dir]), { workers: small });
    expectOnlyTheFloodFailed(report, /^parsing ran out of memory \(the limit is 64 MB per file\)/);
    expect(small.mode).toEqual({ workers: 1 }); // a fresh worker took the files after it
  });

  it('fails a file that takes too long, and imports the others', async () => {
    const impatient = pool({ size: 1, timeout: { baseMs: 1000, perMbMs: 0 } });
    const report = await importAll(workspace('ws.sqlite'), files([box.dir]), { workers: impatient });
    expectOnlyTheFloodFailed(report, /^parsing took longer than 1\.0 s and was stopped/);
  });
});
