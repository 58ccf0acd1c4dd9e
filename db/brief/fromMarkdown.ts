// Markdown → brief document (DESIGN.md, "Markdown interchange"). Works on marked's
// tokens, never on HTML: whatever the Markdown holds, the result is only the nodes the
// editor knows, and raw HTML survives as its text alone.
import { Lexer, type Token, type Tokens } from 'marked';
import {
  type BriefDocument,
  type SerializedBlock,
  type SerializedInline,
  type SerializedListItem,
  type SerializedNode,
  type SerializedText,
  TEXT_FORMAT,
  citationNode,
  headingNode,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  quoteNode,
  rootNode,
  textNode,
} from './document';

export type CitationResolver = (excerptId: string) => { quote: string; sourceTitle: string } | null;

/** The Markdown cites excerpts the workspace does not have; `excerptIds` lists them all. */
export class UnknownCitationError extends Error {
  override name = 'UnknownCitationError';
  constructor(readonly excerptIds: readonly string[]) {
    super(`The Markdown cites excerpts that do not exist: ${excerptIds.join(', ')}`);
  }
}

const CITATION = /\[\[\s*cite\s*:\s*([^\][\s]+)\s*\]\]/g;
// Citations are swapped for private-use markers before marked sees the text, so that
// emphasis or link syntax around an id can never split one (`[[cite:a_b]](x)`).
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;
const SAFE_URL = /^(https?:|mailto:)/i;

interface Context {
  /** The literal `[[cite:…]]` text of each marker, by index. */
  literals: string[];
  ids: string[];
  /** Asked once per excerpt, and only for citations that stand as citations (not in code). */
  resolved: Map<string, { quote: string; sourceTitle: string } | null>;
  resolve: CitationResolver;
  /** Inside an inline <script>/<style>: its text is not the reader's. */
  skippingRawTag: string | null;
}

export function briefFromMarkdown(markdown: string, resolveCitation: CitationResolver): BriefDocument {
  const ctx: Context = { literals: [], ids: [], resolved: new Map(), resolve: resolveCitation, skippingRawTag: null };
  const marked = markdown.replace(/[\uE000\uE001]/g, '').replace(CITATION, (literal, id: string) => {
    ctx.literals.push(literal);
    ctx.ids.push(id);
    return `${MARK_OPEN}${ctx.literals.length - 1}${MARK_CLOSE}`;
  });
  const blocks = blocksOf(new Lexer({ gfm: true }).lex(marked), ctx);
  const unknown = [...ctx.resolved].filter(([, hit]) => hit === null).map(([id]) => id);
  if (unknown.length > 0) throw new UnknownCitationError(unknown);
  return rootNode(blocks.length > 0 ? blocks.map(withTextFormat) : [paragraphNode([])]);
}

// ---------------------------------------------------------------------------- blocks

/** Lexical records on a paragraph the format of its first text child (not in a link), for typing. */
function withTextFormat(block: SerializedBlock): SerializedBlock {
  if (block.type !== 'paragraph') return block;
  const first = block.children.find((n) => n.type === 'text');
  return first ? { ...block, textFormat: first.format } : block;
}

function blocksOf(tokens: readonly Token[], ctx: Context): SerializedBlock[] {
  const out: SerializedBlock[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'heading': {
        const depth = Math.min(6, Math.max(1, (t as Tokens.Heading).depth));
        out.push(headingNode(`h${depth}` as `h${1 | 2 | 3 | 4 | 5 | 6}`, blockInline(t.tokens ?? [], 0, ctx)));
        break;
      }
      case 'code':
        out.push(paragraphNode(codeLines((t as Tokens.Code).text, ctx)));
        break;
      case 'blockquote':
        out.push(...quoteBlocks(t.tokens ?? [], ctx));
        break;
      case 'list':
        out.push(listOf(t as Tokens.List, 0, ctx));
        break;
      case 'html':
        out.push(...htmlParagraphs((t as Tokens.HTML).text, ctx).map((children) => paragraphNode(children)));
        break;
      case 'table':
        out.push(...tableRows(t as Tokens.Table, ctx));
        break;
      default: {
        const inline = inlineOfBlock(t, ctx);
        if (inline.length > 0 || t.type === 'paragraph') out.push(paragraphNode(inline));
      }
    }
  }
  return out;
}

/** A Lexical quote holds inline content only: one quote per paragraph; lists step out of it. */
function quoteBlocks(tokens: readonly Token[], ctx: Context): SerializedBlock[] {
  const out: SerializedBlock[] = [];
  for (const t of tokens) {
    if (t.type === 'space' || t.type === 'hr' || t.type === 'def') continue;
    if (t.type === 'blockquote') out.push(...quoteBlocks(t.tokens ?? [], ctx));
    else if (t.type === 'list') out.push(listOf(t as Tokens.List, 0, ctx));
    else if (t.type === 'html') out.push(...htmlParagraphs((t as Tokens.HTML).text, ctx).map((children) => quoteNode(children)));
    else {
      const inline = inlineOfBlock(t, ctx);
      if (inline.length > 0) out.push(quoteNode(inline));
    }
  }
  return out;
}

/**
 * Lexical's list shape: a listitem holds inline content only; a nested list sits alone
 * in a listitem of its own right after its parent item, with the value the next item
 * will take (the count does not advance for it), and nested items are indented by depth.
 */
function listOf(list: Tokens.List, depth: number, ctx: Context) {
  const listType = list.ordered ? 'number' : 'bullet';
  const start = list.ordered && typeof list.start === 'number' ? list.start : 1;
  const items: SerializedListItem[] = [];
  let value = start;
  const item = (children: SerializedNode[]): SerializedListItem => ({ ...listItemNode(children, value), indent: depth });
  for (const entry of list.items) {
    let pending: SerializedInline[] = [];
    let emitted = false;
    const flush = () => {
      if (pending.length === 0) return;
      items.push(item(normalize(pending)));
      value++;
      pending = [];
      emitted = true;
    };
    for (const t of entry.tokens) {
      if (t.type === 'space') continue;
      if (t.type === 'list') {
        flush();
        items.push(item([listOf(t as Tokens.List, depth + 1, ctx)]));
        emitted = true;
      } else if (t.type === 'checkbox') {
        pending.push(textNode((t as Tokens.Checkbox).checked ? '☑ ' : '☐ '));
      } else {
        const content = inlineOfBlock(t, ctx);
        if (content.length === 0) continue;
        const startsWithBox = pending.length === 1 && pending[0].type === 'text' && /^[☐☑] $/.test((pending[0] as SerializedText).text);
        if (pending.length > 0 && !startsWithBox) pending.push({ type: 'linebreak', version: 1 });
        pending.push(...content);
      }
    }
    if (pending.length > 0 || !emitted) {
      items.push(item(normalize(pending)));
      value++;
    }
  }
  return listNode(listType, items, start);
}

function tableRows(table: Tokens.Table, ctx: Context): SerializedBlock[] {
  const row = (cells: Tokens.TableCell[], format: number) => {
    const out: SerializedInline[] = [];
    cells.forEach((cell, i) => {
      if (i > 0) out.push(textNode(' | '));
      out.push(...blockInline(cell.tokens, format, ctx));
    });
    return paragraphNode(normalize(out));
  };
  return [row(table.header, TEXT_FORMAT.bold), ...table.rows.map((cells) => row(cells, 0))];
}

/** What a block contributes when only inline content may stand (a list item, a quote). */
function inlineOfBlock(t: Token, ctx: Context): SerializedInline[] {
  switch (t.type) {
    case 'code':
      return codeLines((t as Tokens.Code).text, ctx);
    case 'html':
      return joinLines(htmlParagraphs((t as Tokens.HTML).text, ctx));
    case 'blockquote':
    case 'list_item':
      return joinLines((t.tokens ?? []).filter((c) => c.type !== 'space').map((c) => inlineOfBlock(c, ctx)));
    case 'list':
      return joinLines((t as Tokens.List).items.map((i) => inlineOfBlock(i, ctx)));
    case 'table':
      return joinLines(tableRows(t as Tokens.Table, ctx).map((p) => (p as { children: SerializedInline[] }).children));
    case 'space':
    case 'hr':
    case 'def':
      return [];
    default:
      if (childrenOf(t)) return blockInline(childrenOf(t)!, 0, ctx);
      return typeof (t as { text?: unknown }).text === 'string' ? normalize(textWithCitations(decodeEntities((t as { text: string }).text), 0, ctx)) : [];
  }
}

function joinLines(lines: SerializedInline[][]): SerializedInline[] {
  const out: SerializedInline[] = [];
  for (const line of lines.filter((l) => l.length > 0)) {
    if (out.length > 0) out.push({ type: 'linebreak', version: 1 });
    out.push(...line);
  }
  return normalize(out);
}

function codeLines(code: string, ctx: Context): SerializedInline[] {
  const out: SerializedInline[] = [];
  restoreLiterals(code, ctx)
    .replace(/\n+$/, '')
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) out.push({ type: 'linebreak', version: 1 });
      if (line) out.push(textNode(line, TEXT_FORMAT.code));
    });
  return out;
}

// ---------------------------------------------------------------------------- inline

const childrenOf = (t: Token): Token[] | undefined => {
  const tokens = (t as { tokens?: unknown }).tokens;
  return Array.isArray(tokens) ? (tokens as Token[]) : undefined;
};

/** The inline content of one block: an unclosed <script> in it does not swallow the next. */
function blockInline(tokens: readonly Token[], format: number, ctx: Context): SerializedInline[] {
  ctx.skippingRawTag = null;
  const out = inlineOf(tokens, format, ctx);
  ctx.skippingRawTag = null;
  return out;
}

function inlineOf(tokens: readonly Token[], format: number, ctx: Context): SerializedInline[] {
  const out: SerializedInline[] = [];
  for (const t of tokens) {
    if (ctx.skippingRawTag) {
      if (t.type === 'html' && new RegExp(`^</${ctx.skippingRawTag}\\s*>`, 'i').test(t.raw)) ctx.skippingRawTag = null;
      continue;
    }
    switch (t.type) {
      case 'text':
      case 'escape':
        if (childrenOf(t)?.length) out.push(...inlineOf(childrenOf(t)!, format, ctx));
        else out.push(...textWithCitations(t.type === 'escape' ? t.text : decodeEntities(t.text), format, ctx));
        break;
      case 'strong':
        out.push(...inlineOf(t.tokens ?? [], format | TEXT_FORMAT.bold, ctx));
        break;
      case 'em':
        out.push(...inlineOf(t.tokens ?? [], format | TEXT_FORMAT.italic, ctx));
        break;
      case 'del':
        out.push(...inlineOf(t.tokens ?? [], format | TEXT_FORMAT.strikethrough, ctx));
        break;
      case 'codespan':
        out.push(textNode(restoreLiterals(t.text, ctx), format | TEXT_FORMAT.code));
        break;
      case 'br':
        out.push({ type: 'linebreak', version: 1 });
        break;
      case 'link': {
        const link = t as Tokens.Link;
        const href = restoreLiterals(link.href, ctx).trim();
        const children = inlineOf(link.tokens, format, ctx);
        if (SAFE_URL.test(href)) {
          const inner = children.length > 0 ? normalize(children) : [textNode(href, format)];
          out.push({ ...linkNode(href, inner), title: link.title ? decodeEntities(link.title) : null });
        } else out.push(...children);
        break;
      }
      case 'image':
        out.push(...textWithCitations(decodeEntities((t as Tokens.Image).text), format, ctx));
        break;
      case 'html': {
        const tag = /^<\s*([a-z][a-z0-9-]*)/i.exec(t.raw)?.[1]?.toLowerCase();
        if (tag === 'br') out.push({ type: 'linebreak', version: 1 });
        else if (tag && RAW_TEXT_TAGS.has(tag) && !/\/\s*>$/.test(t.raw)) ctx.skippingRawTag = tag;
        break; // any other tag is dropped; the text around it stays, as text
      }
      case 'checkbox':
        out.push(textNode(t.checked ? '☑ ' : '☐ ', format));
        break;
      default:
        if (childrenOf(t)) out.push(...inlineOf(childrenOf(t)!, format, ctx));
        else if (typeof (t as { text?: unknown }).text === 'string') out.push(...textWithCitations(decodeEntities((t as { text: string }).text), format, ctx));
    }
  }
  return normalize(out);
}

/** Text whose citation markers become citation nodes; a soft line break reads as a space. */
function textWithCitations(text: string, format: number, ctx: Context): SerializedInline[] {
  const out: SerializedInline[] = [];
  let last = 0;
  const push = (s: string) => {
    const clean = s.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
    if (clean) out.push(textNode(clean, format));
  };
  for (const m of text.matchAll(MARKER)) {
    push(text.slice(last, m.index));
    const id = ctx.ids[Number(m[1])];
    if (!ctx.resolved.has(id)) ctx.resolved.set(id, ctx.resolve(id));
    const hit = ctx.resolved.get(id);
    if (hit) out.push(citationNode(id, hit.quote, hit.sourceTitle));
    last = m.index + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** Where a citation cannot be one (code), its Markdown is kept as written. */
function restoreLiterals(text: string, ctx: Context): string {
  return text.replace(MARKER, (_, i: string) => ctx.literals[Number(i)]);
}

/** Adjacent text in the same format is one Lexical text node (Lexical would merge them). */
function normalize(nodes: SerializedInline[]): SerializedInline[] {
  const out: SerializedInline[] = [];
  for (const n of nodes) {
    if (n.type === 'text' && n.text === '') continue;
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text' && prev.format === n.format) out[out.length - 1] = { ...prev, text: prev.text + n.text };
    else out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------- raw HTML

const RAW_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'iframe', 'object']);
const BLOCK_TAGS =
  'address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';

/** Raw HTML reduced to what a reader would see of it: one paragraph's inline content per line. */
function htmlParagraphs(html: string, ctx: Context): SerializedInline[][] {
  const text = decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(new RegExp(`<(${[...RAW_TEXT_TAGS].join('|')})\\b[^>]*>[\\s\\S]*?(</\\1\\s*>|$)`, 'gi'), '')
      .replace(new RegExp(`</?(${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n')
      .replace(/<\/?[a-z!?][^>]*>/gi, '')
      // a stray '<' left by broken markup is text, and stays text
      .replace(/[ \t\r\f\v]+/g, ' '),
  );
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => normalize(textWithCitations(line, 0, ctx)));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwj: '\u200d', zwnj: '\u200c', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', minus: '−',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  bull: '•', middot: '·', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ', para: '¶', sect: '§', dagger: '†',
  Dagger: '‡', permil: '‰', prime: '′', Prime: '″', euro: '€', pound: '£', yen: '¥', cent: '¢', larr: '←', rarr: '→',
  uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈', frac12: '½', frac14: '¼', frac34: '¾',
  iexcl: '¡', iquest: '¿', szlig: 'ß', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', ouml: 'ö', uuml: 'ü', auml: 'ä',
};

/** HTML character references to characters (unknown names stay as written). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}
