// A small, namespace-aware XML tokenizer for the parts of an Office file (document.xml,
// styles.xml, core.xml, …). It streams events to a visitor instead of building a DOM, so
// a 64 MB document.xml costs its text and not a tree of millions of nodes, and every
// step is a single forward scan (linear time, no backtracking, never hangs).
//
// What it does: elements with their namespace URI resolved from xmlns declarations
// (so `w:p` is recognised whatever prefix a writer chose, and Strict OOXML's URIs can be
// told apart), attributes, text with the five XML entities and character references
// decoded, CDATA. What it skips: comments, processing instructions, the DOCTYPE (no
// entity is ever defined or expanded, so entity-expansion bombs do nothing). It is
// lenient like a browser: a stray end tag is ignored, elements still open at the end
// are closed. It never validates; Office files are machine-written.

export interface XmlAttributes {
  /** The value of the attribute `local` in namespace `ns` ('' for an unprefixed attribute). */
  get(ns: string, local: string): string | null;
}

export interface XmlVisitor {
  open(ns: string, local: string, attributes: XmlAttributes): void;
  close(ns: string, local: string): void;
  text(text: string): void;
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Scope = Record<string, string>;

interface Frame {
  qname: string;
  ns: string;
  local: string;
  scope: Scope;
}

const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NS, '': '' });

class Attributes implements XmlAttributes {
  constructor(
    private readonly raw: [string, string][],
    private readonly scope: Scope,
  ) {}

  get(ns: string, local: string): string | null {
    for (const [qname, value] of this.raw) {
      const colon = qname.indexOf(':');
      if (colon < 0) {
        if (ns === '' && qname === local) return value;
      } else if (qname.slice(colon + 1) === local && qname.slice(0, colon) !== 'xmlns' && this.scope[qname.slice(0, colon)] === ns) {
        return value;
      }
    }
    return null;
  }
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Walk `xml`, calling the visitor for each element start, end and run of text. */
export function walkXml(xml: string, visitor: XmlVisitor): void {
  const stack: Frame[] = [];
  const length = xml.length;
  let i = 0;

  const scopeOf = () => (stack.length ? stack[stack.length - 1].scope : ROOT_SCOPE);

  while (i < length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (stack.length) visitor.text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i && stack.length) visitor.text(decodeEntities(xml.slice(i, lt)));
    const next = xml.charCodeAt(lt + 1);

    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        i = end < 0 ? length : end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (stack.length) visitor.text(xml.slice(lt + 9, end < 0 ? length : end));
        i = end < 0 ? length : end + 3;
      } else {
        // <!DOCTYPE …> possibly with an internal subset in brackets: skipped, never interpreted.
        const close = xml.indexOf('>', lt);
        const bracket = xml.indexOf('[', lt);
        if (bracket >= 0 && (close < 0 || bracket < close)) {
          const endSubset = xml.indexOf(']', bracket);
          const end = endSubset < 0 ? -1 : xml.indexOf('>', endSubset);
          i = end < 0 ? length : end + 1;
        } else {
          i = close < 0 ? length : close + 1;
        }
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? length : end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      const qname = xml.slice(lt + 2, end < 0 ? length : end).trim();
      i = end < 0 ? length : end + 1;
      // Pop to the matching element (closing any left open inside it); a stray end tag is ignored.
      let match = stack.length - 1;
      while (match >= 0 && stack[match].qname !== qname) match--;
      if (match >= 0) {
        while (stack.length > match) {
          const frame = stack.pop()!;
          visitor.close(frame.ns, frame.local);
        }
      }
      continue;
    }

    // A start tag: its name, then attributes up to '>' or '/>' (quoted values may hold '>').
    let p = lt + 1;
    while (p < length) {
      const c = xml.charCodeAt(p);
      if (isSpace(c) || c === 0x3e || c === 0x2f) break;
      p++;
    }
    const qname = xml.slice(lt + 1, p);
    const attributes: [string, string][] = [];
    let selfClosing = false;
    let ended = false;
    while (p < length) {
      const c = xml.charCodeAt(p);
      if (isSpace(c)) {
        p++;
      } else if (c === 0x3e /* > */) {
        p++;
        ended = true;
        break;
      } else if (c === 0x2f /* / */) {
        p++;
        if (xml.charCodeAt(p) === 0x3e) {
          p++;
          selfClosing = true;
          ended = true;
          break;
        }
      } else {
        const nameStart = p;
        while (p < length) {
          const d = xml.charCodeAt(p);
          if (isSpace(d) || d === 0x3d || d === 0x3e || d === 0x2f) break;
          p++;
        }
        const name = xml.slice(nameStart, p);
        while (p < length && isSpace(xml.charCodeAt(p))) p++;
        if (xml.charCodeAt(p) !== 0x3d /* = */) continue; // an attribute without a value: ignored
        p++;
        while (p < length && isSpace(xml.charCodeAt(p))) p++;
        const quote = xml[p];
        if (quote !== '"' && quote !== "'") continue;
        const close = xml.indexOf(quote, p + 1);
        const valueEnd = close < 0 ? length : close;
        attributes.push([name, decodeEntities(xml.slice(p + 1, valueEnd))]);
        p = valueEnd + 1;
      }
    }
    i = p;
    if (!ended || !qname) continue;

    let scope = scopeOf();
    for (const [name, value] of attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === scopeOf()) scope = Object.create(scope) as Scope;
        scope[name === 'xmlns' ? '' : name.slice(6)] = value;
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = scope[prefix] ?? '';
    visitor.open(ns, local, new Attributes(attributes, scope));
    if (selfClosing) visitor.close(ns, local);
    else stack.push({ qname, ns, local, scope });
  }
  while (stack.length) {
    const frame = stack.pop()!;
    visitor.close(frame.ns, frame.local);
  }
}
