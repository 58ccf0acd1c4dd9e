// A brief as a Word document (.docx): a minimal WordprocessingML package written by hand
// and zipped with fflate. Citations are real Word footnotes (word/footnotes.xml), the notes'
// text as in the HTML, Markdown and PDF.
//
// Numbering. Word numbers footnotes itself, one number per footnoteReference, in document
// order. The brief's rule (citationNumbers) is one number per distinct excerpt, in order
// of first citation, a repeat reusing the number. So each excerpt gets exactly one
// footnote, with w:id = its note number, referenced at its first citation: Word's count of
// references is then the same as citationNumbers, and footnote n is note n of the HTML.
// A repeated citation is not a second footnote (Word would number it n+1 and shift every
// later note) but a cross-reference to the first: a NOTEREF field on a bookmark around the
// first footnoteReference, with the \f switch (formatted as a footnote reference, i.e. the
// same superscript) and \h (a link to the note). Its shown result is the number itself,
// so the document reads right before Word updates any field, and a reader that ignores
// fields (or converts to PDF) sees the same superscript number. The price: a note's text
// stands at the foot of the page of its first citation only, as in a printed book's
// "see note n".
//
// The header and footer carry the banner (as the PDF does, on every page) and "Page N of M"
// (PAGE and NUMPAGES fields). The Sources list and the Citation warnings close the body.
import { zipSync, strToU8 } from 'fflate';
import {
  type BriefDocument,
  type SerializedHeading,
  type SerializedList,
  type SerializedNode,
  type SerializedParagraph,
  type SerializedQuote,
  TEXT_FORMAT,
  blockDirection,
} from '../../../db/brief/document';
import { headingLevel, walkBlocks, walkInline } from '../../../db/brief/walk';
import { citationNumbers, formatExportDate, safeUrl } from './briefHtml';
import { type BriefExportInput, type NotePiece, briefNotes, briefSources, briefWarnings, oneLine } from './briefMarkdown';
import {
  APP_PROPERTIES_XML,
  MONO_FONTS,
  type ListKind,
  Numbering,
  REL_TYPES,
  type Relationship,
  SETTINGS_XML,
  STYLES_XML,
  contentTypesXml,
  corePropertiesXml,
  documentXml,
  escapeXml,
  field,
  footerXml,
  footnotesXml,
  headerXml,
  relationshipsXml,
  sectionPropertiesXml,
} from './briefDocxParts';

export type BriefDocxInput = BriefExportInput;

/** The bookmark around note n's footnote reference, for the NOTEREF of a repeated citation. */
const noteBookmark = (n: number) => `_RefNote${n}`;

export function renderBriefDocx(input: BriefDocxInput): Uint8Array {
  const numbers = citationNumbers(input.document);
  const documentRels = new Hyperlinks('rIdLink');
  const footnoteRels = new Hyperlinks('rIdLink');
  const numbering = new Numbering();
  const ctx: Context = { numbers, referenced: new Set(), rels: documentRels, numbering };

  const body: string[] = [];
  body.push(paragraph('<w:pStyle w:val="Title"/>', run(oneLine(input.title))));
  body.push(paragraph('<w:pStyle w:val="Subtitle"/>', run(`${input.author ? `${input.author} · ` : ''}Exported ${formatExportDate(input.generatedAt)}`)));
  body.push(...renderBlocks(input.document.root.children, ctx));

  const sources = briefSources(input.document, input.excerpts);
  if (sources.length > 0) {
    body.push(paragraph('<w:pStyle w:val="Heading2"/>', run('Sources')));
    const numId = numbering.add('decimal');
    for (const s of sources) body.push(paragraph(listPPr(numId, 0), pieces(s, documentRels)));
  }
  const warnings = briefWarnings(input.warnings ?? [], numbers);
  if (warnings.length > 0) {
    body.push(paragraph('<w:pStyle w:val="Heading2"/>', run('Citation warnings')));
    const numId = numbering.add('bullet');
    for (const w of warnings) body.push(paragraph(listPPr(numId, 0), pieces(w, documentRels)));
  }

  const footnotes = briefNotes(input.document, input.excerpts).map((note) => {
    const first = paragraph(
      '<w:pStyle w:val="FootnoteText"/>',
      `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(' ')}${pieces(note.text, footnoteRels)}`,
    );
    const remarks = note.remarks.map((r) => paragraph('<w:pStyle w:val="FootnoteText"/>', pieces(r, footnoteRels)));
    return `<w:footnote w:id="${note.number}">${first}${remarks.join('')}</w:footnote>`;
  });

  const banner = input.banner ? oneLine(input.banner) : '';
  const bannerParagraph = banner ? paragraph('<w:pStyle w:val="Header"/>', run(banner, '<w:rPr><w:b/><w:color w:val="111111"/></w:rPr>')) : '';
  const pageParagraph = paragraph('<w:pStyle w:val="Footer"/>', `${run('Page ')}${field('PAGE', '1')}${run(' of ')}${field('NUMPAGES', '1')}`);

  const fixedRels: Relationship[] = [
    { id: 'rIdStyles', type: REL_TYPES.styles, target: 'styles.xml' },
    { id: 'rIdSettings', type: REL_TYPES.settings, target: 'settings.xml' },
    { id: 'rIdNumbering', type: REL_TYPES.numbering, target: 'numbering.xml' },
    { id: 'rIdFootnotes', type: REL_TYPES.footnotes, target: 'footnotes.xml' },
    ...(banner ? [{ id: 'rIdHeader', type: REL_TYPES.header, target: 'header1.xml' }] : []),
    { id: 'rIdFooter', type: REL_TYPES.footer, target: 'footer1.xml' },
  ];

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypesXml({ header: Boolean(banner) })),
    '_rels/.rels': strToU8(
      relationshipsXml([
        { id: 'rId1', type: REL_TYPES.officeDocument, target: 'word/document.xml' },
        { id: 'rId2', type: REL_TYPES.coreProperties, target: 'docProps/core.xml' },
        { id: 'rId3', type: REL_TYPES.extendedProperties, target: 'docProps/app.xml' },
      ]),
    ),
    'docProps/core.xml': strToU8(corePropertiesXml(oneLine(input.title), input.generatedAt)),
    'docProps/app.xml': strToU8(APP_PROPERTIES_XML),
    'word/document.xml': strToU8(documentXml(body.join(''), sectionPropertiesXml({ header: banner ? 'rIdHeader' : undefined, footer: 'rIdFooter' }, input.paper))),
    'word/_rels/document.xml.rels': strToU8(relationshipsXml([...fixedRels, ...documentRels.relationships()])),
    'word/styles.xml': strToU8(STYLES_XML),
    'word/settings.xml': strToU8(SETTINGS_XML),
    'word/numbering.xml': strToU8(numbering.xml()),
    'word/footnotes.xml': strToU8(footnotesXml(footnotes)),
    'word/_rels/footnotes.xml.rels': strToU8(relationshipsXml(footnoteRels.relationships())),
    ...(banner ? { 'word/header1.xml': strToU8(headerXml(bannerParagraph)) } : {}),
    'word/footer1.xml': strToU8(footerXml(bannerParagraph + pageParagraph)),
  };
  // a zip's timestamps run from 1980 to 2107 (fflate takes 2099)
  const year = input.generatedAt.getFullYear();
  return zipSync(files, { level: 6, mtime: year >= 1981 && year <= 2098 ? input.generatedAt : new Date(1981, 0, 1) });
}

// ---------------------------------------------------------------------------- parts of the body

interface Context {
  numbers: ReadonlyMap<string, number>;
  /** Excerpts whose footnote is already referenced: a further citation is a NOTEREF. */
  referenced: Set<string>;
  rels: Hyperlinks;
  numbering: Numbering;
}

/** The external hyperlinks of one part, each URL once. */
class Hyperlinks {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {}

  id(url: string): string {
    let id = this.ids.get(url);
    if (!id) {
      id = `${this.prefix}${this.ids.size + 1}`;
      this.ids.set(url, id);
    }
    return id;
  }

  relationships(): Relationship[] {
    return [...this.ids].map(([url, id]) => ({ id, type: REL_TYPES.hyperlink, target: url, external: true }));
  }
}

/** A URL as a relationship target: http(s) and mailto only, normalised (spaces and the like encoded). */
function linkTarget(url: string): string | null {
  const safe = safeUrl(url);
  if (!safe) return null;
  try {
    return new URL(safe).href;
  } catch {
    return null;
  }
}

const paragraph = (pPr: string, content: string) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const numPr = (numId: number, depth: number) => `<w:numPr><w:ilvl w:val="${Math.min(depth, 8)}"/><w:numId w:val="${numId}"/></w:numPr>`;
const listPPr = (numId: number, depth: number) => `<w:pStyle w:val="ListParagraph"/>${numPr(numId, depth)}`;

/** A run of text: tabs as w:tab, line ends as w:br. */
function run(text: string, rPr = ''): string {
  const parts = text.split(/(\t|\r\n|\r|\n)/).filter((p) => p !== '');
  const inner = parts.map((p) => (p === '\t' ? '<w:tab/>' : /^[\r\n]/.test(p) ? '<w:br/>' : `<w:t xml:space="preserve">${escapeXml(p)}</w:t>`)).join('');
  return inner ? `<w:r>${rPr}${inner}</w:r>` : '';
}

/** A note's, a source's or a warning's pieces: quotes in “ ”, titles in italics, URLs linked. */
function pieces(list: readonly NotePiece[], rels: Hyperlinks): string {
  return list
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return run(p.text);
        case 'quote':
          return run(`“${p.text}”`);
        case 'title':
          return run(p.text, '<w:rPr><w:i/></w:rPr>');
        case 'url': {
          const target = linkTarget(p.url);
          const shown = run(p.url, '<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>');
          return target ? `<w:hyperlink r:id="${rels.id(target)}" w:history="1">${shown}</w:hyperlink>` : run(p.url);
        }
      }
    })
    .join('');
}

/** Alignment, direction and indent of a block, as paragraph properties (in schema order). */
function blockPPr(node: SerializedNode | BriefDocument['root'], options: { style?: string; numPr?: string } = {}): string {
  const element = node as { format?: unknown; direction?: unknown; indent?: unknown };
  const rtl = blockDirection(element) === 'rtl';
  let pPr = options.style ? `<w:pStyle w:val="${options.style}"/>` : '';
  if (options.numPr) pPr += options.numPr;
  if (rtl) pPr += '<w:bidi/>';
  if (typeof element.indent === 'number' && element.indent > 0 && !options.numPr) pPr += `<w:ind w:left="${720 * Math.min(element.indent, 6)}"/>`;
  const jc = { center: 'center', right: rtl ? 'left' : 'right', end: rtl ? 'left' : 'right', justify: 'both' }[String(element.format)];
  if (jc) pPr += `<w:jc w:val="${jc}"/>`;
  return pPr;
}

function renderBlocks(nodes: readonly SerializedNode[], ctx: Context): string[] {
  const block = (node: SerializedParagraph | SerializedHeading | SerializedQuote, style?: string) => {
    const inline = renderInline(node.children, ctx);
    return inline.visible ? [paragraph(blockPPr(node, { style }), inline.xml)] : [];
  };
  /** Each list's numbering (w:numId), added as the list begins. */
  const numIds = new Map<SerializedList, number>();
  return walkBlocks<string>(nodes, {
    paragraph: (node) => block(node),
    heading: (node) => block(node, `Heading${headingLevel(node)}`),
    quote: (node) => block(node, 'Quote'),
    // A list: each item a numbered paragraph at the level of its depth, the lists nested
    // under it (walkBlocks) after it.
    list({ node, start }, items) {
      const kind = listKind(node);
      numIds.set(node, ctx.numbering.add(kind, kind === 'decimal' ? start : 1));
      return items();
    },
    listItem({ item, inline, checked, depth }, list, nested) {
      let xml = renderInline(inline, ctx).xml;
      if (checked !== undefined) xml = run(`${checked ? '☑' : '☐'} `) + xml;
      return [paragraph(blockPPr(item, { style: 'ListParagraph', numPr: numPr(numIds.get(list.node)!, depth) }), xml), ...nested()];
    },
    // Nodes a later editor may add: shown as well as their JSON allows, never dropped silently.
    horizontalRule: () => [paragraph('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="D9DCE1"/></w:pBdr>', '')],
    code(node) {
      const inline = renderInline(node.children, ctx, { code: true });
      return inline.visible ? [paragraph('<w:pStyle w:val="CodeBlock"/>', inline.xml)] : [];
    },
    loose(node) {
      const inline = renderInline([node], ctx);
      return inline.visible ? [paragraph('', inline.xml)] : [];
    },
  });
}

const listKind = (list: SerializedList): ListKind => (list.listType === 'number' ? 'decimal' : list.listType === 'check' ? 'none' : 'bullet');

// ---------------------------------------------------------------------------- inline

interface InlineOptions {
  /** A code block: its text keeps its newlines, and takes no code style of its own. */
  code?: boolean;
}

interface Inline {
  xml: string;
  /** Whether it shows anything: text other than blanks, or a note marker. */
  visible: boolean;
}

/** `inLink`: inside a hyperlink, runs take the Hyperlink style. */
function runPr(format: number, options: InlineOptions, inLink: boolean): string {
  const code = Boolean(format & TEXT_FORMAT.code) && !options.code;
  let rPr = '';
  if (inLink) rPr += '<w:rStyle w:val="Hyperlink"/>' + (code ? MONO_FONTS : '');
  else if (code) rPr += '<w:rStyle w:val="CodeChar"/>';
  if (format & TEXT_FORMAT.bold) rPr += '<w:b/>';
  if (format & TEXT_FORMAT.italic) rPr += '<w:i/>';
  if (format & TEXT_FORMAT.strikethrough) rPr += '<w:strike/>';
  if (format & TEXT_FORMAT.underline && !inLink) rPr += '<w:u w:val="single"/>';
  return rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
}

/**
 * Inline content (walkInline). A link to a URL that may not be a relationship target is
 * its content alone; a citation inside a hyperlink is set after it.
 */
function renderInline(nodes: readonly SerializedNode[], ctx: Context, options: InlineOptions = {}): Inline {
  let out: Inline = { xml: '', visible: false };
  /** Inside a hyperlink: what came before it, and the link's target. */
  let outer: Inline | null = null;
  let target = '';
  const text = (t: string, format: number) => {
    out.xml += run(t, runPr(format, options, outer !== null));
    out.visible ||= t.trim() !== '';
  };
  walkInline(nodes, {
    // a newline in a text node shows as a blank, as in the HTML (code keeps it)
    text: (node) => text(options.code ? node.text : node.text.replace(/\r\n?|\n/g, ' '), node.format),
    lineBreak: () => (out.xml += '<w:r><w:br/></w:r>'),
    tab: () => (out.xml += '<w:r><w:tab/></w:r>'),
    citation(node) {
      out.xml += citationMarker(node.excerptId, ctx);
      out.visible = true;
    },
    otherText: (t) => text(t, 0),
    linkStart(node) {
      target = linkTarget(node.url) ?? '';
      if (!target) return false;
      outer = out;
      out = { xml: '', visible: false };
      return true;
    },
    linkEnd(node, citations) {
      const inner = out;
      out = outer!;
      outer = null;
      // a link without text shows its URL, so that it can be seen and followed
      const content = inner.visible || citations.length > 0 ? inner.xml : run(node.url.trim(), '<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>');
      out.xml += `<w:hyperlink r:id="${ctx.rels.id(target)}" w:history="1">${content}</w:hyperlink>`;
      out.visible = true;
    },
  });
  return out;
}

const REFERENCE_RPR = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>';

/**
 * The first citation of an excerpt: its footnote's reference, in a bookmark. A later one: a
 * NOTEREF to that bookmark showing the same number (see the top of this file).
 */
function citationMarker(excerptId: string, ctx: Context): string {
  const n = ctx.numbers.get(excerptId)!;
  if (!ctx.referenced.has(excerptId)) {
    ctx.referenced.add(excerptId);
    return (
      `<w:bookmarkStart w:id="${n}" w:name="${noteBookmark(n)}"/>` +
      `<w:r>${REFERENCE_RPR}<w:footnoteReference w:id="${n}"/></w:r>` +
      `<w:bookmarkEnd w:id="${n}"/>`
    );
  }
  return field(`NOTEREF ${noteBookmark(n)} \\f \\h`, String(n), REFERENCE_RPR);
}
