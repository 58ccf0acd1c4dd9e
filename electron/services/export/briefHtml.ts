// The one HTML rendering of a brief (STYLE.md rule 9): HTML export, PDF export and the
// preview all print this. A self-contained document: the stylesheet inlined, no script,
// no request for anything (the CSP says so to whatever opens the file), every piece of
// user text escaped.
import { numberCitations } from '../../../common/citations';
import { type ExcerptView, gradeLabel } from '../../../db/domain';
import type { CitationCheck } from '../../../db/brief/integrity';
import { type BriefDocument, type SerializedCitation, type SerializedNode, TEXT_FORMAT, blockDirection } from '../../../db/brief/document';
import { type BlockVisitor, citationsOf, headingLevel, walkBlocks, walkInline } from '../../../db/brief/walk';

export interface BriefHtmlInput {
  title: string;
  /** The brief's author, for the title block. */
  author?: string | null;
  document: BriefDocument;
  /** The cited excerpts as they are now; a cited id missing here was deleted. */
  excerpts: ReadonlyMap<string, ExcerptView>;
  generatedAt: Date;
  stylesheet: string;
  /** A classification or handling banner, shown above the title (and by the PDF printer on every page). */
  banner?: string;
  /** The paper a Word document is laid out for (the HTML's comes with its stylesheet); A4 unless said. */
  paper?: 'A4' | 'Letter';
  /** Citations that are not ok: listed in a "Citation warnings" appendix. */
  warnings?: readonly CitationCheck[];
}

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The URL if it may be a link in an exported brief (http, https, mailto), else null. */
export function safeUrl(url: string | null | undefined, schemes: readonly string[] = ['http:', 'https:', 'mailto:']): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  try {
    return schemes.includes(new URL(trimmed).protocol) ? trimmed : null;
  } catch {
    return null;
  }
}

/** One number per distinct excerpt, in order of first citation (common/citations.ts, as the editor numbers them). */
export function citationNumbers(document: BriefDocument): Map<string, number> {
  return numberCitations(citationsOf(document));
}

export function renderBriefHtml(input: BriefHtmlInput): string {
  const notes = new Notes(input.document, input.excerpts);
  const body = renderBlocks(input.document.root.children, notes);
  const title = escapeHtml(input.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Sourcebook">
<title>${title}</title>
<style>
${input.stylesheet.replace(/<\/(style)/gi, '<\\/$1')}
</style>
</head>
<body>
<article class="brief">
${input.banner ? `<p class="brief-banner">${escapeHtml(input.banner)}</p>\n` : ''}<header class="brief-header">
<p class="brief-kind">Brief</p>
<h1 class="brief-title">${title}</h1>
<p class="brief-meta">${input.author ? `${escapeHtml(input.author)} · ` : ''}Exported <time datetime="${input.generatedAt.toISOString()}">${formatExportDate(input.generatedAt)}</time></p>
</header>
<div class="brief-body">
${body}
</div>
${notes.render(input.excerpts)}${renderSources(input.document, input.excerpts)}${renderWarnings(input.warnings ?? [], notes)}</article>
</body>
</html>
`;
}

/** The list of sources the brief cites, each once, in order of first citation. */
function renderSources(document: BriefDocument, excerpts: ReadonlyMap<string, ExcerptView>): string {
  const seen = new Map<string, ExcerptView>();
  for (const c of citationsOf(document)) {
    const x = excerpts.get(c.excerptId);
    if (x && !seen.has(x.sourceId)) seen.set(x.sourceId, x);
  }
  if (seen.size === 0) return '';
  const items = [...seen.values()].map((x) => {
    const where = publishedIn(x);
    const url = safeUrl(x.sourceUrl, ['http:', 'https:']);
    const grade = x.reliability ? ` <span class="source-grade">Reliability ${escapeHtml(x.reliability)}.</span>` : '';
    return `<li><cite>${escapeHtml(x.sourceTitle)}</cite>${stop(x.sourceTitle)}${where ? ` ${escapeHtml(where)}.` : ''}${url ? ` <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : ''}${grade}</li>`;
  });
  return `<section class="brief-sources">\n<h2>Sources</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`;
}

/** Every citation that is not ok, with its status and the quote it remembers. */
function renderWarnings(warnings: readonly CitationCheck[], notes: Notes): string {
  if (warnings.length === 0) return '';
  const items = warnings.map((w) => {
    const n = notes.numberOf(w.excerptId);
    const ref = n === null ? 'a note' : `<a href="#note-${n}">note ${n}</a>`;
    return `<li><span class="warning-status">${escapeHtml(w.status)}</span> — ${ref}: ${escapeHtml(w.detail)}. As cited: ${quote(w.quoteAtCitation)}</li>`;
  });
  return `<section class="brief-warnings">\n<h2>Citation warnings</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>\n`;
}

// ---------------------------------------------------------------------------- body

function blockAttributes(node: SerializedNode): string {
  const element = node as { format?: unknown; direction?: unknown; indent?: unknown };
  const classes: string[] = [];
  if (typeof element.format === 'string' && ['center', 'right', 'justify', 'end'].includes(element.format)) classes.push(`align-${element.format}`);
  if (typeof element.indent === 'number' && element.indent > 0 && node.type !== 'listitem') classes.push(`indent-${Math.min(element.indent, 6)}`);
  return (classes.length ? ` class="${classes.join(' ')}"` : '') + (blockDirection(element) === 'rtl' ? ' dir="rtl"' : '');
}

/** The brief's blocks, one per line (walkBlocks). */
function renderBlocks(nodes: readonly SerializedNode[], notes: Notes): string {
  return walkBlocks(nodes, blockRenderer(notes))
    .filter(Boolean)
    .join('\n');
}

function blockRenderer(notes: Notes): BlockVisitor<string> {
  const inline = (nodes: readonly SerializedNode[], plain = false) => renderInline(nodes, notes, plain);
  return {
    paragraph(node) {
      // A block-embed citation breaks its paragraph: the text before, the passage as a
      // quote with its attribution, the text after.
      const parts: string[] = [];
      let run: SerializedNode[] = [];
      const flush = () => {
        const inner = inline(run);
        if (inner.trim()) parts.push(`<p${blockAttributes(node)}>${inner}</p>`);
        run = [];
      };
      for (const child of node.children) {
        if (child.type === 'citation' && child.form === 'block') {
          flush();
          parts.push(notes.embed(child));
        } else run.push(child);
      }
      flush();
      return [parts.join('\n')];
    },
    heading: (node) => [`<h${headingLevel(node)}${blockAttributes(node)}>${inline(node.children)}</h${headingLevel(node)}>`],
    quote: (node) => [`<blockquote${blockAttributes(node)}>${inline(node.children)}</blockquote>`],
    list({ node, ordered, start }, items) {
      const tag = ordered ? 'ol' : 'ul';
      const startAttr = ordered && start !== 1 ? ` start="${start}"` : '';
      const cls = node.listType === 'check' ? ' class="checklist"' : '';
      return [`<${tag}${startAttr}${cls}${blockAttributes(node)}>\n${items().join('\n')}\n</${tag}>`];
    },
    // A nested list belongs inside the item before it (walkBlocks).
    listItem({ item, inline: content, checked }, _, nested) {
      let html = inline(content);
      if (checked !== undefined && item.type === 'listitem') html = `${checked ? '☑' : '☐'} ${html}`;
      const lists = nested();
      return [`<li>${html}${lists.length ? `\n${lists.join('\n')}\n` : ''}</li>`];
    },
    // Nodes a later editor may add: shown as well as their JSON allows, never dropped silently.
    horizontalRule: () => ['<hr>'],
    code: (node) => [`<pre><code>${inline(node.children, true)}</code></pre>`],
    loose(node) {
      const html = inline([node]);
      return html.trim() ? [`<p>${html}</p>`] : [];
    },
  };
}

const FORMAT_TAGS: [number, string][] = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.bold, 'strong'],
];

/**
 * Inline content (walkInline). A citation inside a link, where a marker (itself a link)
 * cannot stand, is set after the link. `plain`: text only, formats aside (code blocks).
 */
function renderInline(nodes: readonly SerializedNode[], notes: Notes, plain = false): string {
  let html = '';
  let linkOpen = false;
  walkInline(nodes, {
    text(node) {
      let text = escapeHtml(node.text);
      if (!plain) for (const [bit, tag] of FORMAT_TAGS) if (node.format & bit) text = `<${tag}>${text}</${tag}>`;
      html += text;
    },
    lineBreak: () => (html += plain ? '\n' : '<br>'),
    tab: () => (html += '\t'),
    citation: (node) => (html += notes.marker(node)),
    otherText: (text) => (html += escapeHtml(text)),
    linkStart(node) {
      const url = safeUrl(node.url);
      linkOpen = url !== null;
      if (url) html += `<a href="${escapeHtml(url)}">`;
      return true;
    },
    linkEnd: () => (html += linkOpen ? '</a>' : ''),
  });
  return html;
}

// ---------------------------------------------------------------------------- notes

interface Note {
  number: number;
  excerptId: string;
  /** Each citation of this excerpt, in document order. */
  citations: SerializedCitation[];
}

class Notes {
  private readonly byExcerpt = new Map<string, Note>();
  private readonly seen = new Map<string, number>();

  constructor(
    document: BriefDocument,
    private readonly excerpts?: ReadonlyMap<string, ExcerptView>,
  ) {
    for (const [excerptId, number] of citationNumbers(document)) {
      this.byExcerpt.set(excerptId, { number, excerptId, citations: citationsOf(document).filter((c) => c.excerptId === excerptId) });
    }
  }

  /** The superscript marker of one citation; repeated citations of an excerpt share its number. */
  marker(citation: SerializedCitation): string {
    const note = this.byExcerpt.get(citation.excerptId)!;
    const k = (this.seen.get(citation.excerptId) ?? 0) + 1;
    this.seen.set(citation.excerptId, k);
    return `<sup class="cite" id="cite-${note.number}-${k}"><a href="#note-${note.number}" aria-label="Note ${note.number}">[${note.number}]</a></sup>`;
  }

  /** A block embed: the passage as a quote, attributed, carrying its note marker. */
  embed(citation: SerializedCitation): string {
    const x = this.excerpts?.get(citation.excerptId);
    const quoteText = x?.quote ?? citation.quoteAtCitation;
    const title = x?.sourceTitle ?? citation.sourceTitleAtCitation ?? '';
    const grade = x ? gradeLabel(x.reliability, x.credibility) : null;
    const attribution = [title && `<cite>${escapeHtml(title)}</cite>`, x?.page != null ? `p. ${x.page}` : '', grade ? `Grade ${escapeHtml(grade)}` : '', x ? '' : 'excerpt deleted']
      .filter(Boolean)
      .join(', ');
    return `<blockquote class="cite-block"><p dir="auto">${escapeHtml(quoteText.trim())}</p><footer>— ${attribution} ${this.marker(citation)}</footer></blockquote>`;
  }

  numberOf(excerptId: string): number | null {
    return this.byExcerpt.get(excerptId)?.number ?? null;
  }

  render(excerpts: ReadonlyMap<string, ExcerptView>): string {
    if (this.byExcerpt.size === 0) return '';
    const items = [...this.byExcerpt.values()].map((note) => renderNote(note, excerpts.get(note.excerptId), this.seen.get(note.excerptId) ?? 0));
    return `<section class="notes" aria-labelledby="notes-heading">
<h2 id="notes-heading">Notes</h2>
<ol class="notes-list">
${items.join('\n')}
</ol>
</section>
`;
  }
}

function renderNote(note: Note, excerpt: ExcerptView | undefined, markers: number): string {
  const n = note.number;
  const backrefs =
    markers > 1
      ? ` <span class="note-backrefs" aria-label="Back to the citations">↩ ${Array.from({ length: markers }, (_, i) => `<a href="#cite-${n}-${i + 1}">${backrefLabel(i)}</a>`).join(' ')}</span>`
      : '';
  const number = `<a class="note-number" href="#cite-${n}-1" aria-label="Back to citation ${n}">${n}.</a>`;
  const lines: string[] = [];
  const asCited = note.citations[0]?.quoteAtCitation ?? '';

  if (!excerpt) {
    const title = note.citations.find((c) => c.sourceTitleAtCitation)?.sourceTitleAtCitation;
    lines.push(`<p class="note-text">${quote(asCited)}${title ? ` <span class="note-source">— <cite>${escapeHtml(title)}</cite>${stop(title)}</span>` : ''}${backrefs}</p>`);
    lines.push(`<p class="note-remark note-deleted">Excerpt deleted — quote as cited.</p>`);
  } else {
    lines.push(`<p class="note-text">${quote(excerpt.quote)} <span class="note-source">${sourceLine(excerpt)}</span>${backrefs}</p>`);
    const earlier = [...new Set(note.citations.map((c) => c.quoteAtCitation))].filter((q) => q && q !== excerpt.quote);
    if (earlier.length > 0) lines.push(`<p class="note-remark">Changed since cited; as cited: ${earlier.map(quote).join(' / ')}</p>`);
    if (excerpt.state === 'orphaned') lines.push(`<p class="note-remark">The passage is no longer found in the source’s current text.</p>`);
  }
  return `<li class="note" id="note-${n}">${number}<div class="note-body">\n${lines.join('\n')}\n</div></li>`;
}

function sourceLine(x: ExcerptView): string {
  const parts = [`— <cite>${escapeHtml(x.sourceTitle)}</cite>${stop(x.sourceTitle)}`];
  const where = publishedIn(x);
  if (where) parts.push(`${escapeHtml(where)}${stop(where)}`);
  if (x.page !== null) parts.push(`p. ${x.page}.`);
  const url = safeUrl(x.sourceUrl, ['http:', 'https:']);
  if (url) parts.push(`<a class="note-url" href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
  const grade = gradeLabel(x.reliability, x.credibility);
  if (grade) parts.push(`<span class="note-grade">Grade ${escapeHtml(grade)}.</span>`);
  return parts.join(' ');
}

// dir="auto": a quote takes its own direction (an Arabic passage reads right to left
// inside an English note), isolated from the text around it.
const quote = (text: string) => `<span class="note-quote" dir="auto">“${escapeHtml(text.trim())}”</span>`;
/** A full stop, unless the text already ends a sentence. */
const stop = (text: string) => (/[.!?…]["'”’)]*$/.test(text.trim()) ? '' : '.');
const backrefLabel = (i: number) => (i < 26 ? String.fromCharCode(97 + i) : String(i + 1));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1 March 2026, 09:30 UTC`: the same on every machine, whatever its locale and zone. */
export function formatExportDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** An ISO date or timestamp shown as its date (`2024-03-01`); anything else as written. */
function formatPublished(value: string | null): string | null {
  const v = value?.trim();
  if (!v) return null;
  return /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0] ?? v;
}

/** Where and when a source appeared: `The Kestrava Ledger, 2025-06-12`, '' if neither is known. Every export's rule. */
export function publishedIn(x: Pick<ExcerptView, 'sourcePublisher' | 'sourcePublishedAt'>): string {
  return [x.sourcePublisher?.trim(), formatPublished(x.sourcePublishedAt)].filter(Boolean).join(', ');
}
