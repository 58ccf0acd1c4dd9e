// HTML: metadata from the page's head (meta tags, JSON-LD, <title>), the article body
// from Readability, and plain text from a walk over the article's blocks. Nothing of the
// page is ever executed: scripts are removed, JSON-LD is only JSON.parse'd, and the text
// is read from text nodes only, so no markup, attribute or script survives into it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeDate, normalizeInline, normalizeText } from './normalize';
import type { FormatResult } from './parse';

const SKELETON = '<!DOCTYPE html><html><head><title></title></head><body></body></html>';

/** Never content: removed before anything else reads the page (after its metadata). */
const NON_CONTENT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'svg', 'canvas', 'audio', 'video', 'source', 'track', 'button', 'input', 'select', 'option', 'datalist',
  'textarea', 'link', 'meta', 'base', 'title', 'head',
];
/** Removed from the whole-page text used when no article is found. */
const PAGE_CHROME = ['nav', 'aside', 'footer', '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]'];

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const GROUPS = new Set(['ul', 'ol', 'menu', 'dir', 'dl', 'table']);

/** Readability takes ~30 µs per element; beyond this the whole page's text is used. */
const MAX_ARTICLE_ELEMENTS = 150_000;
/** Article text shorter than this (and than half the page's text) means "no article found". */
const MIN_ARTICLE_LENGTH = 200;

export function parseHtml(html: string): FormatResult {
  const warnings: string[] = [];
  const { document, holder } = loadHtml(html);
  const meta = readMetadata(holder);

  removeNonContent(holder);
  const root = holder.querySelector('body') ?? holder;
  for (const wrapper of Array.from(root.querySelectorAll('html, body'))) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  document.body.append(...Array.from(root.childNodes));
  const firstH1 = normalizeInline(document.body.querySelector('h1')?.textContent);
  const title = meta.title ?? firstH1;
  if (title) document.querySelector('title')!.textContent = title;

  let articleText = '';
  let byline: string | null = null;
  try {
    const article = new Readability<Node>(document, { serializer: (node) => node, maxElemsToParse: MAX_ARTICLE_ELEMENTS }).parse();
    if (article?.content) articleText = blocksToText(article.content as Element);
    byline = article?.byline ?? null;
  } catch {
    // Readability refuses very large pages (and may fail on odd ones): their text is the page.
    warnings.push('no article could be picked out of the page; imported the text of the whole page');
  }

  let text = articleText;
  if (articleText.length < MIN_ARTICLE_LENGTH) {
    // Readability has rewritten `document`; the page is parsed again (rarely needed,
    // and cheaper than cloning every page up front).
    const pageText = wholePageText(html);
    if (articleText.length < pageText.length / 2) text = pageText;
  }

  return {
    text,
    meta: { ...meta, title, author: meta.author ?? authorName(byline) },
    warnings,
  };
}

function wholePageText(html: string): string {
  const { holder } = loadHtml(html);
  removeNonContent(holder);
  for (const chrome of Array.from(holder.querySelectorAll(PAGE_CHROME.join(', ')))) chrome.remove();
  return blocksToText(holder);
}

/** The text of an HTML fragment (raw HTML inside Markdown), without scripts and styles. */
export function htmlFragmentToText(html: string): string {
  const { holder } = loadHtml(html);
  removeNonContent(holder);
  return blocksToText(holder);
}

let entityHolder: Element | null = null;
const entityCache = new Map<string, string>();

/** Decode one HTML character reference (`&amp;`, `&#233;`, `&eacute;`); unknown ones stay as written. */
export function decodeEntity(reference: string): string {
  let decoded = entityCache.get(reference);
  if (decoded === undefined) {
    entityHolder ??= parseHTML(SKELETON).document.createElement('div');
    entityHolder.innerHTML = reference.replace(/</g, '&lt;');
    decoded = entityHolder.textContent ?? reference;
    if (entityCache.size < 10_000) entityCache.set(reference, decoded);
  }
  return decoded;
}

// linkedom only builds a sound document from well-formed pages (a page without <body>
// loses its content), so the page is parsed as a fragment into a fixed skeleton.
function loadHtml(html: string): { document: Document; holder: Element } {
  const { document } = parseHTML(SKELETON);
  const holder = document.createElement('div');
  holder.innerHTML = html.replace(/<!doctype[^>]*>/gi, '');
  for (const element of Array.from(holder.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      element.removeAttribute(name);
      if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
    }
  }
  return { document, holder };
}

function removeNonContent(holder: Element): void {
  for (const element of Array.from(holder.querySelectorAll(NON_CONTENT.join(', ')))) element.remove();
  for (const element of Array.from(holder.querySelectorAll('[hidden], [aria-hidden="true"], [style]'))) {
    const style = element.getAttribute('style') ?? '';
    if (element.localName === 'html' || element.localName === 'body') continue;
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) {
      element.remove();
    }
  }
  for (const element of Array.from(holder.querySelectorAll('[class], [id]'))) {
    if (isClutter(element)) element.remove();
  }
  // A sign-up form goes; a form that wraps the page (ASP.NET pages do) keeps its text.
  for (const form of Array.from(holder.querySelectorAll('form'))) {
    if (form.querySelectorAll('p').length >= 3) form.replaceWith(...Array.from(form.childNodes));
    else form.remove();
  }
}

/** Class or id names of advertising, consent banners and sign-up boxes. */
const CLUTTER_NAME = /^(?:ads?|advert\w*|ad[-_]\w+|\w+[-_]ads?|dfp[-_]?\w*|sponsor\w*|promo|cookie\w*|consent\w*|gdpr\w*|newsletter\w*|paywall\w*|outbrain\w*|taboola\w*)$/i;
const MAX_CLUTTER_TEXT = 600;

// A wrapper that merely carries such a name (`<div class="page has-ads">`) holds more
// text than clutter ever does, so it stays.
function isClutter(element: Element): boolean {
  if (/^(?:html|body|main|article)$/i.test(element.localName)) return false;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  if (!names.some((name) => CLUTTER_NAME.test(name))) return false;
  return (element.textContent ?? '').length <= MAX_CLUTTER_TEXT;
}

// ---------------------------------------------------------------------------- metadata

type HtmlMeta = { title: string | null; author: string | null; publisher: string | null; publishedAt: string | null; url: string | null; language: string | null };

function readMetadata(holder: Element): HtmlMeta {
  const tags = new Map<string, string>();
  for (const meta of Array.from(holder.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (key && content?.trim() && !tags.has(key)) tags.set(key, content);
  }
  const tag = (...keys: string[]) => first(keys.map((k) => normalizeInline(tags.get(k))));
  const ld = readJsonLd(holder);

  const publisher = first([tag('og:site_name'), normalizeInline(ld.publisher), tag('application-name')]);
  const rawTitle = first([
    tag('og:title', 'twitter:title'),
    normalizeInline(ld.headline),
    normalizeInline(Array.from(holder.querySelectorAll('title')).find((t) => !t.closest('svg'))?.textContent),
  ]);
  const author = first([
    tag('author'),
    nonUrl(tag('article:author')),
    normalizeInline(ld.author),
  ].map(authorName));
  const time = holder.querySelector('article time[datetime]') ?? holder.querySelector('time[datetime]');
  const published = first([
    tag('article:published_time', 'date', 'pubdate', 'publish-date', 'publishdate', 'dc.date', 'dcterms.created', 'datepublished'),
    normalizeInline(ld.datePublished),
    normalizeInline(time?.getAttribute('datetime')),
  ]);
  const htmlElement = holder.querySelector('html');
  const language = first([
    normalizeInline(htmlElement?.getAttribute('lang') ?? htmlElement?.getAttribute('xml:lang'), 35),
    tag('content-language'),
    tag('og:locale')?.replace('_', '-') ?? null,
  ]);
  const canonical = Array.from(holder.querySelectorAll('link[href]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return {
    title: rawTitle && publisher ? withoutSiteName(rawTitle, publisher) : rawTitle,
    author,
    publisher,
    publishedAt: normalizeDate(published),
    url: first([webUrl(canonical?.getAttribute('href')), webUrl(tags.get('og:url'))]),
    language,
  };
}

const SUFFIX_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' » '];
const PREFIX_SEPARATORS = [...SUFFIX_SEPARATORS, ': '];

/** "Flood warning issued | The Daily Courier" → "Flood warning issued" (when the site is that). */
export function withoutSiteName(title: string, site: string): string {
  const t = title.toLowerCase();
  const s = site.toLowerCase();
  for (const separator of SUFFIX_SEPARATORS) {
    const rest = title.length - separator.length - site.length;
    if (rest > 0 && t.endsWith(separator + s)) return title.slice(0, rest).trim();
  }
  for (const separator of PREFIX_SEPARATORS) {
    const rest = title.length - separator.length - site.length;
    if (rest > 0 && t.startsWith(s + separator)) return title.slice(site.length + separator.length).trim();
  }
  return title;
}

function authorName(value: string | null | undefined): string | null {
  const name = normalizeInline(value)?.replace(/^by[:\s]\s*/i, '').trim();
  return name && name.length <= 200 ? name : null;
}

function nonUrl(value: string | null): string | null {
  return value && /^(https?:)?\/\//i.test(value) ? null : value;
}

function webUrl(value: string | null | undefined): string | null {
  const candidate = value?.trim();
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? candidate : null;
  } catch {
    return null;
  }
}

function first<T>(values: readonly (T | null | undefined)[]): T | null {
  for (const value of values) if (value != null) return value;
  return null;
}

interface JsonLdFields {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Posting|Report)$/;

/** The article fields of the page's JSON-LD blocks; only ever JSON.parse'd. */
function readJsonLd(holder: Element): JsonLdFields {
  const nodes: Record<string, unknown>[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => collect(item, depth + 1));
    const node = value as Record<string, unknown>;
    nodes.push(node);
    collect(node['@graph'], depth + 1);
  };
  for (const script of Array.from(holder.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const source = (script.textContent ?? '')
      .trim()
      .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)$/g, '')
      .trim();
    try {
      collect(JSON.parse(source), 0);
    } catch {
      // Malformed JSON-LD is common; the page's other metadata still counts.
    }
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const types = (node: Record<string, unknown>) => [node['@type']].flat().filter((t): t is string => typeof t === 'string');
  const article = nodes.find((node) => types(node).some((t) => ARTICLE_TYPE.test(t))) ?? nodes.find((node) => 'headline' in node);
  if (!article) return {};

  const name = (value: unknown, depth = 0): string | undefined => {
    if (typeof value === 'string') return value;
    if (depth > 2 || value === null || typeof value !== 'object') return undefined;
    if (Array.isArray(value)) {
      const names = value.map((item) => name(item, depth + 1)).filter((n): n is string => !!n?.trim());
      return names.length ? names.join(', ') : undefined;
    }
    const node = value as Record<string, unknown>;
    if (typeof node.name === 'string') return node.name;
    const linked = typeof node['@id'] === 'string' ? byId.get(node['@id']) : undefined;
    return linked && linked !== node ? name(linked, depth + 1) : undefined;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    headline: text(article.headline) ?? (types(article).length ? text(article.name) : undefined),
    author: name(article.author),
    publisher: name(article.publisher),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
  };
}

// -------------------------------------------------------------------------------- text

interface Block {
  text: string;
  /** The outermost list or table the block belongs to: its blocks are lines, not paragraphs. */
  group: Element | null;
}

interface WalkState {
  pre: boolean;
  group: Element | null;
  counter: { next: number } | null;
}

/**
 * One paragraph per block element, inline text joined as the browser would show it,
 * `<br>` as a newline, list items as "• item" or "1. item", table rows as
 * "cell | cell". Lines of one list or table are separated by a newline, paragraphs by a
 * blank line. Only text nodes are read.
 */
export function blocksToText(root: Element): string {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let prefix = '';
  const flush = (group: Element | null) => {
    const body = parts.join('');
    parts = [];
    if (!/\S/.test(body)) return;
    blocks.push({ text: prefix + body, group });
    prefix = '';
  };

  const walk = (node: Node, state: WalkState): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(state.pre ? value : value.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const element = node as Element;
    const tag = node.nodeType === 1 ? element.localName.toLowerCase() : '';
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    if (tag === 'img' || tag === 'wbr') return;
    if (tag === 'tr' && !isLayoutRow(element)) {
      flush(state.group);
      const cells = Array.from(element.children)
        .filter((cell) => /^t[dh]$/i.test(cell.localName))
        .map((cell) => normalizeInline(blocksToText(cell), Infinity))
        .filter((cell): cell is string => cell !== null);
      parts.push(cells.join(' | '));
      flush(state.group);
      return;
    }
    if (!BLOCKS.has(tag)) {
      for (const child of Array.from(node.childNodes)) walk(child, state);
      return;
    }

    flush(state.group);
    let inner = state;
    if (GROUPS.has(tag)) {
      const counter = tag === 'ol' ? { next: integerAttribute(element, 'start') ?? 1 } : null;
      inner = { ...state, group: state.group ?? element, counter };
    } else if (tag === 'li') {
      const value = integerAttribute(element, 'value');
      if (state.counter && value !== null) state.counter.next = value;
      prefix = state.counter ? `${state.counter.next++}. ` : '• ';
    } else if (tag === 'pre') {
      inner = { ...state, pre: true };
    }
    for (const child of Array.from(node.childNodes)) walk(child, inner);
    flush(state.group ?? (GROUPS.has(tag) ? element : null));
    if (tag === 'li') prefix = '';
  };

  walk(root, { pre: false, group: null, counter: null });
  let out = '';
  blocks.forEach((block, i) => {
    if (i > 0) out += block.group && block.group === blocks[i - 1].group ? '\n' : '\n\n';
    out += block.text;
  });
  return normalizeText(out);
}

/** A table row used for page layout (its cells hold paragraphs), not a row of data. */
function isLayoutRow(row: Element): boolean {
  return Array.from(row.children).some((cell) => cell.querySelector('p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre'));
}

function integerAttribute(element: Element, name: string): number | null {
  const value = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
