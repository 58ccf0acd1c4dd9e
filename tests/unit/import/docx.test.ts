import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../electron/services/import/docx';
import { normalizeText } from '../../../electron/services/import/normalize';
import { ImportSkip } from '../../../electron/services/import/parse';
import { W_NS, coreXml, documentXml, makeDocx, makeZipBomb, para } from '../../fixtures/import/make-fixtures';

const MB = 1024 * 1024;

function skipReason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportSkip);
    return (error as Error).message;
  }
  throw new Error('the file was imported');
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
</w:styles>`;

const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W_NS}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ministry of Transport, annual figures.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`;

describe('parseDocx: text', () => {
  it('keeps headings, paragraphs and list items as separate paragraphs, in order', () => {
    const body = [
      para('Ferry Traffic in the Baltic', { style: 'Title' }),
      para('Summary', { style: 'Heading1' }),
      para('Traffic rose by 12% in 2023.'),
      para('Three causes stand out:'),
      para('cheaper fuel', { list: true }),
      para('new routes', { list: true }),
      para('a warm summer', { list: true }),
      para('Details', { style: 'Heading2' }),
      para('The details follow.'),
    ].join('');
    const parsed = parseDocx(makeDocx({ body }));
    expect(parsed.text).toBe(
      [
        'Ferry Traffic in the Baltic',
        'Summary',
        'Traffic rose by 12% in 2023.',
        'Three causes stand out:',
        '• cheaper fuel',
        '• new routes',
        '• a warm summer',
        'Details',
        'The details follow.',
      ].join('\n\n'),
    );
    expect(parsed.text).toBe(normalizeText(parsed.text));
    // No core.xml: the Title-style paragraph is the title.
    expect(parsed.meta.title).toBe('Ferry Traffic in the Baltic');
    expect(parsed.warnings).toEqual([]);
  });

  it('reads styles by their names (localized style ids), lists through a style, and numId 0 as no list', () => {
    const body = [
      para('Jahresbericht', { style: 'Titel' }),
      para('Zusammenfassung', { style: 'berschrift1' }),
      para('Punkt eins', { style: 'Aufzhlungszeichen' }),
      `<w:p><w:pPr><w:pStyle w:val="Aufzhlungszeichen"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>kein Punkt</w:t></w:r></w:p>`,
    ].join('');
    const parsed = parseDocx(makeDocx({ body, styles: STYLES }));
    expect(parsed.text).toBe('Jahresbericht\n\nZusammenfassung\n\n• Punkt eins\n\nkein Punkt');
    expect(parsed.meta.title).toBe('Jahresbericht');
  });

  it('writes tables as rows of "cell | cell"', () => {
    const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr>${para(text)}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const body = [
      para('Before the table.'),
      `<w:tbl><w:tblPr/><w:tblGrid/>${row('Port', 'Ships', 'Passengers')}${row('Tallinn', '41', '9,120')}${row('', '', '')}${row('Turku', '17', '2,300')}</w:tbl>`,
      para('After the table.'),
    ].join('');
    expect(parseDocx(makeDocx({ body })).text).toBe(
      'Before the table.\n\nPort | Ships | Passengers\nTallinn | 41 | 9,120\nTurku | 17 | 2,300\n\nAfter the table.',
    );
  });

  it('joins runs, keeps tabs and line breaks, and leaves out deleted, hidden and field-code text', () => {
    const body = `<w:p>
      <w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>
      <w:r><w:t xml:space="preserve">The </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ferry</w:t></w:r>
      <w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve"> old</w:delText></w:r></w:del>
      <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve"> new</w:t></w:r></w:ins>
      <w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDEN</w:t></w:r>
      <w:r><w:t xml:space="preserve"> left at 09:00</w:t></w:r><w:r><w:tab/><w:t>(local)</w:t></w:r>
      <w:r><w:br/><w:t>Tom &amp; Jerry &lt;crew&gt; &#8212; caf&#xE9;</w:t></w:r>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
      <w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> link text</w:t></w:r></w:hyperlink>
    </w:p>`;
    expect(parseDocx(makeDocx({ body })).text).toBe('The ferry new left at 09:00 (local)\nTom & Jerry <crew> — café7 link text');
  });

  it('takes one branch of alternate content (a text box is not doubled), before its anchoring paragraph', () => {
    const box = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`;
    const body = `<w:p><w:r><w:t xml:space="preserve">Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent>
      <mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${box('Sidebar: 3 ships were late.')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box('Sidebar: 3 ships were late.')}</v:textbox></v:shape></w:pict></mc:Fallback>
    </mc:AlternateContent></w:r></w:p>`;
    expect(parseDocx(makeDocx({ body })).text).toBe('Sidebar: 3 ships were late.\n\nAnchor paragraph.');
  });

  it('marks footnote references and lists the notes after the body', () => {
    const body = `<w:p><w:r><w:t>Traffic rose by 12%.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="7"/></w:r></w:p>${para('Next paragraph.')}`;
    expect(parseDocx(makeDocx({ body, footnotes: FOOTNOTES })).text).toBe(
      'Traffic rose by 12%.[1]\n\nNext paragraph.\n\n[1] Ministry of Transport, annual figures.',
    );
  });

  it('resolves namespaces by URI, whatever the prefix (and reads Strict OOXML)', () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const document = `<?xml version="1.0"?><!-- a comment with <w:t>no</w:t> -->
      <doc:document xmlns:doc="${W_NS}"><doc:body><doc:p><doc:r><doc:t>Prefixed</doc:t></doc:r></doc:p>
      <w:p xmlns:w="urn:not-word"><w:r><w:t>not Word</w:t></w:r></w:p>
      <s:p xmlns:s="${strict}"><s:r><s:t><![CDATA[Strict <text>]]></s:t></s:r></s:p></doc:body></doc:document>`;
    expect(parseDocx(makeDocx({ document })).text).toBe('Prefixed\n\nStrict <text>');
  });
});

describe('parseDocx: metadata', () => {
  it('reads title, author, created date and language from docProps/core.xml', () => {
    const core = coreXml({ title: 'Baltic Ferry Review', creator: 'Maria Lind', created: '2024-03-01T09:30:00Z', language: 'en-GB' });
    const parsed = parseDocx(makeDocx({ body: para('Heading', { style: 'Title' }) + para('Text.'), core }));
    expect(parsed.meta).toEqual({ title: 'Baltic Ferry Review', author: 'Maria Lind', publishedAt: '2024-03-01', language: 'en-GB' });
  });

  it('ignores placeholder authors and titles', () => {
    const core = coreXml({ title: 'Document1', creator: 'Microsoft Office User', created: 'not a date' });
    const parsed = parseDocx(makeDocx({ body: para('Text.'), core }));
    expect(parsed.meta).toEqual({});
  });
});

describe('parseDocx: bad input', () => {
  it('refuses a file that is not a ZIP archive', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(skipReason(() => parseDocx(random))).toBe('not a valid .docx (not a ZIP archive)');
    expect(skipReason(() => parseDocx(strToU8('<html>Not found</html>')))).toBe('not a valid .docx (not a ZIP archive)');
    expect(skipReason(() => parseDocx(new Uint8Array()))).toBe('not a valid .docx (not a ZIP archive)');
  });

  it('refuses a document without text', () => {
    expect(skipReason(() => parseDocx(makeDocx({ body: para('') + para('  ') })))).toBe('no text to import');
  });

  it('refuses a ZIP that is not a Word document', () => {
    expect(skipReason(() => parseDocx(zipSync({ 'notes.txt': strToU8('hello') })))).toBe(
      'not a Word document (the archive has no word/document.xml)',
    );
    const workbook = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
    });
    expect(skipReason(() => parseDocx(workbook))).toBe('not a Word document (it is an Excel workbook)');
  });

  it('refuses an encrypted (password-protected) document, which Word stores as an OLE file', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')), 1024);
    expect(skipReason(() => parseDocx(ole))).toBe(
      'the .docx is encrypted (password-protected); remove the protection in Word and import it again',
    );
  });

  it('refuses a truncated or corrupted .docx as damaged', () => {
    const docx = makeDocx({ body: para('Some text that will be cut off.'.repeat(50)), level: 0 });
    expect(skipReason(() => parseDocx(docx.subarray(0, Math.floor(docx.length / 2))))).toBe(
      'the .docx is damaged or incomplete: the file ends early (an interrupted download?)',
    );
    // Flip a byte inside the stored document.xml: its checksum no longer matches.
    const corrupt = docx.slice();
    const at = Buffer.from(corrupt).indexOf('will be cut');
    corrupt[at] ^= 0x20;
    expect(skipReason(() => parseDocx(corrupt))).toMatch(/^the \.docx is damaged or incomplete: word\/document\.xml is corrupt/);
  });

  it('refuses a ZIP bomb by its declared size, before inflating anything', () => {
    const bomb = makeZipBomb('word/document.xml', 200 * MB, { others: { '_rels/.rels': '<Relationships/>' } });
    expect(bomb.length).toBeLessThan(MB); // 200 MB of zeros in ~200 KB
    expect(skipReason(() => parseDocx(bomb))).toBe('refused: the .docx expands to more than 64 MB (possible ZIP bomb)');
    expect(skipReason(() => parseDocx(bomb, { maxEntryBytes: 256 * MB, maxTotalBytes: 100 * MB }))).toBe(
      'refused: the .docx expands to more than 100 MB (possible ZIP bomb)',
    );
  });

  it('stops a ZIP bomb whose header lies about its size while inflating', () => {
    // The directory says 1,000 bytes: only the running count while inflating can catch it.
    const liar = makeZipBomb('word/document.xml', 64 * MB, { declaredSize: 1000 });
    expect(skipReason(() => parseDocx(liar))).toBe(
      'refused: the .docx expands to more than 4 MB, over 100 times its compressed size (possible ZIP bomb)',
    );
    expect(skipReason(() => parseDocx(liar, { maxRatio: Infinity, maxEntryBytes: 8 * MB }))).toBe(
      'refused: the .docx expands to more than 8 MB (possible ZIP bomb)',
    );
  });

  it('counts every part read towards the total', () => {
    const filler = `<w:p><w:r><w:t>${'x'.repeat(1000)}</w:t></w:r></w:p>`;
    const styles = `<w:styles xmlns:w="${W_NS}"><!--${'s'.repeat(3 * MB)}--></w:styles>`;
    const docx = makeDocx({ document: documentXml(filler.repeat(3000)), styles });
    expect(parseDocx(docx).text).toHaveLength(3000 * 1000 + 2999 * 2);
    expect(skipReason(() => parseDocx(docx, { maxTotalBytes: 5 * MB }))).toBe('refused: the .docx expands to more than 5 MB (possible ZIP bomb)');
  });

  it('reads a large document in reasonable time', () => {
    // Varied text, as in a real document (100,000 copies of one paragraph would compress
    // over 100:1 and be refused as a possible ZIP bomb).
    const words = ['ferry', 'Tallinn', 'left', 'passengers', 'cars', 'harbour', 'late', 'crew', 'weather', 'route'];
    let seed = 1;
    const word = () => words[(seed = (seed * 16807) % 2147483647) % words.length];
    const body = Array.from({ length: 100_000 }, (_, i) => para(`${i}: ${Array.from({ length: 12 }, word).join(' ')}.`)).join('');
    const docx = makeDocx({ body });
    const start = performance.now();
    const parsed = parseDocx(docx);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(parsed.text.split('\n\n')).toHaveLength(100_000);
  });
});
