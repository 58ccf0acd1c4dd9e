import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/services/export/chromiumPrinter';
import { normalizeText } from '../../../electron/services/import/normalize';
import { ImportSkip } from '../../../electron/services/import/parse';
import { type PageSpan, pageText, parsePdf, pdfDate, readXmp } from '../../../electron/services/import/pdf';
import { type PdfPage, makePdf, textLines, xmpPacket } from '../../fixtures/import/make-fixtures';

async function skipReason(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportSkip);
    return (error as Error).message;
  }
  throw new Error('the file was imported');
}

/** The page an excerpt at `offset` is on, as the reader would tell it. */
function pageAt(pages: PageSpan[], offset: number): number | null {
  return pages.find((span) => offset >= span.start && offset < span.end)?.page ?? null;
}

const REPORT_PAGES: PdfPage[] = [
  {
    texts: [
      { text: 'Baltic Ferry Review', x: 72, y: 740, size: 20, font: 'F2' },
      ...textLines(['Traffic on the Tallinn route rose by twelve per cent, the', 'largest rise since the route opened.'], { y: 700 }),
      ...textLines(['A second paragraph begins after a larger gap.'], { y: 660 }),
    ],
  },
  { texts: textLines(['Page two: the winter timetable had fewer', 'departures and more cancellations.']) },
  { texts: textLines(['Page three: conclusions and infor-', 'mation on sources.']) },
];

describe('parsePdf: text and pages', () => {
  it('returns each page’s text with its page number span', async () => {
    const parsed = await parsePdf(makePdf({ pages: REPORT_PAGES }));
    expect(parsed.text).toBe(
      [
        'Baltic Ferry Review',
        'Traffic on the Tallinn route rose by twelve per cent, the\nlargest rise since the route opened.',
        'A second paragraph begins after a larger gap.',
        'Page two: the winter timetable had fewer\ndepartures and more cancellations.',
        'Page three: conclusions and information on sources.',
      ].join('\n\n'),
    );
    expect(parsed.text).toBe(normalizeText(parsed.text));
    expect(parsed.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    // Spans cover the text in order, separated by the blank line between pages.
    expect(parsed.pages[0].start).toBe(0);
    expect(parsed.pages[2].end).toBe(parsed.text.length);
    for (let i = 1; i < parsed.pages.length; i++) {
      expect(parsed.text.slice(parsed.pages[i - 1].end, parsed.pages[i].start)).toBe('\n\n');
    }
    // An excerpt found at an offset tells its page.
    expect(pageAt(parsed.pages, parsed.text.indexOf('twelve per cent'))).toBe(1);
    expect(pageAt(parsed.pages, parsed.text.indexOf('more cancellations'))).toBe(2);
    expect(pageAt(parsed.pages, parsed.text.indexOf('information on sources'))).toBe(3);
    expect(parsed.text.slice(parsed.pages[1].start, parsed.pages[1].end)).toBe(
      'Page two: the winter timetable had fewer\ndepartures and more cancellations.',
    );
    expect(parsed.warnings).toEqual([]);
  });

  it('joins runs on one baseline, keeps superscripts on their line, and reads columns one after the other', async () => {
    const raw = [
      // Runs placed by the text cursor: a kerned split word, a superscript by text rise.
      'BT /F1 12 Tf 72 600 Td (Kerned: tigh) Tj (tly set.) Tj ET',
      'BT /F1 12 Tf 72 570 Td (Traffic rose 12%) Tj /F1 7 Tf 4 Ts (1) Tj /F1 12 Tf 0 Ts ( in 2023.) Tj ET',
    ].join('\n');
    const columns = [
      ...textLines(['Left column, line one', 'left column, line two.'], { x: 72, y: 500 }),
      ...textLines(['Right column, line one', 'right column, line two.'], { x: 320, y: 500 }),
    ];
    const parsed = await parsePdf(makePdf({ pages: [{ raw }, { texts: columns }] }));
    expect(parsed.text).toBe(
      'Kerned: tightly set.\n\nTraffic rose 12%1 in 2023.\n\n' +
        'Left column, line one\nleft column, line two.\n\nRight column, line one\nright column, line two.',
    );
  });

  it('leaves out pages without text, with a warning, and their neighbours keep their page numbers', async () => {
    const parsed = await parsePdf(makePdf({ pages: [REPORT_PAGES[1], { image: true }, {}, REPORT_PAGES[2]] }));
    expect(parsed.pages.map((p) => p.page)).toEqual([1, 4]);
    expect(pageAt(parsed.pages, parsed.text.indexOf('conclusions'))).toBe(4);
    expect(parsed.warnings).toEqual(['Pages 2–3 have no text (blank or scanned)']);
  });

  it('reads at most maxPages pages (2,000 by default), with a warning', async () => {
    const pages = Array.from({ length: 5000 }, (_, i) => ({ texts: textLines([`Entry ${i + 1} of the ship log.`]) }));
    const pdf = makePdf({ pages });
    const parsed = await parsePdf(pdf);
    expect(parsed.pages).toHaveLength(2000);
    expect(parsed.pages[1999]).toMatchObject({ page: 2000 });
    expect(parsed.text.endsWith('Entry 2000 of the ship log.')).toBe(true);
    expect(parsed.warnings).toEqual(['the PDF has 5,000 pages: only the first 2,000 were imported']);

    const first = await parsePdf(pdf, { maxPages: 3 });
    expect(first.text).toBe('Entry 1 of the ship log.\n\nEntry 2 of the ship log.\n\nEntry 3 of the ship log.');
    expect(first.warnings).toEqual(['the PDF has 5,000 pages: only the first 3 were imported']);
  });

  it('does not change the caller’s bytes (pdf.js takes its own copy)', async () => {
    const pdf = makePdf({ pages: REPORT_PAGES });
    const copy = pdf.slice();
    await parsePdf(pdf);
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(pdf).equals(Buffer.from(copy))).toBe(true);
  });
});

describe('parsePdf: a PDF printed by Chromium (the engine of brief export)', () => {
  const printer = chromiumPrinter();
  afterAll(() => printer.close?.());

  it('reads each page’s paragraphs, with their page numbers', async () => {
    const sentence = (n: number) =>
      `<p>Paragraph ${n}: the ferry left Tallinn at dawn; the crossing took two hours and forty minutes, and the information desk reported<sup>3</sup> delays across the network of routes that connect the Baltic ports.</p>`;
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry Log</title>
      <style>body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt } section + section { break-before: page }</style></head>
      <body><section><h1>Ferry Log</h1>${sentence(1)}${sentence(2)}</section>
      <section><h2>Winter</h2>${sentence(3)}</section><section><h2>Sources</h2>${sentence(4)}</section></body></html>`;
    const parsed = await parsePdf(new Uint8Array(await printer.print(html)));
    expect(parsed.meta.title).toBe('Ferry Log');
    expect(parsed.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(parsed.warnings).toEqual([]);
    const paragraph = (n: number) =>
      `Paragraph ${n}: the ferry left Tallinn at dawn; the crossing took two hours and forty minutes, and the information desk reported3 delays across the network of routes that connect the Baltic ports.`;
    // Lines of one paragraph are joined by line breaks; paragraphs by blank lines.
    const paragraphs = parsed.text.split('\n\n').map((p) => p.replace(/\n/g, ' '));
    for (const n of [1, 2, 3, 4]) expect(paragraphs).toContain(paragraph(n));
    expect(paragraphs).toContain('Winter');
    const pageOf = (text: string) => pageAt(parsed.pages, parsed.text.indexOf(text));
    expect([pageOf('Paragraph 1:'), pageOf('Paragraph 2:'), pageOf('Winter'), pageOf('Paragraph 3:'), pageOf('Paragraph 4:')]).toEqual([1, 1, 2, 2, 3]);
    // The export's running footer is text on its page too.
    expect(parsed.text.slice(parsed.pages[1].start, parsed.pages[1].end)).toContain('Page 2 of 3');
  });
});

describe('parsePdf: metadata', () => {
  it('reads title, author, creation date and language from the info dictionary', async () => {
    const parsed = await parsePdf(
      makePdf({
        pages: REPORT_PAGES,
        info: { Title: 'Baltic Ferry Review – 2024', Author: 'Maria Lind', CreationDate: "D:20240301093000+01'00'", Producer: 'Acme PDF Library 9' },
        lang: 'en-GB',
      }),
    );
    expect(parsed.meta).toEqual({ title: 'Baltic Ferry Review – 2024', author: 'Maria Lind', publishedAt: '2024-03-01', language: 'en-GB' });
  });

  it('prefers XMP, joins several creators, and skips placeholder titles', async () => {
    const xmp = xmpPacket({ title: 'Ferry Review (final)', creators: ['Maria Lind', 'Jonas Berg'], created: '2023-11-05T10:00:00Z' });
    const parsed = await parsePdf(makePdf({ pages: REPORT_PAGES, info: { Title: 'Microsoft Word - draft3.docx' }, xmp }));
    expect(parsed.meta).toEqual({ title: 'Ferry Review (final)', author: 'Maria Lind, Jonas Berg', publishedAt: '2023-11-05' });

    const placeholder = await parsePdf(makePdf({ pages: REPORT_PAGES, info: { Title: 'Microsoft Word - draft3.docx', Author: 'Windows User' } }));
    expect(placeholder.meta).toEqual({});
  });

  it('reads XMP properties as elements or attributes, and the x-default title', () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/" xap:CreateDate="2022-06-30T08:00:00+02:00"/>
      <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title><rdf:Alt><rdf:li xml:lang="de">Fährbericht</rdf:li><rdf:li xml:lang="x-default">Ferry Report</rdf:li></rdf:Alt></dc:title>
        <dc:creator><rdf:Seq><rdf:li>Maria Lind</rdf:li><rdf:li>Jonas Berg</rdf:li></rdf:Seq></dc:creator>
        <dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(xmp)).toEqual({ title: 'Ferry Report', creator: 'Maria Lind, Jonas Berg', created: '2022-06-30T08:00:00+02:00', language: 'en' });
  });

  it('parses PDF dates as the calendar date written', () => {
    expect(pdfDate("D:20240301233000-05'00'")).toBe('2024-03-01');
    expect(pdfDate('D:2024')).toBe('2024');
    expect(pdfDate('D:202402')).toBe('2024-02');
    expect(pdfDate('D:20240230')).toBeNull();
    expect(pdfDate('2024-03-01T10:00:00Z')).toBe('2024-03-01');
    expect(pdfDate('yesterday')).toBeNull();
  });
});

describe('parsePdf: bad input', () => {
  it('refuses a password-protected PDF', async () => {
    const pdf = makePdf({ pages: REPORT_PAGES, encrypt: { userPassword: 'secret', ownerPassword: 'owner' } });
    expect(await skipReason(() => parsePdf(pdf))).toBe(
      'the PDF is encrypted (password-protected); remove the protection and import it again',
    );
  });

  it('imports a PDF encrypted with only an owner password (it opens without one)', async () => {
    const pdf = makePdf({ pages: REPORT_PAGES, info: { Title: 'Locked for editing' }, encrypt: { userPassword: '', ownerPassword: 'owner' } });
    const parsed = await parsePdf(pdf);
    expect(parsed.meta.title).toBe('Locked for editing');
    expect(parsed.text).toContain('Traffic on the Tallinn route');
  });

  it('refuses a PDF without a text layer', async () => {
    const pdf = makePdf({ pages: [{ image: true }, { image: true }] });
    expect(await skipReason(() => parsePdf(pdf))).toBe('the PDF has no text layer (scanned pages?): there is no text to excerpt');
  });

  it('refuses a truncated PDF as damaged or incomplete', async () => {
    const pdf = makePdf({ pages: REPORT_PAGES });
    for (const cut of [0.3, 0.6, 0.9]) {
      expect(await skipReason(() => parsePdf(pdf.subarray(0, Math.floor(pdf.length * cut))))).toBe(
        'the PDF is damaged or incomplete: no readable PDF structure was found (the file ends early: an interrupted download?)',
      );
    }
    expect(await skipReason(() => parsePdf(pdf.subarray(0, 20)))).toMatch(/^the PDF is damaged or incomplete: /);
  });

  it('warns about a damaged page, and refuses the file when it is also cut short', async () => {
    const pdf = makePdf({ pages: REPORT_PAGES });
    const text = Buffer.from(pdf).toString('latin1');
    const brokenKid = text.replace('/Kids [6 0 R 8 0 R 10 0 R]', '/Kids [6 0 R 98 0 R 10 0 R]');
    const parsed = await parsePdf(new Uint8Array(Buffer.from(brokenKid, 'latin1')));
    expect(parsed.pages[0].page).toBe(1);
    expect(parsed.warnings).toContain('the PDF is damaged: page 2 could not be read and is missing');

    const alsoCut = brokenKid.replace('%%EOF', '');
    expect(await skipReason(() => parsePdf(new Uint8Array(Buffer.from(alsoCut, 'latin1'))))).toBe(
      'the PDF is damaged or incomplete: the file ends early (an interrupted download?) and page 2 cannot be read',
    );
  });

  it('refuses a file that is not a PDF', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await skipReason(() => parsePdf(random))).toBe(
      'not a PDF file (it does not start with %PDF-): the file may be something else saved as .pdf',
    );
    expect(await skipReason(() => parsePdf(new TextEncoder().encode('<html><body>404 Not Found</body></html>')))).toMatch(/^not a PDF file/);
  });
});

describe('pageText: lines and paragraphs from item positions', () => {
  const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5) => ({
    str,
    transform: [size, 0, 0, size, x, y],
    width,
    height: size,
  });

  it('puts a space only where there is a gap, and a line break where the baseline changes', () => {
    expect(pageText([item('infor', 0, 100, 10, 25), item('mation', 25.2, 100), item('about', 60, 100), item('x', 0, 88)])).toBe('information about\nx');
  });

  it('starts a paragraph at a larger gap than the page’s usual line spacing', () => {
    const lines = ['one', 'two', 'three', 'four', 'five', 'six'];
    const ys = [100, 88, 76, 52, 40, 28];
    expect(pageText(lines.map((s, i) => item(s, 0, ys[i])))).toBe('one\ntwo\nthree\n\nfour\nfive\nsix');
  });

  it('skips empty and marked-content items and treats whitespace items as spaces', () => {
    const items = [item('a', 0, 100, 10, 5), { str: '', transform: [10, 0, 0, 10, 5, 100], width: 0, height: 10, hasEOL: true }, item(' ', 5, 100, 10, 0), item('b', 5, 100, 10, 5), { type: 'beginMarkedContent' }];
    expect(pageText(items as never)).toBe('a b');
  });

  it('joins a word hyphenated at a line end, but not a hyphen before a capital or a number', () => {
    expect(pageText([item('infor-', 0, 100), item('mation', 0, 88), item('Baltic-', 0, 76), item('Nordic', 0, 64), item('2023-', 0, 52), item('2024', 0, 40)])).toBe(
      'information\nBaltic-\nNordic\n2023-\n2024',
    );
  });
});
