// Decompression bombs in the parse workers (issue #11's probe: a 1.9 MB PDF whose stream
// inflates to 1.9 GB took 55 s and 4.3 GB): the pool watches each busy worker's memory
// outside its heap (what an inflater fills, which the heap limit does not count), so the
// bomb fails alone, in bounded time, and the import goes on. A ZIP/DOCX bomb is refused
// by the archive's own limits before anything is inflated.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { Zlib } from 'fflate';
import { openWorkspace, type Db } from '../../db/workspace';
import { importAll, inputsFromPaths, type ImportInput } from '../../electron/services/importer';
import { ParsePool } from '../../electron/services/import/parsePool';
import { makeZipBomb } from '../fixtures/import/make-fixtures';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-bombs-');
let db: Db | null = null;
let pool: ParsePool | null = null;
afterEach(async () => {
  db?.close();
  await pool?.close();
  tmp.cleanup();
});

/** A one-page PDF whose content stream inflates to `mb` MB of zeros (about 1 MB on disk per GB). */
function pdfBomb(mb: number): Buffer {
  const chunks: Uint8Array[] = [];
  const z = new Zlib({ level: 9 }, (chunk) => chunks.push(chunk));
  const block = new Uint8Array(4 * 1024 * 1024);
  for (let done = 0; done < mb; done += 4) z.push(block, done + 4 >= mb);
  const stream = Buffer.concat(chunks);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((dict, i) => {
    offsets.push(length);
    const part =
      dict === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${dict}\nendobj\n`);
    parts.push(part);
    length += part.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe('decompression bombs in the parse workers', () => {
  it('fails a small PDF that inflates to gigabytes, alone, in bounded time and memory', async () => {
    const bomb = pdfBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    writeFileSync(tmp.path('1-bomb.pdf'), bomb);
    writeFileSync(tmp.path('2-zip-bomb.docx'), makeZipBomb('word/document.xml', 200 * 1024 * 1024));
    writeFileSync(tmp.path('3-note.txt'), 'After the bombs\n\nStill imported.');
    pool = new ParsePool({ size: 1, maxHeapMb: 256, maxExternalMb: 128 });
    db = openWorkspace(tmp.path('ws.sourcebook'));
    const started = Date.now();
    const report = await importAll(db, [...inputsFromPaths([tmp.path('1-bomb.pdf'), tmp.path('2-zip-bomb.docx'), tmp.path('3-note.txt')])].filter((i): i is ImportInput => 'read' in i), { workers: pool });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(report.imported.map((i) => i.title)).toEqual(['After the bombs']);
    expect(report.failed).toEqual([
      { path: tmp.path('1-bomb.pdf'), error: expect.stringMatching(/^parsing ran out of memory \(the limit is 128 MB of buffers per file\): the file may be damaged or built to exhaust a parser/) },
    ]);
    expect(report.skipped).toEqual([{ path: tmp.path('2-zip-bomb.docx'), reason: expect.stringMatching(/possible ZIP bomb/) }]);
  }, 60_000);
});
