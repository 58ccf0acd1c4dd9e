// DOCX (Word 2007+, also .docm/.dotx): the main document's paragraphs, tables, text boxes
// and footnotes as normalized text; title, author, created date and language from
// docProps/core.xml. The ZIP is read by our own reader (zip.ts) with size limits, and
// the XML by a streaming tokenizer (docxXml.ts): nothing in the file is executed or
// fetched, and no entity is expanded.
//
// The text, block by block, each block separated by a blank line:
//  - every non-empty paragraph (w:p), in document order; headings and the title are
//    plain paragraphs (their style only picks the title when core.xml has none);
//  - a list paragraph (numbering from w:numPr, directly or through its style) starts
//    with "• ", whatever its numbering format;
//  - a table is one block, a row per line, its cells joined with " | " (a cell's
//    paragraphs joined with spaces);
//  - a text box's paragraphs come before the paragraph that anchors it;
//  - footnote and endnote references read "[1]" / "[i]" where they are, and the notes
//    follow the body as "[1] text" blocks, in reference order;
//  - deleted text (tracked changes), hidden text (w:vanish), field codes, and the
//    fallback copy of alternate content are left out; headers, footers and comments are
//    not part of the text.
import type { SourceMeta } from '../../../db/domain';
import { type XmlAttributes, walkXml } from './docxXml';
import { normalizeInline, normalizeText } from './normalize';
import { ImportSkip } from './format';
import { DEFAULT_ZIP_LIMITS, MB, ZipArchive, ZipError, looksLikeZip } from './zip';

export interface ParsedDocx {
  meta: Partial<SourceMeta>;
  text: string;
  warnings: string[];
}

export interface DocxLimits {
  /** Most bytes one part of the file may inflate to (default 64 MB). */
  maxEntryBytes?: number;
  /** Most bytes all parts read may inflate to, together (default 128 MB). */
  maxTotalBytes?: number;
  /** Most a part larger than 4 MB may expand relative to its compressed size (default 100). */
  maxRatio?: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MATH = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const MATH_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/math';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';

const isW = (ns: string) => ns === W || ns === W_STRICT;

/** Parse a .docx. Synchronous. Throws ImportSkip with the reason for a file that cannot be imported. */
export function parseDocx(bytes: Uint8Array, limits: DocxLimits = {}): ParsedDocx {
  const zipLimits = { ...DEFAULT_ZIP_LIMITS, ...definedOnly(limits) };
  if (!looksLikeZip(bytes)) {
    if (isCompoundFile(bytes)) {
      throw new ImportSkip(
        containsUtf16(bytes, 'EncryptionInfo')
          ? 'the .docx is encrypted (password-protected); remove the protection in Word and import it again'
          : 'not a valid .docx (an old Word .doc file?): save it as .docx in Word and import it again',
      );
    }
    throw new ImportSkip('not a valid .docx (not a ZIP archive)');
  }
  try {
    return readDocx(ZipArchive.open(bytes, zipLimits));
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    switch (error.code) {
      case 'not-zip':
        throw new ImportSkip('not a valid .docx (not a ZIP archive)');
      case 'too-large':
        throw new ImportSkip(`refused: the .docx expands to more than ${formatMb(error.limitBytes)} MB (possible ZIP bomb)`);
      case 'ratio':
        throw new ImportSkip(
          `refused: the .docx expands to more than ${formatMb(error.limitBytes)} MB, over ${zipLimits.maxRatio} times its compressed size (possible ZIP bomb)`,
        );
      case 'encrypted':
        throw new ImportSkip('the .docx is encrypted (password-protected); remove the protection in Word and import it again');
      default:
        throw new ImportSkip(`the .docx is damaged or incomplete: ${error.message}`);
    }
  }
}

function readDocx(zip: ZipArchive): ParsedDocx {
  const warnings: string[] = [];
  const { main: mainPath, core: corePath } = packageParts(zip);
  if (!mainPath) throw new ImportSkip(notWordReason(zip));
  const parts = documentParts(zip, mainPath);

  const styles = parts.styles ? readStyles(zip.readText(parts.styles)) : new Map<string, StyleInfo>();
  const footnotes = parts.footnotes ? readNotes(zip.readText(parts.footnotes), 'footnote') : new Map<string, string>();
  const endnotes = parts.endnotes ? readNotes(zip.readText(parts.endnotes), 'endnote') : new Map<string, string>();
  const documentXml = zip.readText(mainPath);
  if (documentXml === null) throw new ImportSkip('not a Word document (the archive has no word/document.xml)');

  const body = readBody(documentXml, styles, footnotes, endnotes);
  if (!body.isWordDocument) throw new ImportSkip(notWordReason(zip));
  const text = normalizeText([...body.blocks.map((b) => b.text), ...body.notes].join('\n\n'));

  const core = corePath ? readCore(zip.readText(corePath) ?? '') : {};
  const title = usefulTitle(core.title) ?? usefulTitle(body.blocks.find((b) => b.kind === 'title')?.text) ??
    usefulTitle(body.blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text);
  const meta: Partial<SourceMeta> = {};
  if (title) meta.title = title;
  const author = usefulAuthor(core.creator);
  if (author) meta.author = author;
  const date = isoDate(core.created);
  if (date) meta.publishedAt = date;
  const language = normalizeInline(core.language, 35);
  if (language) meta.language = language;

  if (!text) throw new ImportSkip('no text to import');
  return { meta, text, warnings };
}

// ---------------------------------------------------------------------------------------
// Package structure

interface PackageParts {
  main: string | null;
  core: string | null;
}

/** The main document and the core properties, by the package's relationships (or their usual names). */
function packageParts(zip: ZipArchive): PackageParts {
  const rels = zip.has('_rels/.rels') ? readRelationships(zip.readText('_rels/.rels') ?? '', '') : [];
  const find = (kind: string, fallback: string) =>
    rels.find((r) => r.type.endsWith(`/${kind}`) && zip.has(r.target))?.target ?? (zip.has(fallback) ? fallback : null);
  return { main: find('officeDocument', 'word/document.xml'), core: find('core-properties', 'docProps/core.xml') };
}

function notWordReason(zip: ZipArchive): string {
  if (zip.has('xl/workbook.xml')) return 'not a Word document (it is an Excel workbook)';
  if (zip.has('ppt/presentation.xml')) return 'not a Word document (it is a PowerPoint presentation)';
  if (zip.has('content.xml') && zip.has('mimetype')) return 'not a Word document (it is an OpenDocument file: save it as .docx and import it again)';
  return 'not a Word document (the archive has no word/document.xml)';
}

interface DocumentParts {
  styles: string | null;
  footnotes: string | null;
  endnotes: string | null;
}

function documentParts(zip: ZipArchive, mainPath: string): DocumentParts {
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${mainPath.slice(dir.length)}.rels`;
  const rels = zip.has(relsPath) ? readRelationships(zip.readText(relsPath) ?? '', dir) : [];
  const find = (kind: string, fallback: string) => {
    const rel = rels.find((r) => r.type.endsWith(`/${kind}`) && zip.has(r.target));
    if (rel) return rel.target;
    return zip.has(dir + fallback) ? dir + fallback : null;
  };
  return { styles: find('styles', 'styles.xml'), footnotes: find('footnotes', 'footnotes.xml'), endnotes: find('endnotes', 'endnotes.xml') };
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(xml: string, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  walkXml(xml, {
    open(ns, local, attrs) {
      if (ns !== REL || local !== 'Relationship' || attrs.get('', 'TargetMode') === 'External') return;
      const type = attrs.get('', 'Type');
      const target = attrs.get('', 'Target');
      if (type && target) out.push({ type, target: resolvePartName(baseDir, target) });
    },
    close() {},
    text() {},
  });
  return out;
}

/** A relationship target as a part name inside the archive ("../x" and "/x" resolved). */
function resolvePartName(baseDir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // keep it as written
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : baseDir + decoded;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment && segment !== '.') out.push(segment);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------
// Styles: which paragraph styles are headings and which are lists

interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outlineLevel: number | null;
  numId: string | null;
}

function readStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  let current: StyleInfo | null = null;
  const path: string[] = [];
  walkXml(xml, {
    open(ns, local, attrs) {
      const name = isW(ns) ? local : '';
      const parent = path[path.length - 1];
      if (name === 'style' && parent === 'styles') {
        const id = wAttr(attrs, 'styleId');
        const type = wAttr(attrs, 'type') ?? 'paragraph';
        current = { name: null, basedOn: null, outlineLevel: null, numId: null };
        if (id && type === 'paragraph') styles.set(id, current);
      } else if (current && parent === 'style') {
        if (name === 'name') current.name = wAttr(attrs, 'val');
        else if (name === 'basedOn') current.basedOn = wAttr(attrs, 'val');
      } else if (current && parent === 'pPr' && path[path.length - 2] === 'style') {
        if (name === 'outlineLvl') current.outlineLevel = intOrNull(wAttr(attrs, 'val'));
      } else if (current && parent === 'numPr' && path[path.length - 2] === 'pPr' && path[path.length - 3] === 'style') {
        if (name === 'numId') current.numId = wAttr(attrs, 'val');
      }
      path.push(name);
    },
    close(ns, local) {
      path.pop();
      if (isW(ns) && local === 'style') current = null;
    },
    text() {},
  });
  return styles;
}

type StyleKind = { heading: number | null; title: boolean; list: boolean };

function styleKind(styles: Map<string, StyleInfo>, styleId: string | null): StyleKind {
  const kind: StyleKind = { heading: null, title: false, list: false };
  if (!styleId) return kind;
  if (!styles.size) {
    // No styles part: the built-in style ids of English Word.
    const heading = /^heading\s*([1-9])$/i.exec(styleId);
    if (heading) kind.heading = Number(heading[1]);
    kind.title = /^title$/i.test(styleId);
    kind.list = /^list(bullet|number)\d?$/i.test(styleId);
    return kind;
  }
  let listDecided = false;
  const seen = new Set<string>();
  for (let id: string | null = styleId; id && !seen.has(id) && seen.size < 32; ) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) break;
    const name = style.name?.toLowerCase() ?? '';
    const heading = /^heading\s*([1-9])$/.exec(name);
    if (kind.heading === null && heading) kind.heading = Number(heading[1]);
    if (kind.heading === null && style.outlineLevel !== null && style.outlineLevel < 9) kind.heading = style.outlineLevel + 1;
    if (name === 'title') kind.title = true;
    if (!listDecided && style.numId !== null) {
      kind.list = style.numId !== '0';
      listDecided = true;
    }
    id = style.basedOn;
  }
  return kind;
}

// ---------------------------------------------------------------------------------------
// The body

type BlockKind = 'paragraph' | 'heading' | 'title' | 'list' | 'table';

interface Block {
  kind: BlockKind;
  text: string;
  level?: number;
}

interface Paragraph {
  parts: string[];
  styleId: string | null;
  numId: string | null;
  outlineLevel: number | null;
}

interface Container {
  blocks: Block[];
}

interface Table {
  rows: string[];
  row: string[] | null;
}

/** State shared by the document body and the notes parts. */
class TextCollector {
  readonly paragraphs: Paragraph[] = [];
  readonly containers: Container[] = [{ blocks: [] }];
  readonly tables: Table[] = [];
  /** Per open run: whether its text is hidden. */
  readonly hiddenRuns: boolean[] = [];
  /** Per open mc:AlternateContent: whether a branch was already taken. */
  readonly alternates: boolean[] = [];
  readonly path: string[] = [];
  skipDepth = 0;

  constructor(private readonly styles: Map<string, StyleInfo>) {}

  get container(): Container {
    return this.containers[this.containers.length - 1];
  }

  append(text: string): void {
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    if (paragraph && !this.hiddenRuns[this.hiddenRuns.length - 1]) paragraph.parts.push(text);
  }

  /** Handle an element start; returns false when the element's whole subtree is to be skipped. */
  open(ns: string, local: string, attrs: XmlAttributes): boolean {
    const path = this.path;
    const parent = path[path.length - 1];
    if (ns === MC) {
      if (local === 'AlternateContent') this.alternates.push(false);
      else if ((local === 'Choice' || local === 'Fallback') && parent === 'mc:AlternateContent') {
        const taken = this.alternates[this.alternates.length - 1];
        if (taken) return false;
        this.alternates[this.alternates.length - 1] = true;
      }
      path.push(`mc:${local}`);
      return true;
    }
    if (!isW(ns)) {
      path.push((ns === MATH || ns === MATH_STRICT) && local === 't' ? 'm:t' : '');
      return true;
    }
    switch (local) {
      case 'del':
      case 'moveFrom':
      case 'instrText':
      case 'delInstrText':
        return false;
      case 'p':
        this.paragraphs.push({ parts: [], styleId: null, numId: null, outlineLevel: null });
        break;
      case 'pStyle':
      case 'outlineLvl':
        if (parent === 'pPr' && path[path.length - 2] === 'p') {
          const paragraph = this.paragraphs[this.paragraphs.length - 1];
          if (local === 'pStyle') paragraph.styleId = wAttr(attrs, 'val');
          else paragraph.outlineLevel = intOrNull(wAttr(attrs, 'val'));
        }
        break;
      case 'numId':
        if (parent === 'numPr' && path[path.length - 2] === 'pPr' && path[path.length - 3] === 'p') {
          this.paragraphs[this.paragraphs.length - 1].numId = wAttr(attrs, 'val');
        }
        break;
      case 'r':
        this.hiddenRuns.push(false);
        break;
      case 'vanish':
      case 'webHidden':
        if (parent === 'rPr' && path[path.length - 2] === 'r' && isOn(wAttr(attrs, 'val'))) {
          this.hiddenRuns[this.hiddenRuns.length - 1] = true;
        }
        break;
      case 'tab':
      case 'ptab':
        if (parent === 'r') this.append('\t');
        break;
      case 'br':
      case 'cr':
        if (parent === 'r') this.append('\n');
        break;
      case 'noBreakHyphen':
        if (parent === 'r') this.append('-');
        break;
      case 'tbl':
        this.tables.push({ rows: [], row: null });
        break;
      case 'tr':
        if (this.tables.length) this.tables[this.tables.length - 1].row = [];
        break;
      case 'tc':
      case 'txbxContent':
        this.containers.push({ blocks: [] });
        break;
    }
    path.push(local);
    return true;
  }

  close(ns: string, local: string): void {
    this.path.pop();
    if (ns === MC) {
      if (local === 'AlternateContent') this.alternates.pop();
      return;
    }
    if (!isW(ns)) return;
    switch (local) {
      case 'p': {
        const paragraph = this.paragraphs.pop()!;
        const block = this.paragraphBlock(paragraph);
        if (block) this.container.blocks.push(block);
        break;
      }
      case 'r':
        this.hiddenRuns.pop();
        break;
      case 'tc': {
        const cell = this.containers.pop()!;
        const table = this.tables[this.tables.length - 1];
        table?.row?.push(cell.blocks.map((b) => b.text.replace(/\n/g, ' ')).join(' '));
        break;
      }
      case 'txbxContent': {
        const box = this.containers.pop()!;
        this.container.blocks.push(...box.blocks);
        break;
      }
      case 'tr': {
        const table = this.tables[this.tables.length - 1];
        if (table?.row && table.row.some((cell) => /\S/.test(cell))) table.rows.push(table.row.join(' | '));
        if (table) table.row = null;
        break;
      }
      case 'tbl': {
        const table = this.tables.pop();
        if (table?.rows.length) {
          // A table nested in a cell is part of that cell's text: one line.
          const inCell = this.containers.length > 1 && this.tables.length > 0;
          this.container.blocks.push({ kind: 'table', text: table.rows.join(inCell ? '; ' : '\n') });
        }
        break;
      }
    }
  }

  private paragraphBlock(paragraph: Paragraph): Block | null {
    const raw = paragraph.parts.join('');
    if (!/[^\s\u00A0\u200B\u2060\uFEFF]/.test(raw)) return null;
    const style = styleKind(this.styles, paragraph.styleId);
    const list = paragraph.numId !== null ? paragraph.numId !== '0' : style.list;
    if (list) return { kind: 'list', text: `• ${raw.replace(/^\s+/, '')}` };
    if (style.title) return { kind: 'title', text: raw };
    const level = paragraph.outlineLevel !== null && paragraph.outlineLevel < 9 ? paragraph.outlineLevel + 1 : style.heading;
    if (level !== null) return { kind: 'heading', text: raw, level };
    return { kind: 'paragraph', text: raw };
  }
}

function walkWithSkips(xml: string, collector: TextCollector, handlers: Partial<Pick<XmlVisitorLike, 'open' | 'close'>> = {}, onText?: (text: string) => void): void {
  walkXml(xml, {
    open(ns, local, attrs) {
      if (collector.skipDepth > 0) {
        collector.skipDepth++;
        return;
      }
      handlers.open?.(ns, local, attrs);
      if (!collector.open(ns, local, attrs)) collector.skipDepth = 1;
    },
    close(ns, local) {
      if (collector.skipDepth > 0) {
        collector.skipDepth--;
        return;
      }
      collector.close(ns, local);
      handlers.close?.(ns, local);
    },
    text(text) {
      if (collector.skipDepth > 0) return;
      const here = collector.path[collector.path.length - 1];
      if (here === 't' || here === 'm:t') {
        if (onText) onText(text);
        else collector.append(text);
      }
    },
  });
}

interface XmlVisitorLike {
  open(ns: string, local: string, attrs: XmlAttributes): void;
  close(ns: string, local: string): void;
}

interface Body {
  /** Whether the root element is w:document. */
  isWordDocument: boolean;
  blocks: Block[];
  notes: string[];
}

function readBody(xml: string, styles: Map<string, StyleInfo>, footnotes: Map<string, string>, endnotes: Map<string, string>): Body {
  const collector = new TextCollector(styles);
  const notes: string[] = [];
  const endnoteTexts: string[] = [];
  let root: string | null = null;
  walkWithSkips(xml, collector, {
    open(ns, local, attrs) {
      root ??= isW(ns) ? local : '';
      if (!isW(ns) || collector.path[collector.path.length - 1] !== 'r') return;
      if (local === 'footnoteReference' || local === 'endnoteReference') {
        const isFoot = local === 'footnoteReference';
        const note = (isFoot ? footnotes : endnotes).get(wAttr(attrs, 'id') ?? '');
        if (note === undefined) return;
        const list = isFoot ? notes : endnoteTexts;
        const label = isFoot ? String(list.length + 1) : roman(list.length + 1);
        collector.append(`[${label}]`);
        list.push(`[${label}] ${note}`);
      }
    },
  });
  return { isWordDocument: root === 'document', blocks: collector.containers[0].blocks, notes: [...notes, ...endnoteTexts] };
}

/** The text of each footnote (or endnote) by its id; separators are not notes. */
function readNotes(xml: string | null, element: 'footnote' | 'endnote'): Map<string, string> {
  const notes = new Map<string, string>();
  if (!xml) return notes;
  const collector = new TextCollector(new Map());
  let current: { id: string; start: number } | null = null;
  walkWithSkips(xml, collector, {
    open(ns, local, attrs) {
      if (isW(ns) && local === element && collector.path.length === 1) {
        const type = wAttr(attrs, 'type');
        const id = wAttr(attrs, 'id');
        current = id !== null && (type === null || type === 'normal') ? { id, start: collector.container.blocks.length } : null;
      }
    },
    close(ns, local) {
      if (isW(ns) && local === element && collector.path.length === 1 && current) {
        const blocks = collector.container.blocks.slice(current.start);
        const text = blocks.map((b) => b.text.replace(/\n/g, ' ')).join(' ').trim();
        if (text) notes.set(current.id, text);
        current = null;
      }
    },
  });
  return notes;
}

// ---------------------------------------------------------------------------------------
// docProps/core.xml

interface CoreProperties {
  title?: string;
  creator?: string;
  created?: string;
  language?: string;
}

function readCore(xml: string): CoreProperties {
  const core: CoreProperties = {};
  let field: keyof CoreProperties | null = null;
  let depth = 0;
  let value = '';
  walkXml(xml, {
    open(ns, local) {
      depth++;
      if (depth !== 2) return;
      if (ns === DC && (local === 'title' || local === 'creator' || local === 'language')) field = local;
      else if (ns === DCTERMS && local === 'created') field = 'created';
      value = '';
    },
    close() {
      if (depth === 2 && field) {
        if (core[field] === undefined) core[field] = value;
        field = null;
      }
      depth--;
    },
    text(text) {
      if (field) value += text;
    },
  });
  return core;
}

const JUNK_TITLE = /^(?:untitled(?: document)?|document\d*|title|microsoft word - .*|word document)$/i;
const JUNK_AUTHOR = /^(?:microsoft office user|windows user|user|owner|admin|administrator|author|unknown|python-docx|apache poi)$/i;

function usefulTitle(raw: string | undefined): string | null {
  const title = normalizeInline(raw, 500);
  return title && !JUNK_TITLE.test(title) ? title : null;
}

function usefulAuthor(raw: string | undefined): string | null {
  const author = normalizeInline(raw);
  return author && !JUNK_AUTHOR.test(author) ? author : null;
}

/** The calendar date (YYYY-MM-DD) of a W3CDTF value as written; null when it is not one. */
function isoDate(raw: string | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d || +y < 1900) return null;
  return `${y}-${m}-${d}`;
}

// ---------------------------------------------------------------------------------------
// Small helpers

function wAttr(attrs: XmlAttributes, local: string): string | null {
  return attrs.get(W, local) ?? attrs.get(W_STRICT, local);
}

function intOrNull(value: string | null): number | null {
  if (value === null || !/^\d{1,3}$/.test(value.trim())) return null;
  return Number(value);
}

function isOn(value: string | null): boolean {
  return value === null || !/^(?:0|false|off)$/i.test(value);
}

function roman(n: number): string {
  const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

function formatMb(bytes: number): string {
  return String(Math.round((bytes / MB) * 100) / 100);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An OLE compound file: how Word stores an encrypted .docx, and the old .doc format. */
function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}
