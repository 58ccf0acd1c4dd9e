// A brief as Markdown: CommonMark with GFM footnotes, strikethrough and task lists. The
// notes are numbered as in the HTML (citationNumbers: one per distinct excerpt, in order
// of first citation): a citation is the marker `[^n]` and a repeat reuses its label, so a
// footnote-aware renderer shows the same numbers as the HTML and the PDF.
//
// Every piece of user text is escaped, so that a title, a quote or a paragraph holding
// `*`, `_`, `[`, `#`, `<` or a leading `1.` stays text and never becomes structure.
//
// The notes, the sources list and the warnings are built here as format-neutral pieces
// (briefNotes, briefSources, briefWarnings) that the DOCX export renders too: the same
// wording as briefHtml.ts, in one place for the formats that are not HTML.
import { type ExcerptView, gradeLabel } from '../../../db/domain';
import type { CitationCheck } from '../../../db/brief/integrity';
import { type BriefDocument, type SerializedCitation, type SerializedNode, TEXT_FORMAT, citationsOf, fallbackText, isElement, listEntries } from '../../../db/brief/document';
import { type BriefHtmlInput, citationNumbers, formatExportDate, formatPublished, safeUrl } from './briefHtml';

/** What the Markdown and DOCX exports take: the HTML export's input less its stylesheet. */
export type BriefExportInput = Omit<BriefHtmlInput, 'stylesheet'>;

// ---------------------------------------------------------------------------- notes, sources, warnings

/** A piece of a note's text. Renderers quote `quote` in “ ”, set `title` in italics and link `url`. */
export type NotePiece = { kind: 'text'; text: string } | { kind: 'quote'; text: string } | { kind: 'title'; text: string } | { kind: 'url'; url: string };

export interface BriefNote {
  number: number;
  excerptId: string;
  /** Quote, then source title, publisher, date, page, URL and grade (as the HTML's note text). */
  text: NotePiece[];
  /** Further remarks, each its own sentence: deleted, changed since cited, passage lost. */
  remarks: NotePiece[][];
  /** How many times the brief cites the excerpt. */
  citations: number;
}

const text = (t: string): NotePiece => ({ kind: 'text', text: t });
/** User text on one line: runs of whitespace (newlines included) become one space. */
export const oneLine = (t: string): string => t.replace(/\s+/g, ' ').trim();
/** A full stop, unless the text already ends a sentence (as briefHtml.ts). */
const stop = (t: string) => (/[.!?…]["'”’)]*$/.test(t.trim()) ? '' : '.');

const whereOf = (x: ExcerptView) => oneLine([x.sourcePublisher?.trim(), formatPublished(x.sourcePublishedAt)].filter(Boolean).join(', '));

/** One note per distinct cited excerpt, numbered as citationNumbers (and so as the HTML). */
export function briefNotes(document: BriefDocument, excerpts: ReadonlyMap<string, ExcerptView>): BriefNote[] {
  const all = citationsOf(document);
  return [...citationNumbers(document)].map(([excerptId, number]) => {
    const citations = all.filter((c) => c.excerptId === excerptId);
    return { number, excerptId, citations: citations.length, ...noteText(citations, excerpts.get(excerptId)) };
  });
}

function noteText(citations: SerializedCitation[], x: ExcerptView | undefined): Pick<BriefNote, 'text' | 'remarks'> {
  const asCited = oneLine(citations[0]?.quoteAtCitation ?? '');
  if (!x) {
    const title = oneLine(citations.find((c) => c.sourceTitleAtCitation)?.sourceTitleAtCitation ?? '');
    return {
      text: [{ kind: 'quote', text: asCited }, ...(title ? [text(' — '), { kind: 'title', text: title } as NotePiece, text(stop(title))] : [])],
      remarks: [[text('Excerpt deleted — quote as cited.')]],
    };
  }
  const title = oneLine(x.sourceTitle);
  const out: NotePiece[] = [{ kind: 'quote', text: oneLine(x.quote) }, text(' — '), { kind: 'title', text: title }, text(stop(title))];
  const where = whereOf(x);
  if (where) out.push(text(` ${where}${stop(where)}`));
  if (x.page !== null) out.push(text(` p. ${x.page}.`));
  const url = safeUrl(x.sourceUrl, ['http:', 'https:']);
  if (url) out.push(text(' '), { kind: 'url', url });
  const grade = gradeLabel(x.reliability, x.credibility);
  if (grade) out.push(text(` Grade ${grade}.`));

  const remarks: NotePiece[][] = [];
  const current = oneLine(x.quote);
  const earlier = [...new Set(citations.map((c) => oneLine(c.quoteAtCitation)))].filter((q) => q && q !== current);
  if (earlier.length > 0) {
    remarks.push([text('Changed since cited; as cited: '), ...earlier.flatMap((q, i): NotePiece[] => [...(i > 0 ? [text(' / ')] : []), { kind: 'quote', text: q }])]);
  }
  if (x.state === 'orphaned') remarks.push([text('The passage is no longer found in the source’s current text.')]);
  return { text: out, remarks };
}

/** The sources the brief cites, each once, in order of first citation (as the HTML). */
export function briefSources(document: BriefDocument, excerpts: ReadonlyMap<string, ExcerptView>): NotePiece[][] {
  const seen = new Map<string, ExcerptView>();
  for (const c of citationsOf(document)) {
    const x = excerpts.get(c.excerptId);
    if (x && !seen.has(x.sourceId)) seen.set(x.sourceId, x);
  }
  return [...seen.values()].map((x) => {
    const title = oneLine(x.sourceTitle);
    const out: NotePiece[] = [{ kind: 'title', text: title }, text(stop(title))];
    const where = whereOf(x);
    if (where) out.push(text(` ${where}.`));
    const url = safeUrl(x.sourceUrl, ['http:', 'https:']);
    if (url) out.push(text(' '), { kind: 'url', url });
    if (x.reliability) out.push(text(` Reliability ${x.reliability}.`));
    return out;
  });
}

/** One line per citation that is not ok: its status, its note, why, and the quote as cited. */
export function briefWarnings(warnings: readonly CitationCheck[], numbers: ReadonlyMap<string, number>): NotePiece[][] {
  return warnings.map((w) => {
    const n = numbers.get(w.excerptId);
    return [text(`${w.status} — ${n === undefined ? 'a note' : `note ${n}`}: ${oneLine(w.detail)}. As cited: `), { kind: 'quote', text: oneLine(w.quoteAtCitation) }];
  });
}

// ---------------------------------------------------------------------------- escaping

/**
 * User text made literal anywhere inline: the characters that open emphasis, code, links,
 * HTML, strikethrough or table cells are backslash-escaped, and so is an `&` that would
 * start an entity. (`>` is left alone inline: escaping it would glue a backslash to a URL
 * that GFM links by itself.) What only matters at the start of a line is escaped by escapeLineStarts.
 */
export function escapeMarkdown(t: string): string {
  return t.replace(/[\\`*_[\]<~|]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/**
 * Each line of a block's inline Markdown made safe to start a block: leading blanks
 * dropped (they would make code or change list nesting; Markdown ignores them anyway), and
 * a leading `#`, `>`, `-`, `+`, `=`, `1.` or `1)` escaped so it stays text.
 */
function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^[#>+=-]/, '\\$&')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A URL as an autolink `<…>`: blanks and angle brackets percent-encoded (escapes do not work there). */
function autolink(url: string): string {
  return `<${url.replace(/[\s<>\u0000-\u001f\u007f]/g, (c) => percent(c))}>`;
}

/** A URL as a link destination `(…)`: blanks encoded, parentheses, backslashes and entities escaped. */
function destination(url: string): string {
  return url
    .replace(/[\s<>\u0000-\u001f\u007f]/g, (c) => percent(c))
    .replace(/[()\\]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

const percent = (c: string) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

function renderPieces(pieces: readonly NotePiece[]): string {
  return pieces
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return escapeMarkdown(p.text);
        case 'quote':
          return `“${escapeMarkdown(p.text)}”`;
        case 'title':
          return p.text ? `*${escapeMarkdown(p.text)}*` : '';
        case 'url':
          return autolink(p.url);
      }
    })
    .join('');
}

// ---------------------------------------------------------------------------- the document

export function renderBriefMarkdown(input: BriefExportInput): string {
  const numbers = citationNumbers(input.document);
  const blocks: string[] = [];
  if (input.banner?.trim()) blocks.push(`**${escapeMarkdown(oneLine(input.banner))}**`);
  blocks.push(`# ${headingText(escapeMarkdown(oneLine(input.title)))}`.trimEnd());
  blocks.push(`*${input.author ? `${escapeMarkdown(input.author)} · ` : ''}Exported ${formatExportDate(input.generatedAt)}*`);
  blocks.push(...renderBlocks(input.document.root.children, numbers));

  const sources = briefSources(input.document, input.excerpts);
  if (sources.length > 0) blocks.push('## Sources', sources.map((s, i) => `${i + 1}. ${renderPieces(s)}`).join('\n'));
  const warnings = briefWarnings(input.warnings ?? [], numbers);
  if (warnings.length > 0) blocks.push('## Citation warnings', warnings.map((w) => `- ${renderPieces(w)}`).join('\n'));

  for (const note of briefNotes(input.document, input.excerpts)) {
    blocks.push(`[^${note.number}]: ${[note.text, ...note.remarks].map(renderPieces).join(' ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** `#` escaped in a heading: a trailing run of them would be read as the heading's closing. */
const headingText = (escaped: string) => escaped.replace(/#/g, '\\#');

type Node = SerializedNode;
type ListNode = Extract<SerializedNode, { type: 'list' }>;
const kids = (node: Node): SerializedNode[] => (isElement(node) ? node.children : []);
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'horizontalrule', 'table', 'tablerow', 'tablecell']);

/**
 * Blocks, to be joined by blank lines. Two lists of the same kind in a row would merge into
 * one in Markdown: the second uses the other bullet (`*`) or delimiter (`)`).
 */
function renderBlocks(nodes: readonly SerializedNode[], numbers: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  let previousList: string | null = null;
  let alternate = false;
  for (const node of nodes) {
    if (node.type === 'list') {
      const kind = node.listType === 'number' ? 'ordered' : 'bullet';
      alternate = previousList === kind ? !alternate : false;
      previousList = kind;
      out.push(renderList(node, numbers, alternate));
      continue;
    }
    const rendered = renderBlock(node, numbers);
    if (rendered.length > 0) {
      out.push(...rendered);
      previousList = null;
    }
  }
  return out;
}

function renderBlock(node: Node, numbers: ReadonlyMap<string, number>): string[] {
  switch (node.type) {
    case 'paragraph': {
      const inline = renderInline(node.children, numbers);
      return inline ? [inline] : [];
    }
    case 'heading': {
      const inline = renderInline(node.children, numbers, { heading: true });
      const level = Number(node.tag.slice(1)) || 2;
      return inline ? [`${'#'.repeat(level)} ${inline}`] : [];
    }
    case 'quote': {
      const inline = renderInline(node.children, numbers);
      return inline ? [inline.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')] : [];
    }
    default:
      return renderUnknownBlock(node, numbers);
  }
}

/** Nodes a later editor may add: shown as well as their JSON allows, never dropped silently. */
function renderUnknownBlock(node: Node, numbers: ReadonlyMap<string, number>): string[] {
  const type = (node as { type: string }).type;
  if (type === 'horizontalrule') return ['---'];
  if (type === 'code' && isElement(node)) {
    const code = plainText(node.children, numbers);
    const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    const language = (node as { language?: unknown }).language;
    const info = typeof language === 'string' && /^[\w#+.-]+$/.test(language) ? language : '';
    return [`${fence}${info}\n${code}\n${fence}`];
  }
  if (kids(node).some((c) => BLOCK_TYPES.has(c.type))) return renderBlocks(kids(node), numbers);
  const inline = renderInline([node], numbers);
  return inline ? [inline] : [];
}

/** A code block's text: line breaks as newlines, citations as `[n]`. */
function plainText(nodes: readonly SerializedNode[], numbers: ReadonlyMap<string, number>): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text') return node.text;
      if (node.type === 'linebreak') return '\n';
      if (node.type === 'citation') return `[${numbers.get(node.excerptId)}]`;
      const other = node as { type: string; text?: unknown };
      if (other.type === 'tab') return '\t';
      const text = fallbackText(other);
      if (text !== undefined) return text;
      return isElement(node) ? plainText(node.children, numbers) : '';
    })
    .join('');
}

/**
 * A list, items tight. Lexical keeps a nested list in a listitem of its own: as in the
 * HTML it belongs to the item before it, indented by that item's marker width.
 */
function renderList(list: ListNode, numbers: ReadonlyMap<string, number>, alternate: boolean): string {
  const items = listEntries(list);
  const ordered = list.listType === 'number';
  const start = ordered && Number.isInteger(list.start) && list.start >= 0 ? list.start : 1;
  const lines: string[] = [];
  items.forEach(({ item, inline, nested }, i) => {
    const marker = ordered ? `${start + i}${alternate ? ')' : '.'} ` : alternate ? '* ' : '- ';
    const indent = ' '.repeat(marker.length);
    const checkbox = list.listType === 'check' ? ((item as { checked?: boolean }).checked ? '[x] ' : '[ ] ') : '';
    const content = renderInline(inline, numbers).split('\n');
    lines.push(`${marker}${checkbox}${content[0]}`.trimEnd());
    for (const line of content.slice(1)) lines.push(`${indent}${line}`);
    let previousKind: string | null = null;
    let alternateNested = false;
    for (const sub of nested) {
      const kind = sub.listType === 'number' ? 'ordered' : 'bullet';
      alternateNested = previousKind === kind ? !alternateNested : false;
      previousKind = kind;
      for (const line of renderList(sub, numbers, alternateNested).split('\n')) lines.push(line ? `${indent}${line}` : '');
    }
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------------------- inline

type Mark = 'bold' | 'italic' | 'strike';
/** Outermost first. Code is a span of its own inside these. */
const MARKS: [Mark, number, string][] = [
  ['bold', TEXT_FORMAT.bold, '**'],
  ['italic', TEXT_FORMAT.italic, '*'],
  ['strike', TEXT_FORMAT.strikethrough, '~~'],
];
const DELIMITER = Object.fromEntries(MARKS.map(([mark, , d]) => [mark, d])) as Record<Mark, string>;

interface InlineOptions {
  /** In a heading: a line break becomes a space, `#` is escaped. */
  heading?: boolean;
}

/** A block's inline content, its lines safe to start a block; '' when it holds nothing visible. */
function renderInline(nodes: readonly SerializedNode[], numbers: ReadonlyMap<string, number>, options: InlineOptions = {}): string {
  const writer = new InlineWriter(numbers, options);
  writer.nodes(nodes);
  const markdown = escapeLineStarts(writer.finish());
  return markdown.trim() ? markdown : '';
}

/**
 * Emphasis kept as a stack of open delimiters, so adjacent runs that share a format share
 * its delimiters (`**a *b***`, never `**a****b**`), and whitespace is kept outside of them
 * (`** a**` would not be emphasis). Underline has no Markdown and is left plain.
 */
class InlineWriter {
  private out = '';
  private open: Mark[] = [];
  /** Whitespace after the last text, written once we know whether delimiters close first. */
  private pendingSpace = '';
  private pendingBreaks = 0;
  /** Citation markers met inside a link, set right after it. */
  private afterLink: string[] | null = null;

  constructor(
    private readonly numbers: ReadonlyMap<string, number>,
    private readonly options: InlineOptions,
  ) {}

  nodes(nodes: readonly SerializedNode[]): void {
    for (const node of nodes) this.node(node);
  }

  private node(node: SerializedNode): void {
    switch (node.type) {
      case 'text':
        this.text(node.text, node.format);
        break;
      case 'linebreak':
        if (this.options.heading) this.text(' ', 0);
        else this.lineBreak();
        break;
      case 'citation': {
        const marker = `[^${this.numbers.get(node.excerptId)}]`;
        if (this.afterLink) this.afterLink.push(marker);
        else this.atom(marker);
        break;
      }
      case 'link':
      case 'autolink':
        this.link(node.url, node.children);
        break;
      default: {
        const other = node as { type: string; text?: unknown };
        const text = fallbackText(other);
        if (other.type === 'tab') this.text('\t', 0);
        else if (text !== undefined) this.text(text, 0);
        else if (isElement(node)) this.nodes(node.children);
      }
    }
  }

  private text(raw: string, format: number): void {
    const t = raw.replace(/\r\n?|\n/g, ' ');
    const core = t.trim();
    if (!core) {
      this.pendingSpace += t;
      return;
    }
    const lead = t.slice(0, t.length - t.trimStart().length);
    const trail = t.slice(t.trimEnd().length);
    const marks = MARKS.filter(([, bit]) => format & bit).map(([mark]) => mark);
    let body = format & TEXT_FORMAT.code ? codeSpan(core) : escapeMarkdown(core);
    if (this.options.heading && !(format & TEXT_FORMAT.code)) body = headingText(body);

    this.flushBreaks();
    const keep = this.open.findIndex((m) => !marks.includes(m));
    if (keep !== -1) this.close(keep);
    const opening = marks.filter((m) => !this.open.includes(m));
    this.out += this.pendingSpace + lead;
    this.pendingSpace = '';
    for (const m of opening) this.out += DELIMITER[m];
    this.open.push(...opening);
    this.out += body;
    this.pendingSpace = trail;
  }

  /** Something that takes no format (a footnote marker): delimiters close before it. */
  private atom(markdown: string): void {
    this.flushBreaks();
    this.close(0);
    this.out += this.pendingSpace + markdown;
    this.pendingSpace = '';
  }

  private lineBreak(): void {
    this.close(0);
    this.pendingSpace = '';
    // none at the very start of a block; none at its end (finish drops them)
    if (this.out) this.pendingBreaks += 1;
  }

  private flushBreaks(): void {
    if (this.pendingBreaks === 0) return;
    this.out += '\\\n'.repeat(this.pendingBreaks);
    this.pendingBreaks = 0;
  }

  private link(url: string, children: readonly SerializedNode[]): void {
    if (this.afterLink) {
      // a link in a link: its text only
      this.nodes(children);
      return;
    }
    const inner = new InlineWriter(this.numbers, this.options);
    inner.afterLink = [];
    inner.nodes(children);
    const label = inner.finish().replace(/^\s+|\s+$/g, '');
    const markers = inner.afterLink;
    const safe = safeUrl(url);
    if (safe) this.atom(`[${label || escapeMarkdown(safe)}](${destination(safe)})`);
    else if (label) this.atom(label);
    for (const m of markers) this.atom(m);
  }

  /** Closes the open delimiters from the innermost down to index `from`. */
  private close(from: number): void {
    while (this.open.length > from) this.out += DELIMITER[this.open.pop()!];
  }

  finish(): string {
    this.close(0);
    this.pendingBreaks = 0;
    return this.out;
  }
}

/** A code span that holds its text whatever backticks it contains. */
function codeSpan(t: string): string {
  const runs = [...t.matchAll(/`+/g)].map((m) => m[0].length);
  let n = 1;
  while (runs.includes(n)) n += 1;
  const fence = '`'.repeat(n);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
