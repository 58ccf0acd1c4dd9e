// What pasted HTML may bring into a brief: its structure (headings, paragraphs, lists,
// quotes, tables, links, bold/italic/underline/strike/code) and nothing executable or
// remote. Two steps, both pure and unit-tested (tests/unit/renderer/sanitizeHtml.test.ts):
//
// 1. neutralizeHtml, on the string: event-handler and style attributes are renamed and
//    <style> elements too, so that parsing the HTML does not even ask the page's CSP about
//    them (every HTML parser in the page — DOMParser, <template> — reports inline handlers
//    and styles to the CSP as it parses, even in an inert document).
// 2. sanitizeDocument, on the parsed, inert Document (DOMParser's: no script runs, nothing
//    loads): drops executable and remote elements, every attribute not on a short list,
//    links that are not http(s)/mailto, and re-applies only the formatting styles Lexical
//    reads (font-weight, font-style, text-decoration, vertical-align) through the CSSOM.
//    This is the step that makes the paste safe; step 1 only keeps the console quiet.

/** Removed with everything inside them. */
const DROP_ELEMENTS = [
  'script',
  'style',
  'sb-style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'img',
  'picture',
  'portal',
  'dialog',
  'title',
  'xml',
  'head > *',
];

/** Attributes kept (everything else, every on* handler included, goes). */
const KEEP_ATTRIBUTES = new Set(['href', 'title', 'colspan', 'rowspan', 'start', 'value', 'id', 'dir', 'lang', 'scope', 'headers']);

/** Only these URL schemes survive as links (the editor's LinkPlugin allows the same). */
export const SAFE_URL = /^(https?:|mailto:)/i;

/** The renamed style attribute (step 1), read back in step 2. */
const STYLE_ATTRIBUTE = 'data-sb-style';

/** Style kept only for what Lexical reads as formatting. */
const STYLE_PROPERTIES = new Set(['font-weight', 'font-style', 'text-decoration', 'text-decoration-line', 'vertical-align', 'text-align']);

/** The formatting declarations of a style attribute, as [property, value] pairs. */
export function formattingStyles(style: string): [string, string][] {
  const out: [string, string][] = [];
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const property = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (!STYLE_PROPERTIES.has(property) || !value || /url\(|expression\(|javascript:|[<>\\"'{}]/i.test(value)) continue;
    out.push([property, value.replace(/\s*!important\s*$/i, '')]);
  }
  return out;
}

/** Whether `href` is a link a brief may hold (http, https, mailto, or a same-document #anchor). */
export function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (java\tscript:).
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('#')) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(compact)) return false;
  return SAFE_URL.test(compact);
}

// A start or end tag, its attributes quoted or not (a `>` inside quotes does not end it).
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*>/g;

/**
 * Step 1: renames `on…` attributes (to `data-sb-on…`), `style` (to data-sb-style) and
 * `<style>` elements (to `<sb-style>`), inside tags only — text is never changed.
 */
export function neutralizeHtml(html: string): string {
  return html.replace(TAG, (_tag, slash: string, name: string, attributes: string) => {
    const tagName = name.toLowerCase() === 'style' ? 'sb-style' : name;
    // Only attribute names are rewritten: values are skipped by matching them whole.
    const rewritten = attributes.replace(/(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))|(\s+)([^\s"'>/=]+)/g, (m, value: string | undefined, space: string, attr: string) => {
      if (value !== undefined) return m;
      const lower = attr.toLowerCase();
      if (lower.startsWith('on')) return `${space}data-sb-${lower}`;
      if (lower === 'style') return `${space}${STYLE_ATTRIBUTE}`;
      return m;
    });
    return `<${slash}${tagName}${rewritten}>`;
  });
}

/** Step 2: cleans `doc` in place; returns how many things it removed (elements and attributes). */
export function sanitizeDocument(doc: Document): number {
  let removed = 0;
  for (const selector of DROP_ELEMENTS) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      element.remove();
      removed++;
    }
  }
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    let style: string | null = null;
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name === STYLE_ATTRIBUTE || name === 'style') {
        style = attribute.value;
        element.removeAttribute(attribute.name);
      } else if (!KEEP_ATTRIBUTES.has(name)) {
        element.removeAttribute(attribute.name);
        removed++;
      } else if (name === 'href' && (element.tagName.toLowerCase() !== 'a' || !isSafeHref(attribute.value))) {
        element.removeAttribute(attribute.name);
        removed++;
      }
    }
    // Formatting only, through the CSSOM (not an inline style attribute: the CSP allows this).
    if (style) {
      const target = (element as HTMLElement).style;
      if (target) for (const [property, value] of formattingStyles(style)) target.setProperty(property, value);
    }
  }
  // A link with no safe address is not a link: keep its text, drop the anchor.
  for (const anchor of Array.from(doc.querySelectorAll('a'))) {
    if (anchor.hasAttribute('href')) continue;
    anchor.replaceWith(...Array.from(anchor.childNodes));
    removed++;
  }
  return removed;
}

/** Both steps: pasted HTML → a clean, inert Document ready for Lexical's HTML import. */
export function parseSanitized(html: string, parser: Pick<DOMParser, 'parseFromString'>): Document {
  const doc = parser.parseFromString(neutralizeHtml(html), 'text/html');
  sanitizeDocument(doc);
  return doc;
}
