import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ExcerptView } from '../../../db/domain';
import { checkCitations } from '../../../db/brief/integrity';
import type { SerializedNode } from '../../../db/brief/document';
import { TEXT_FORMAT, citationNode, headingNode, linkNode, listItemNode, listNode, paragraphNode, quoteNode, rootNode, textNode } from '../../../db/brief/document';
import { renderBriefHtml } from '../../../electron/services/export/briefHtml';
import { renderBriefDocx } from '../../../electron/services/export/briefDocx';
import { excerptView } from '../../helpers/excerptView';
import { BANNER, GENERATED_AT, TITLE, br, briefBlocks, concession, excerpts } from './fixtures';

const document = rootNode([...briefBlocks({ nestedStart: 3 }), headingNode('h3', [textNode('Outlook')]), paragraphNode([])]);
const warnings = checkCitations(document, excerpts).filter((c) => c.status !== 'ok');
type Input = Parameters<typeof renderBriefDocx>[0];
const render = (overrides: Partial<Input> = {}) => renderBriefDocx({ title: TITLE, document, excerpts, generatedAt: GENERATED_AT, banner: BANNER, warnings, ...overrides });

// ---------------------------------------------------------------------------- reading the package

type Parts = Record<string, string>;
const unpack = (bytes: Uint8Array): Parts => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

/**
 * A strict well-formedness check (linkedom's XML parser forgives anything): one root, tags
 * that nest and close, quoted attributes without duplicates, only the five predefined or
 * numeric entities, no character XML 1.0 forbids.
 */
function assertWellFormed(xml: string, part: string): void {
  const fail = (why: string, at: number) => {
    throw new Error(`${part} is not well-formed XML: ${why} at ${at}: ${JSON.stringify(xml.slice(Math.max(0, at - 40), at + 40))}`);
  };
  const badChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(xml);
  if (badChar) fail('a character XML forbids', badChar.index);
  const checkEntities = (text: string, at: number) => {
    const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
    if (bad) fail('a bare &', at + bad.index);
  };
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: string[] = [];
  let roots = 0;
  const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
  const openTag = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const closeTag = new RegExp(`^</(${NAME})\\s*>`);
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes('>') && text.includes(']]>')) fail(']]> in text', i);
    checkEntities(text, i);
    if (stack.length === 0 && text.trim()) fail('text outside the root', i);
    if (lt === -1) break;
    const rest = xml.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) fail('an unclosed comment', lt);
      i = end + 3;
      continue;
    }
    const close = closeTag.exec(rest);
    if (close) {
      if (stack.pop() !== close[1]) fail(`</${close[1]}> closes nothing open`, lt);
      i = lt + close[0].length;
      continue;
    }
    const open = openTag.exec(rest);
    if (!open) fail('a malformed tag', lt);
    const [whole, name, attributes, selfClosing] = open!;
    const names = [...attributes.matchAll(new RegExp(`(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`, 'g'))].map((m) => {
      checkEntities(m[2], lt);
      return m[1];
    });
    if (new Set(names).size !== names.length) fail('a repeated attribute', lt);
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
    i = lt + whole.length;
  }
  if (stack.length > 0) fail(`<${stack.at(-1)}> is never closed`, xml.length);
  if (roots !== 1) fail(`${roots} root elements`, 0);
}

const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
type El = ReturnType<ReturnType<typeof parseXml>['getElementsByTagName']>[number];
const all = (root: { getElementsByTagName(name: string): ArrayLike<El> }, name: string): El[] => Array.from(root.getElementsByTagName(name));
/** The text Word shows of an element: its w:t (a field's result included), tabs and breaks. */
function textOf(el: El): string {
  let out = '';
  const visit = (node: El) => {
    for (const child of Array.from(node.childNodes) as El[]) {
      if (child.nodeType !== 1) continue;
      if (child.tagName === 'w:t') out += child.textContent;
      else if (child.tagName === 'w:tab') out += '\t';
      else if (child.tagName === 'w:br') out += '\n';
      else visit(child);
    }
  };
  visit(el);
  return out;
}
const styleOf = (p: El) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? null;
const bodyParagraphs = (parts: Parts) => all(parseXml(parts['word/document.xml']), 'w:p');
const relsOf = (parts: Parts, part: string) =>
  new Map(
    all(parseXml(parts[part]), 'Relationship').map((r) => [
      r.getAttribute('Id')!,
      // linkedom leaves entities in attribute values as written
      { type: r.getAttribute('Type')!, target: r.getAttribute('Target')!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), mode: r.getAttribute('TargetMode') },
    ]),
  );

/** The citation markers of document.xml in order: a footnote reference or a NOTEREF field. */
function markers(xml: string): string[] {
  return [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>|<w:instrText xml:space="preserve"> NOTEREF _RefNote(\d+) \\f \\h <\/w:instrText>/g)].map((m) =>
    m[1] ? `footnote ${m[1]}` : `noteref ${m[2]}`,
  );
}

// ---------------------------------------------------------------------------- tests

describe('renderBriefDocx', () => {
  it('is a complete package: every part well-formed, typed, and every relationship resolved', () => {
    const bytes = render();
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const parts = unpack(bytes);
    expect(Object.keys(parts).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/_rels/footnotes.xml.rels',
        'word/document.xml',
        'word/footer1.xml',
        'word/footnotes.xml',
        'word/header1.xml',
        'word/numbering.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    );
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
      assertWellFormed(xml, name);
    }
    // every part but the relationships has its content type
    const types = parseXml(parts['[Content_Types].xml']);
    const overrides = new Set(all(types, 'Override').map((o) => o.getAttribute('PartName')));
    for (const name of Object.keys(parts).filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')) expect(overrides.has(`/${name}`), name).toBe(true);
    for (const o of overrides) expect(parts[o!.slice(1)], o!).toBeDefined();
    // every internal relationship points at a part; every r:id used is declared
    const check = (part: string, rels: string, base: string) => {
      const declared = relsOf(parts, rels);
      for (const [, r] of declared) if (r.mode !== 'External') expect(parts[base + r.target], `${rels} → ${r.target}`).toBeDefined();
      for (const m of parts[part].matchAll(/r:id="([^"]+)"/g)) expect(declared.has(m[1]), `${part} uses ${m[1]}`).toBe(true);
    };
    check('word/document.xml', 'word/_rels/document.xml.rels', 'word/');
    check('word/footnotes.xml', 'word/_rels/footnotes.xml.rels', 'word/');
    for (const [, r] of relsOf(parts, '_rels/.rels')) expect(parts[r.target], r.target).toBeDefined();
  });

  it('opens with the title and the export date, and records the title in the properties', () => {
    const parts = unpack(render());
    const paragraphs = bodyParagraphs(parts);
    expect([styleOf(paragraphs[0]), textOf(paragraphs[0])]).toEqual(['Title', TITLE]);
    expect([styleOf(paragraphs[1]), textOf(paragraphs[1])]).toEqual(['Subtitle', 'Exported 1 March 2026, 09:30 UTC']);
    expect(parts['docProps/core.xml']).toContain('<dc:title>East Terminal: concession &amp; seizures</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T09:30:00Z</dcterms:created>');
  });

  it('writes headings, paragraphs, lists, the quote and the formats', () => {
    const parts = unpack(render());
    const paragraphs = bodyParagraphs(parts).map((p) => [styleOf(p), textOf(p)]);
    expect(paragraphs.slice(2, 12)).toEqual([
      ['Heading2', 'Key judgements'],
      [null, 'The terminal changed hands without open tender in June. Seizures followed, and screening stayed thin minimal.'],
      ['ListParagraph', 'Concession terms: published summary'],
      ['ListParagraph', 'thirty years'],
      ['ListParagraph', 'two berths\n(East and West)'],
      ['ListParagraph', 'Unsafe link stays text: click'],
      ['Quote', 'Officers found the motors in three containers.\n— customs statement'],
      [null, 'The concession again1, an excerpt since deleted, and one that changed.'], // 1: the NOTEREF's result
      ['Heading3', 'Outlook'],
      ['Heading2', 'Sources'],
    ]);
    const xml = parts['word/document.xml'];
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">without open tender</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">screening</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">thin</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="CodeChar"/></w:rPr><w:t xml:space="preserve">minimal</w:t></w:r>');
    // the nested list is a list of its own, one level down, numbered from its start
    const numPr = bodyParagraphs(parts)
      .filter((p) => styleOf(p) === 'ListParagraph')
      .slice(0, 4)
      .map((p) => [p.getElementsByTagName('w:ilvl')[0].getAttribute('w:val'), p.getElementsByTagName('w:numId')[0].getAttribute('w:val')]);
    expect(numPr).toEqual([
      ['0', '1'],
      ['1', '2'],
      ['1', '2'],
      ['0', '1'],
    ]);
    const numbering = parseXml(parts['word/numbering.xml']);
    const abstract = all(numbering, 'w:abstractNum');
    expect(abstract[0].getElementsByTagName('w:numFmt')[0].getAttribute('w:val')).toBe('bullet');
    expect(abstract[1].getElementsByTagName('w:numFmt')[1].getAttribute('w:val')).toBe('decimal');
    expect(abstract[1].getElementsByTagName('w:start')[1].getAttribute('w:val')).toBe('3');
    expect(all(numbering, 'w:num').map((n) => [n.getAttribute('w:numId'), n.getElementsByTagName('w:abstractNumId')[0].getAttribute('w:val')])).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '2'],
      ['4', '3'],
    ]);
  });

  it('links only safe URLs, through relationships', () => {
    const parts = unpack(render());
    const rels = relsOf(parts, 'word/_rels/document.xml.rels');
    const link = parseXml(parts['word/document.xml']).getElementsByTagName('w:hyperlink')[0];
    expect(textOf(link)).toBe('published summary');
    expect(rels.get(link.getAttribute('r:id')!)).toEqual({
      type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
      target: 'https://ledger.example/terms?a=1&b=2',
      mode: 'External',
    });
    for (const [name, xml] of Object.entries(parts)) expect(xml, name).not.toContain('javascript');
  });

  it('cites with real footnotes numbered as the HTML, a repeat being a NOTEREF to the first', () => {
    const parts = unpack(render());
    const xml = parts['word/document.xml'];
    expect(markers(xml)).toEqual(['footnote 1', 'footnote 2', 'noteref 1', 'footnote 3', 'footnote 4']);
    // the HTML's markers, in the same order
    const html = renderBriefHtml({ title: 't', document, excerpts, generatedAt: GENERATED_AT, stylesheet: '' });
    expect(markers(xml).map((m) => m.split(' ')[1])).toEqual([...html.matchAll(/<sup class="cite"[^>]*><a[^>]*>\[(\d+)\]/g)].map((m) => m[1]));
    // the first citation sits in the bookmark the NOTEREF names; the field shows the number, superscript
    expect(xml).toContain(
      '<w:bookmarkStart w:id="1" w:name="_RefNote1"/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="1"/>',
    );
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">1</w:t></w:r>');
    expect(parts['word/styles.xml']).toMatch(/<w:style w:type="character" w:styleId="FootnoteReference">.*?<w:vertAlign w:val="superscript"\/>.*?<\/w:style>/);
  });

  it('writes each footnote as the HTML writes the note, in order', () => {
    const parts = unpack(render());
    const footnotes = all(parseXml(parts['word/footnotes.xml']), 'w:footnote');
    expect(footnotes.map((f) => [f.getAttribute('w:id'), f.getAttribute('w:type')])).toEqual([
      ['-1', 'separator'],
      ['0', 'continuationSeparator'],
      ['1', null],
      ['2', null],
      ['3', null],
      ['4', null],
    ]);
    expect(parts['word/settings.xml']).toContain('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>');
    const notes = footnotes.slice(2);
    for (const f of notes) {
      expect(f.getElementsByTagName('w:footnoteRef')).toHaveLength(1);
      expect(styleOf(all(f, 'w:p')[0])).toBe('FootnoteText');
    }
    const docx = notes.map((f) => all(f, 'w:p').map((p, i) => (i === 0 ? textOf(p).replace(/^ /, '') : textOf(p))));
    // the HTML's notes, paragraph by paragraph, less the note number and the back-links
    const { document: page } = parseHTML(renderBriefHtml({ title: 't', document, excerpts, generatedAt: GENERATED_AT, stylesheet: '' }));
    const htmlNotes = Array.from(page.querySelectorAll('li.note')).map((li) => {
      li.querySelectorAll('.note-backrefs, .note-number').forEach((e) => e.remove());
      return Array.from(li.querySelectorAll('p')).map((p) => p.textContent!.trim());
    });
    expect(docx).toEqual(htmlNotes);
    expect(docx[0][0]).toBe(
      '“The concession runs for thirty years and covers both berths of the East Terminal.” — Kestrava awards terminal concession to Halvard Maritime. The Kestrava Ledger, 2025-06-12. https://ledger.example/2025/06/terminal-concession Grade B2.',
    );
    expect(docx[1][0]).toContain('Meridian Freight Review, 2025-11-04. p. 3. Grade C?.');
    expect(docx[2]).toEqual(['“Halvard’s chair sits on the port authority board.” — Who owns Halvard?', 'Excerpt deleted — quote as cited.']);
    expect(docx[3][1]).toBe('Changed since cited; as cited: “Screening covered 2 per cent of containers in 2025.”');
    // the source title in italics, the URL a link through the footnotes' relationships
    expect(parts['word/footnotes.xml']).toContain('<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Kestrava awards terminal concession to Halvard Maritime</w:t></w:r>');
    const link = notes[0].getElementsByTagName('w:hyperlink')[0];
    expect(relsOf(parts, 'word/_rels/footnotes.xml.rels').get(link.getAttribute('r:id')!)?.target).toBe('https://ledger.example/2025/06/terminal-concession');
  });

  it('closes with the sources and the citation warnings', () => {
    const paragraphs = bodyParagraphs(unpack(render())).map((p) => [styleOf(p), textOf(p)]);
    const at = paragraphs.findIndex(([, t]) => t === 'Sources');
    expect(paragraphs.slice(at)).toEqual([
      ['Heading2', 'Sources'],
      ['ListParagraph', 'Kestrava awards terminal concession to Halvard Maritime. The Kestrava Ledger, 2025-06-12. https://ledger.example/2025/06/terminal-concession Reliability B.'],
      ['ListParagraph', 'Customs seize drone components at East Terminal. Meridian Freight Review, 2025-11-04. Reliability C.'],
      ['ListParagraph', 'Inquiry into terminal screening.'],
      ['Heading2', 'Citation warnings'],
      ['ListParagraph', 'ungraded — note 2: no information credibility. As cited: “Officers found 1,140 brushless motors declared as agricultural sprayer parts.”'],
      ['ListParagraph', 'deleted — note 3: the excerpt was deleted. As cited: “Halvard’s chair sits on the port authority board.”'],
      ['ListParagraph', 'changed — note 4: the quote changed since it was cited. As cited: “Screening covered 2 per cent of containers in 2025.”'],
    ]);
    const none = bodyParagraphs(unpack(render({ warnings: [] }))).map(textOf);
    expect(none).not.toContain('Citation warnings');
  });

  it('puts the banner in the header and footer, and "Page N of M" in the footer', () => {
    const parts = unpack(render());
    expect(textOf(parseXml(parts['word/header1.xml']).getElementsByTagName('w:hdr')[0])).toBe(BANNER);
    const footer = parts['word/footer1.xml'];
    expect(textOf(parseXml(footer).getElementsByTagName('w:ftr')[0])).toBe(`${BANNER}Page 1 of 1`);
    expect(footer).toMatch(/Page <\/w:t>.*<w:instrText xml:space="preserve"> PAGE <\/w:instrText>.* of <\/w:t>.*<w:instrText xml:space="preserve"> NUMPAGES <\/w:instrText>/);
    expect(parts['word/document.xml']).toMatch(/<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"\/><w:footerReference w:type="default" r:id="rIdFooter"\/>/);

    const plain = unpack(render({ banner: undefined }));
    expect(plain['word/header1.xml']).toBeUndefined();
    expect(plain['[Content_Types].xml']).not.toContain('header1.xml');
    expect(plain['word/document.xml']).not.toContain('headerReference');
    expect(textOf(parseXml(plain['word/footer1.xml']).getElementsByTagName('w:ftr')[0])).toBe('Page 1 of 1');
  });

  it('escapes user text everywhere and drops characters XML cannot hold', () => {
    const evil = '<script>alert("x")</script> & \'q\' ]]> \u0001\u000b\ud800 end';
    const shown = '<script>alert("x")</script> & \'q\' ]]>  end';
    const doc = rootNode([
      headingNode('h1', [textNode(evil)]),
      paragraphNode([textNode(evil, TEXT_FORMAT.bold), citationNode('exc_evil', evil, evil), linkNode('https://x.test/"onmouseover="alert(1)', [textNode(evil)])]),
    ]);
    const x = excerptView('exc_evil', { quote: evil, sourceTitle: evil, sourcePublisher: evil, sourcePublishedAt: evil, sourceUrl: 'https://x.test/?q="><script>' });
    for (const excerptsNow of [new Map([[x.id, x]]), new Map<string, ExcerptView>()]) {
      const parts = unpack(renderBriefDocx({ title: evil, document: doc, excerpts: excerptsNow, generatedAt: GENERATED_AT, banner: evil }));
      for (const [name, xml] of Object.entries(parts)) {
        assertWellFormed(xml, name);
        expect(xml, name).not.toContain('<script>');
      }
      const paragraphs = bodyParagraphs(parts).map(textOf);
      // the title is on one line: its blanks collapse
      expect(paragraphs[0].replace(/\s+/g, ' ')).toBe(shown.replace(/\s+/g, ' '));
      expect(paragraphs.slice(1, 4)).toEqual([ 'Exported 1 March 2026, 09:30 UTC', shown, `${shown}${shown}`]);
      expect(textOf(parseXml(parts['word/header1.xml']).getElementsByTagName('w:hdr')[0]).replace(/\s+/g, ' ')).toBe(shown.replace(/\s+/g, ' '));
      const note = textOf(all(parseXml(parts['word/footnotes.xml']), 'w:footnote')[2]).replace(/\s+/g, ' ');
      expect(note).toContain(`“${shown.replace(/\s+/g, ' ')}”`);
    }
    const rels = unpack(renderBriefDocx({ title: 't', document: doc, excerpts: new Map([[x.id, x]]), generatedAt: GENERATED_AT }));
    expect(rels['word/_rels/document.xml.rels']).toContain('Target="https://x.test/%22onmouseover=%22alert(1)"');
    expect(rels['word/_rels/footnotes.xml.rels']).toContain('Target="https://x.test/?q=%22%3E%3Cscript%3E"');
  });

  it('sets a marker met inside a link right after the link', () => {
    const doc = rootNode([paragraphNode([linkNode('https://a.test', [textNode('see'), citationNode(concession.id, concession.quote)])])]);
    const xml = unpack(renderBriefDocx({ title: 't', document: doc, excerpts, generatedAt: GENERATED_AT }))['word/document.xml'];
    expect(xml).toMatch(/<\/w:hyperlink><w:bookmarkStart w:id="1" w:name="_RefNote1"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
  });

  it('writes check lists, numbered lists from their start, rules and code blocks', () => {
    const check = { ...listNode('bullet', [{ ...listItemNode([textNode('done')], 1), checked: true }, listItemNode([textNode('open')], 2)]), listType: 'check' as const };
    const code = { type: 'code', version: 1, direction: null, format: '', indent: 0, children: [textNode('const a = 1;'), br, textNode('\tb();')] } as unknown as SerializedNode;
    const rule = { type: 'horizontalrule', version: 1 } as unknown as SerializedNode;
    const doc = rootNode([check, listNode('number', [listItemNode([textNode('ninth')], 9)], 9), rule, code]);
    const parts = unpack(renderBriefDocx({ title: 't', document: doc, excerpts, generatedAt: GENERATED_AT }));
    const paragraphs = bodyParagraphs(parts);
    expect(paragraphs.slice(2).map((p) => [styleOf(p), textOf(p)])).toEqual([
      ['ListParagraph', '☑ done'],
      ['ListParagraph', '☐ open'],
      ['ListParagraph', 'ninth'],
      [null, ''],
      ['CodeBlock', 'const a = 1;\n\tb();'],
    ]);
    expect(paragraphs[5].getElementsByTagName('w:pBdr')).toHaveLength(1);
    const abstract = all(parseXml(parts['word/numbering.xml']), 'w:abstractNum');
    expect(abstract[0].getElementsByTagName('w:numFmt')[0].getAttribute('w:val')).toBe('none');
    expect(abstract[1].getElementsByTagName('w:start')[0].getAttribute('w:val')).toBe('9');
  });

  it('has no notes, sources or empty paragraphs when there is nothing to show', () => {
    const parts = unpack(
      renderBriefDocx({ title: 'Empty', document: rootNode([paragraphNode([]), paragraphNode([textNode('  ')]), quoteNode([])]), excerpts: new Map(), generatedAt: GENERATED_AT }),
    );
    expect(bodyParagraphs(parts).map(textOf)).toEqual(['Empty', 'Exported 1 March 2026, 09:30 UTC']);
    expect(all(parseXml(parts['word/footnotes.xml']), 'w:footnote')).toHaveLength(2);
    expect(parts['word/numbering.xml']).not.toContain('w:num ');
    for (const [name, xml] of Object.entries(parts)) assertWellFormed(xml, name);
  });

  it('zips whatever the export date', () => {
    for (const when of [new Date(0), new Date('2150-01-01T00:00:00Z')]) {
      expect(Object.keys(unpack(render({ generatedAt: when })))).toContain('word/document.xml');
    }
  });

  it('well-formedness check catches broken XML', () => {
    for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>\u0001</a>', '<a x=1/>', '<a>']) {
      expect(() => assertWellFormed(bad, 'sample'), bad).toThrow(/not well-formed/);
    }
    expect(() => assertWellFormed('<?xml version="1.0"?><a x="&amp;"><b/>t&#65;</a>', 'sample')).not.toThrow();
  });
});

// A real word processor opens the file: LibreOffice (.ci/run installs it; so must a
// developer machine: apt-get install libreoffice-writer-nogui).
const soffice = ['soffice', 'libreoffice'].flatMap((name) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))).find((p) => existsSync(p));

describe('renderBriefDocx in LibreOffice', () => {
  it('opens, and shows four footnotes with their quotes', () => {
    if (!soffice) throw new Error('LibreOffice is not installed (apt-get install libreoffice-writer-nogui); it checks the .docx export.');
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-docx-'));
    try {
      writeFileSync(join(dir, 'brief.docx'), render());
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'html', '--outdir', dir, join(dir, 'brief.docx')], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const html = readFileSync(join(dir, 'brief.html'), 'utf8');
      expect(html.match(/class="sdfootnoteanc"/g)?.length).toBe(4);
      expect(html).toContain('Officers found 1,140 brushless motors');
      expect(html).toContain('Excerpt deleted — quote as cited.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
