// OCR on import, through the real command line on a real workspace file, with the team's
// own scans (tests/helpers/scan.ts: known text rendered to pixels, saved as an image-only
// PDF, a PNG or a two-page TIFF). Tesseract runs as the app runs it (WebAssembly, bundled
// English and Spanish data), so these few pages are kept short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { makePdf, renderScan, scansToTiff } from '../helpers/scan';

const tmp = tempDir('sourcebook-ocr-');
const ws = tmp.path('ocr.sourcebook');
const PORT = [['The harbour authority confirmed on Tuesday that three', 'vessels were detained at the East Terminal.']];
const CUSTOMS = [['Customs officers said the cargo manifests did not match', 'the containers found on board.']];
const SILO = [['Port inspectors sealed the grain silo on Friday after', 'finding drone parts hidden under the wheat shipment.']];
const NOTE = [['Two inspectors boarded the vessel at dawn and sealed', 'the hold until the owners produced the manifest.']];
const OUTLINED = [['The pilot refused the berth at noon and anchored', 'outside the breakwater until the storm passed.']];
const SPANISH = [['La autoridad portuaria confirmó el martes que tres', 'buques fueron retenidos en la terminal.']];

interface Imported {
  imported: { id: string; title: string; warnings?: string[] }[];
  skipped: { path: string; reason: string }[];
  failed: { path: string; error: string }[];
}
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The stored text and OCR record of a source's current version. */
function stored(id: string): { text: string; ocr: { page: number; confidence: number; engine: string; languages: string }[] | null } {
  const db = new Database(ws, { readonly: true });
  try {
    const row = db.prepare(`SELECT v.text, v.ocr FROM sources s JOIN source_versions v ON v.source_id = s.id AND v.version = s.current_version WHERE s.id = ?`).get(id) as { text: string; ocr: string | null };
    return { text: row.text, ocr: row.ocr ? JSON.parse(row.ocr) : null };
  } finally {
    db.close();
  }
}

beforeAll(() => {
  writeFileSync(tmp.path('scan.pdf'), makePdf([{ scan: renderScan(PORT, { dpi: 300 }) }]));
  // A page scanned and already OCR'd by other software: its invisible text layer is good, and is kept as it is.
  writeFileSync(tmp.path('layered.pdf'), makePdf([{ scan: renderScan(CUSTOMS, { dpi: 200 }), text: { lines: ['Customs officers said the cargo manifests did not match', 'the containers found on board.'], invisible: true } }]));
  writeFileSync(tmp.path('note.png'), renderScan(NOTE, { dpi: 300 }).png);
  // A text layer of glyph soup (a broken font encoding) over a scan: the page is read by OCR instead.
  writeFileSync(tmp.path('garbled.pdf'), makePdf([{ scan: renderScan(SILO, { dpi: 300 }), text: { lines: ['Ã¾¤ ÿÐ§ ¬¦ ÞØ ±µ ¶·Ñ ×Ô', '¤¥ ¦§ ¨© ª« ¬­ ®¯ °± ²³'], invisible: true } }]));
  writeFileSync(tmp.path('two pages.tif'), scansToTiff([renderScan(PORT, { dpi: 300 }), renderScan(CUSTOMS, { dpi: 300 })]));
  writeFileSync(tmp.path('nota.png'), renderScan(SPANISH, { dpi: 300 }).png);
  // Text converted to outlines: the page is filled paths only, no image and no text layer.
  writeFileSync(tmp.path('outlined.pdf'), makePdf([{ vector: renderScan(OUTLINED, { dpi: 300 }) }]));
});
afterAll(() => tmp.cleanup());

describe('OCR on import', () => {
  it('reads a scanned PDF page by OCR: its text is the source’s text, with the page’s confidence, engine and language data kept', () => {
    const r = cli(ws, 'import', tmp.path('scan.pdf'), '--json');
    expect(r.code).toBe(0);
    const report = r.json<Imported>();
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0].warnings?.join(' ')).toMatch(/read by OCR \(eng 4\.0\.0_best_int; mean confidence \d+%\)/);
    const { text, ocr } = stored(report.imported[0].id);
    expect(flat(text)).toBe(flat(PORT[0].join(' ')));
    expect(ocr).toHaveLength(1);
    expect(ocr![0]).toMatchObject({ page: 1, languages: 'eng 4.0.0_best_int' });
    expect(ocr![0].confidence).toBeGreaterThan(80);
    expect(ocr![0].engine).toMatch(/^Tesseract 5/);
    // Found by search like any text.
    expect(cli(ws, 'search', 'detained', '--json').json<{ id: string }[]>().map((h) => h.id)).toContain(report.imported[0].id);
  });

  it('never reads a page twice: a good text layer under the picture is the text, and nothing is OCR’d', () => {
    const report = cli(ws, 'import', tmp.path('layered.pdf'), '--json').json<Imported>();
    const { text, ocr } = stored(report.imported[0].id);
    expect(flat(text)).toBe(flat(CUSTOMS[0].join(' ')));
    expect(ocr).toBeNull();
  });

  it('reads a page whose text layer is glyph soup by OCR, in place of the soup', () => {
    const report = cli(ws, 'import', tmp.path('garbled.pdf'), '--json').json<Imported>();
    const { text, ocr } = stored(report.imported[0].id);
    expect(flat(text)).toBe(flat(SILO[0].join(' ')));
    expect(ocr).toHaveLength(1);
  });

  it('imports a PNG and a two-page TIFF through the same path, a page per frame', () => {
    const report = cli(ws, 'import', tmp.path('note.png'), tmp.path('two pages.tif'), '--json').json<Imported>();
    expect(report.imported.map((i) => i.title).sort()).toEqual(['note', 'two pages']);
    expect(flat(stored(report.imported.find((i) => i.title === 'note')!.id).text)).toBe(flat(NOTE[0].join(' ')));
    const tiff = stored(report.imported.find((i) => i.title === 'two pages')!.id);
    expect(tiff.ocr!.map((p) => p.page)).toEqual([1, 2]);
    expect(flat(tiff.text)).toBe(flat(`${PORT[0].join(' ')} ${CUSTOMS[0].join(' ')}`));
  });

  it('reads a page drawn in vector outlines (no text layer, no image) by painting its paths', () => {
    const r = cli(ws, 'import', tmp.path('outlined.pdf'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const { text, ocr } = stored(r.json<Imported>().imported[0].id);
    expect(flat(text)).toBe(flat(OUTLINED[0].join(' ')));
    expect(ocr![0]).toMatchObject({ page: 1 });
    // Without OCR there is nothing to import, and it says so.
    const off = cli(ws, 'import', tmp.path('outlined.pdf'), '--ocr', 'never', '--json');
    expect(off.json<Imported>().skipped[0].reason).toMatch(/no text layer/);
  });

  it('reads Spanish with --ocr-lang spa (accents kept)', () => {
    const report = cli(ws, 'import', tmp.path('nota.png'), '--ocr-lang', 'spa', '--json').json<Imported>();
    expect(flat(stored(report.imported[0].id).text)).toBe(flat(SPANISH[0].join(' ')));
  });

  it('with --ocr never, a scan has no text to import and says why', () => {
    const r = cli(ws, 'import', tmp.path('scan.pdf'), '--ocr', 'never', '--json');
    expect(r.code).toBe(1);
    expect(r.json<Imported>().skipped[0].reason).toMatch(/no text layer .*OCR is off/);
  });

  it('refuses a wrong flag or a language without data before reading any file, naming what there is', () => {
    const mode = cli(ws, 'import', tmp.path('scan.pdf'), '--ocr', 'sometimes');
    expect(mode.code).toBe(2);
    expect(mode.stderr).toMatch(/--ocr must be one of auto, always, never/);
    const lang = cli(ws, 'import', tmp.path('scan.pdf'), '--ocr-lang', 'xyz');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/no OCR data for xyz \(available: eng, spa\)/);
    const many = cli(ws, 'import', tmp.path('scan.pdf'), '--ocr-lang', 'eng+spa+fra+deu');
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/at most 3/);
    const dir = cli(ws, 'import', tmp.path('scan.pdf'), '--ocr-data', tmp.path('nowhere'));
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/is not a folder/);
  });

  it('source replace reads a scan with the same OCR flags: the new version is the scan’s text, read in the language asked for', () => {
    writeFileSync(tmp.path('draft.txt'), 'A draft typed before the signed copy was scanned.');
    const id = cli(ws, 'import', tmp.path('draft.txt'), '--json').json<Imported>().imported[0].id;
    const wrong = cli(ws, 'source', 'replace', id, tmp.path('nota.png'), '--ocr-lang', 'xyz');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no OCR data for xyz/);
    const off = cli(ws, 'source', 'replace', id, tmp.path('scan.pdf'), '--ocr', 'never');
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/cannot replace the text: .*no text layer/);
    expect(stored(id).text).toBe('A draft typed before the signed copy was scanned.');
    const r = cli(ws, 'source', 'replace', id, tmp.path('nota.png'), '--ocr-lang', 'spa', '--json');
    expect(r.code, r.stderr).toBe(0);
    const { text, ocr } = stored(id);
    expect(flat(text)).toBe(flat(SPANISH[0].join(' ')));
    expect(ocr![0].languages).toMatch(/^spa /);
  });

  it('a damaged image, or one that claims to be enormous, is refused with a sentence and nothing is stored', () => {
    writeFileSync(tmp.path('broken.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png at all')]));
    const huge = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(huge);
    huge.writeUInt32BE(50_000, 16);
    huge.writeUInt32BE(50_000, 20);
    writeFileSync(tmp.path('huge.png'), huge);
    const before = cli(ws, 'sources', '--json').json<unknown[]>().length;
    const r = cli(ws, 'import', tmp.path('broken.png'), tmp.path('huge.png'), '--json');
    expect(r.code).toBe(1);
    const report = r.json<Imported>();
    const reasons = [...report.skipped.map((s) => s.reason), ...report.failed.map((f) => f.error)];
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(10);
    expect(reasons.join(' ')).toMatch(/too large|pixels|50,?000/);
    expect(cli(ws, 'sources', '--json').json<unknown[]>().length).toBe(before);
  });
});
