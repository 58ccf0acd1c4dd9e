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
import { type BriefDocument, type SerializedCitation, type SerializedNode, TEXT_FORMAT } from '../../../db/brief/document';
import { citationsOf, headingLevel, walkBlocks, walkInline } from '../../../db/brief/walk';
import { type BriefHtmlInput, citationNumbers, formatExportDate, publishedIn, safeUrl } from './briefHtml';

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

const whereOf = (x: ExcerptView) => oneLine(publishedIn(x));

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

/**
 * Blocks, to be joined by blank lines. Two lists of the same kind in a row would merge into
 * one in Markdown: the second of a run (ListVisit.run) uses the other bullet (`*`) or
 * delimiter (`)`).
 */
function renderBlocks(nodes: readonly SerializedNode[], numbers: ReadonlyMap<string, number>): string[] {
  const inline = (nodes: readonly SerializedNode[], options: InlineOptions = {}): string[] => {
    const markdown = renderInline(nodes, numbers, options);
    return markdown ? [markdown] : [];
  };
  return walkBlocks<string>(nodes, {
    paragraph: (node) => inline(node.children),
    heading: (node) => inline(node.children, { heading: true }).map((text) => `${'#'.repeat(headingLevel(node))} ${text}`),
    quote: (node) => inline(node.children).map((text) => text.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')),
    list: (_, items) => [items().join('\n')],
    // A nested list belongs to the item before it, indented by that item's marker width.
    listItem({ inline: content, index, number, checked }, list, nested) {
      const alternate = list.run % 2 === 1;
      const marker = list.ordered ? `${list.start >= 0 ? number : index + 1}${alternate ? ')' : '.'} ` : alternate ? '* ' : '- ';
      const indent = ' '.repeat(marker.length);
      const checkbox = checked === undefined ? '' : checked ? '[x] ' : '[ ] ';
      const [first, ...rest] = renderInline(content, numbers).split('\n');
      const lines = [`${marker}${checkbox}${first}`.trimEnd(), ...rest.map((line) => `${indent}${line}`)];
      for (const sub of nested()) for (const line of sub.split('\n')) lines.push(line ? `${indent}${line}` : '');
      return lines;
    },
    // Nodes a later editor may add: shown as well as their JSON allows, never dropped silently.
    horizontalRule: () => ['---'],
    code(node) {
      const code = plainText(node.children, numbers);
      const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      const info = typeof node.language === 'string' && /^[\w#+.-]+$/.test(node.language) ? node.language : '';
      return [`${fence}${info}\n${code}\n${fence}`];
    },
    loose: (node) => inline([node]),
  });
}

/** A code block's text: line breaks as newlines, citations as `[n]`. */
function plainText(nodes: readonly SerializedNode[], numbers: ReadonlyMap<string, number>): string {
  let text = '';
  walkInline(nodes, {
    text: (node) => (text += node.text),
    lineBreak: () => (text += '\n'),
    tab: () => (text += '\t'),
    citation: (node) => (text += `[${numbers.get(node.excerptId)}]`),
    otherText: (t) => (text += t),
  });
  return text;
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
  // a link's text is written apart, to become the label of `[label](url)`
  const writers = [new InlineWriter(options)];
  const writer = () => writers[writers.length - 1];
  walkInline(nodes, {
    text: (node) => writer().text(node.text, node.format),
    lineBreak: () => (options.heading ? writer().text(' ', 0) : writer().lineBreak()),
    tab: () => writer().text('\t', 0),
    citation: (node) => writer().atom(`[^${numbers.get(node.excerptId)}]`),
    otherText: (text) => writer().text(text, 0),
    linkStart() {
      writers.push(new InlineWriter(options));
      return true;
    },
    linkEnd(node) {
      const label = writers.pop()!.finish().replace(/^\s+|\s+$/g, '');
      const safe = safeUrl(node.url);
      if (safe) writer().atom(`[${label || escapeMarkdown(safe)}](${destination(safe)})`);
      else if (label) writer().atom(label);
    },
  });
  const markdown = escapeLineStarts(writer().finish());
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

  constructor(private readonly options: InlineOptions) {}

  text(raw: string, format: number): void {
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
  atom(markdown: string): void {
    this.flushBreaks();
    this.close(0);
    this.out += this.pendingSpace + markdown;
    this.pendingSpace = '';
  }

  lineBreak(): void {
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
