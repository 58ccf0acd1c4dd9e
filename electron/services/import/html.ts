// HTML: metadata from the page's head (meta tags, JSON-LD, <title>), the article body
// from Readability, and plain text from a walk over the article's blocks. Nothing of the
// page is ever executed: scripts are removed, JSON-LD is only JSON.parse'd, and the text
// is read from text nodes only, so no markup, attribute or script survives into it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeDate, normalizeInline, normalizeText } from './normalize';
import type { FormatResult } from './format';

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
  const facts = newPageFacts();
  const { bodies, wrappers } = cleanPage(holder, facts);
  const meta = readMetadata(facts);

  // The content (the first <body> left, or the whole page) goes into a bare skeleton
  // built in the same document: nothing of the page's own <html>/<body> reaches Readability.
  const root = bodies.find((body) => isInside(body, holder)) ?? holder;
  for (const wrapper of wrappers) {
    if (wrapper !== root && isInside(wrapper, root)) unwrap(wrapper);
  }
  const skeleton = document.createElement('html');
  const head = document.createElement('head');
  const titleElement = document.createElement('title');
  const body = document.createElement('body');
  head.append(titleElement);
  skeleton.append(head, body);
  document.append(skeleton);
  appendAll(body, root.childNodes);
  const title = meta.title ?? normalizeInline(body.querySelector('h1')?.textContent);
  if (title) titleElement.textContent = title;

  let articleText = '';
  let byline: string | null = null;
  try {
    // No script is left (JSON-LD was read above) and classes never reach the text, so
    // Readability is spared looking for the one and cleaning the other.
    const options = { serializer: (node: Node) => node, maxElemsToParse: MAX_ARTICLE_ELEMENTS, disableJSONLD: true, keepClasses: true };
    const reader = new Readability<Node>(document, options);
    withFasterHelpers(reader);
    const article = reader.parse();
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

interface ReadabilityHelpers {
  _getAllNodesWithTag?: (node: ParentNode, tagNames: string[]) => ArrayLike<Element>;
  _isProbablyVisible?: (node: Element) => boolean;
}
const TAG_NAME = /^[a-z][a-z0-9]*$/;

/**
 * Readability 0.6 (pinned) spends a good part of its time on linkedom in two helpers,
 * which this replaces, on one Readability object, by versions giving the same answers
 * (the unit tests compare whole results with and without them):
 *  - `_getAllNodesWithTag` calls `node.querySelectorAll('img,embed')`, hundreds of times
 *    a page (once per paragraph, for one), and linkedom compiles the selector anew each
 *    time; a plain walk finds the same elements in the same (document) order;
 *  - `_isProbablyVisible` reads `node.style` of every element, for which linkedom builds
 *    a style object (a Proxy parsing the style attribute); without a style attribute its
 *    display and visibility are empty, so only the attribute checks remain.
 * A helper that is not there (another version) is left alone.
 */
export function withFasterHelpers(reader: object): void {
  const helpers = reader as ReadabilityHelpers;
  const getAllNodesWithTag = helpers._getAllNodesWithTag;
  if (typeof getAllNodesWithTag === 'function') {
    helpers._getAllNodesWithTag = function (this: unknown, node, tagNames) {
      if (!Array.isArray(tagNames) || !tagNames.every((name) => TAG_NAME.test(name)) || typeof node?.querySelectorAll !== 'function') {
        return getAllNodesWithTag.call(this, node, tagNames);
      }
      const found: Element[] = [];
      // (A document's doctype node has no nextSibling in linkedom, so its children are listed.)
      for (const child of Array.from(node.childNodes)) collectByTag(child, tagNames, found);
      return found;
    };
  }
  const isProbablyVisible = helpers._isProbablyVisible;
  if (typeof isProbablyVisible === 'function') {
    helpers._isProbablyVisible = function (this: unknown, node) {
      if (typeof node?.hasAttribute !== 'function' || node.hasAttribute('style')) return isProbablyVisible.call(this, node);
      return (
        !node.hasAttribute('hidden') &&
        (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true' || !!node.className?.includes?.('fallback-image'))
      );
    };
  }
}

/** `node` and its descendants with one of `tags`, in document order (as querySelectorAll: none inside a <template>). */
function collectByTag(node: Node, tags: readonly string[], found: Element[]): void {
  if (node.nodeType !== 1) return;
  const tag = (node as Element).localName.toLowerCase();
  if (tags.includes(tag)) found.push(node as Element);
  if (tag === 'template') return;
  for (let child = node.firstChild; child; child = child.nextSibling) collectByTag(child, tags, found);
}

function wholePageText(html: string): string {
  const { holder } = loadHtml(html);
  cleanPage(holder, null);
  for (const chrome of Array.from(holder.querySelectorAll(PAGE_CHROME.join(', ')))) chrome.remove();
  return blocksToText(holder);
}

/** The text of an HTML fragment (raw HTML inside Markdown), without scripts and styles. */
export function htmlFragmentToText(html: string): string {
  const { holder } = loadHtml(html);
  cleanPage(holder, null);
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

// linkedom only builds a sound <html>/<head>/<body> from well-formed pages (a page
// without <body> has its content as the document's children, and the document's
// `body` is then made up), so the page, parsed once, is moved into a detached holder
// and nothing relies on the structure it came with: the same tree as parsing it as a
// fragment into a skeleton document, for half the cost. (No doctype node comes along:
// linkedom's has no nextSibling, which would end every walk over the holder.)
function loadHtml(html: string): { document: Document; holder: Element } {
  const document = parseHTML(html.replace(/<!doctype[^>]*>/gi, '')).document as unknown as Document;
  const holder = document.createElement('div');
  appendAll(holder, Array.from(document.childNodes).filter((node) => node.nodeType !== 10));
  return { document, holder };
}

// Nodes are moved one at a time: spreading a page's children into one append() or
// replaceWith() call overflows the stack on a page of ~100,000 sibling elements.

/** Moves `nodes` (a live list is taken as it is now) to the end of `parent`. */
function appendAll(parent: Node, nodes: ArrayLike<Node>): void {
  for (const node of Array.from(nodes)) parent.appendChild(node);
}

/** Puts an element's children where it is, and removes it. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  for (const child of Array.from(element.childNodes)) parent.insertBefore(child, element);
  element.remove();
}

/** Is `node` `ancestor` itself or inside it? */
function isInside(node: Node, ancestor: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}

const NON_CONTENT_TAGS: ReadonlySet<string> = new Set(NON_CONTENT);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const UPPER_CASE = /[A-Z]/;

/**
 * One walk over the page (each check by tag name and attribute reads) that lower-cases
 * attribute names, notes the page's metadata as the untouched page has it (`facts`),
 * and removes what is never content: the NON_CONTENT elements, hidden elements,
 * advertising/consent clutter, and sign-up forms (a form that wraps the page keeps its
 * text). The result is that of doing those steps one after another over the whole page:
 * an element's clutter check counts its text once non-content and hidden elements are
 * gone (inner clutter and forms included), and a form's paragraphs are those left once
 * clutter is gone (inner forms included).
 *
 * Returns the <html> and <body> elements met, in page order; a caller checks which are
 * still in the page (clutter or a form may have taken some away).
 */
function cleanPage(holder: Element, facts: PageFacts | null): { bodies: Element[]; wrappers: Element[] } {
  const bodies: Element[] = [];
  const wrappers: Element[] = [];
  let paragraphs = 0;

  // Inside an element that goes whole: only its metadata is of interest. (The inside of
  // a <template> is not part of the page: no selector of linkedom's sees it either.)
  const noteOnly = (parent: Element, inSvg: boolean, inArticle: boolean): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.localName;
      if (element.hasAttributes()) lowerCaseAttributeNames(element);
      if (facts) noteFacts(facts, element, tag, inSvg, inArticle);
      if (tag !== 'template' && element.firstChild) noteOnly(element, inSvg || tag === 'svg', inArticle || tag === 'article');
    }
  };

  // Returns the length of the element's text once non-content and hidden elements are gone.
  const visit = (element: Element, inSvg: boolean, inArticle: boolean): number => {
    const tag = element.localName;
    const hasAttributes = element.hasAttributes();
    if (hasAttributes) lowerCaseAttributeNames(element);
    if (facts) noteFacts(facts, element, tag, inSvg, inArticle);
    const wrapper = tag === 'html' || tag === 'body';
    const childrenInSvg = inSvg || tag === 'svg';
    const childrenInArticle = inArticle || tag === 'article';
    if (NON_CONTENT_TAGS.has(tag) || (hasAttributes && !wrapper && isHidden(element))) {
      if (tag !== 'template' && element.firstChild) noteOnly(element, childrenInSvg, childrenInArticle);
      element.remove();
      return 0;
    }
    if (wrapper) {
      wrappers.push(element);
      if (tag === 'body') bodies.push(element);
    }

    const paragraphsBefore = paragraphs;
    let length = 0;
    for (let child = element.firstChild; child; ) {
      const next = child.nextSibling;
      const type = child.nodeType;
      if (type === 1) length += visit(child as Element, childrenInSvg, childrenInArticle);
      else if (type === 3 || type === 4) length += (child.nodeValue ?? '').length;
      child = next;
    }

    if (hasAttributes && length <= MAX_CLUTTER_TEXT && isClutter(element)) {
      element.remove();
      paragraphs = paragraphsBefore;
    } else if (tag === 'form') {
      // A sign-up form goes; a form that wraps the page (ASP.NET pages do) keeps its text.
      if (paragraphs - paragraphsBefore >= 3) unwrap(element);
      else element.remove();
    } else if (tag === 'p') {
      paragraphs++;
    }
    return length;
  };

  for (let child = holder.firstChild; child; ) {
    const next = child.nextSibling;
    if (child.nodeType === 1) visit(child as Element, false, false);
    child = next;
  }
  return { bodies, wrappers };
}

/** linkedom keeps attribute names as written (`CLASS="x"`); in HTML they are lower case. */
function lowerCaseAttributeNames(element: Element): void {
  for (const name of element.getAttributeNames()) {
    if (!UPPER_CASE.test(name)) continue;
    const lower = name.toLowerCase();
    const value = element.getAttribute(name) ?? '';
    element.removeAttribute(name);
    if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
  }
}

function isHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    HIDDEN_STYLE.test(element.getAttribute('style') ?? '')
  );
}

/** Class or id names of advertising, consent banners and sign-up boxes. */
const CLUTTER_NAME = /^(?:ads?|advert\w*|ad[-_]\w+|\w+[-_]ads?|dfp[-_]?\w*|sponsor\w*|promo|cookie\w*|consent\w*|gdpr\w*|newsletter\w*|paywall\w*|outbrain\w*|taboola\w*)$/i;
const MAX_CLUTTER_TEXT = 600;

// A wrapper that merely carries such a name (`<div class="page has-ads">`) holds more
// text than clutter ever does, so it stays (the caller checks the text's length).
function isClutter(element: Element): boolean {
  if (/^(?:html|body|main|article)$/i.test(element.localName)) return false;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  return names.some((name) => CLUTTER_NAME.test(name));
}

// ---------------------------------------------------------------------------- metadata

/** What the page says about itself, noted while it is cleaned (see cleanPage). */
interface PageFacts {
  /** Meta tags by lower-cased property/name/itemprop/http-equiv; the first non-blank content wins. */
  tags: Map<string, string>;
  /** The text of the `application/ld+json` scripts, in page order. */
  jsonLd: string[];
  /** The text of the first <title> outside an <svg>. */
  title: string | undefined;
  /** The datetime of the first <time datetime> inside an <article>, and of the first anywhere. */
  articleTime: string | undefined;
  anyTime: string | undefined;
  /** The first <html> element's lang (or xml:lang); undefined when there is no <html>. */
  lang: string | null | undefined;
  /** The href of the first <link href rel="canonical">. */
  canonical: string | undefined;
}

function newPageFacts(): PageFacts {
  return { tags: new Map(), jsonLd: [], title: undefined, articleTime: undefined, anyTime: undefined, lang: undefined, canonical: undefined };
}

function noteFacts(facts: PageFacts, element: Element, tag: string, inSvg: boolean, inArticle: boolean): void {
  switch (tag) {
    case 'meta': {
      const key = (
        element.getAttribute('property') ??
        element.getAttribute('name') ??
        element.getAttribute('itemprop') ??
        element.getAttribute('http-equiv')
      )
        ?.trim()
        .toLowerCase();
      const content = element.getAttribute('content');
      if (key && content?.trim() && !facts.tags.has(key)) facts.tags.set(key, content);
      break;
    }
    case 'script':
      if ((element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') facts.jsonLd.push(element.textContent ?? '');
      break;
    case 'title':
      if (facts.title === undefined && !inSvg) facts.title = element.textContent ?? '';
      break;
    case 'time': {
      const datetime = element.getAttribute('datetime');
      if (datetime === null) break;
      if (inArticle && facts.articleTime === undefined) facts.articleTime = datetime;
      facts.anyTime ??= datetime;
      break;
    }
    case 'html':
      if (facts.lang === undefined) facts.lang = element.getAttribute('lang') ?? element.getAttribute('xml:lang');
      break;
    case 'link': {
      if (facts.canonical !== undefined) break;
      const href = element.getAttribute('href');
      if (href !== null && (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) facts.canonical = href;
      break;
    }
  }
}

type HtmlMeta = { title: string | null; author: string | null; publisher: string | null; publishedAt: string | null; url: string | null; language: string | null };

function readMetadata(facts: PageFacts): HtmlMeta {
  const { tags } = facts;
  const tag = (...keys: string[]) => first(keys.map((k) => normalizeInline(tags.get(k))));
  const ld = readJsonLd(facts.jsonLd);

  const publisher = first([tag('og:site_name'), normalizeInline(ld.publisher), tag('application-name')]);
  const rawTitle = first([
    tag('og:title', 'twitter:title'),
    normalizeInline(ld.headline),
    normalizeInline(facts.title),
  ]);
  const author = first([
    tag('author'),
    nonUrl(tag('article:author')),
    normalizeInline(ld.author),
  ].map(authorName));
  const published = first([
    tag('article:published_time', 'date', 'pubdate', 'publish-date', 'publishdate', 'dc.date', 'dcterms.created', 'datepublished'),
    normalizeInline(ld.datePublished),
    normalizeInline(facts.articleTime ?? facts.anyTime),
  ]);
  const language = first([
    normalizeInline(facts.lang, 35),
    tag('content-language'),
    tag('og:locale')?.replace('_', '-') ?? null,
  ]);
  return {
    title: rawTitle && publisher ? withoutSiteName(rawTitle, publisher) : rawTitle,
    author,
    publisher,
    publishedAt: normalizeDate(published),
    url: first([webUrl(facts.canonical), webUrl(tags.get('og:url'))]),
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
function readJsonLd(scripts: readonly string[]): JsonLdFields {
  const nodes: Record<string, unknown>[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => collect(item, depth + 1));
    const node = value as Record<string, unknown>;
    nodes.push(node);
    collect(node['@graph'], depth + 1);
  };
  for (const text of scripts) {
    const source = text
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
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, state);
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
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inner);
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
  return Array.from(row.children).some((cell) => hasDescendant(cell, LAYOUT_BLOCKS));
}

const LAYOUT_BLOCKS: ReadonlySet<string> = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/** Has `element` a descendant element with one of `tags` (as querySelector sees it: not inside a <template>)? */
function hasDescendant(element: Element, tags: ReadonlySet<string>): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).localName.toLowerCase();
    if (tags.has(tag) || (tag !== 'template' && hasDescendant(child as Element, tags))) return true;
  }
  return false;
}

function integerAttribute(element: Element, name: string): number | null {
  const value = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
