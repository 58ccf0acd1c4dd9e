// Markdown: front matter gives the metadata; the text is what the rendered document
// reads as, produced by walking marked's tokens (never by rendering HTML and stripping it).
import { lexer, type Token, type Tokens } from 'marked';
import { decodeEntity, htmlFragmentToText } from './html';
import { normalizeDate, normalizeInline, normalizeText } from './normalize';
import type { FormatResult, MetaDraft } from './format';
import { firstLine, headlineTitle } from './text';

export function parseMarkdown(raw: string): FormatResult {
  const source = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const { fields, body } = splitFrontMatter(source);
  const tokens = lexer(body, { gfm: true });
  const text = normalizeText(renderBlocks(tokens).join('\n\n'));

  const heading = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
  const field = (...keys: string[]) => normalizeInline(keys.map((k) => fields.get(k)).find((v) => v?.trim()));
  const meta: MetaDraft = {
    title: field('title') ?? normalizeInline(heading ? renderInline(heading.tokens) : null) ?? headlineTitle(firstLine(text)),
    author: field('author', 'authors', 'by'),
    publisher: field('publisher', 'source', 'site', 'site_name'),
    publishedAt: normalizeDate(field('date', 'published', 'published_at', 'pubdate')),
    url: webUrl(field('url', 'canonical_url', 'link', 'source_url')),
    language: field('lang', 'language'),
  };
  return { text, meta, warnings: [] };
}

// ------------------------------------------------------------------------ front matter

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FIELD = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$/;

/**
 * A `---` block at the very top, read as `key: value` lines (plus `- item` lines under
 * an empty key, joined with ", "). Nothing else of YAML, and nothing is evaluated. A
 * block without a single `key: value` line is not front matter and stays in the text.
 */
export function splitFrontMatter(source: string): { fields: Map<string, string>; body: string } {
  const fields = new Map<string, string>();
  const match = FRONT_MATTER.exec(source);
  if (!match) return { fields, body: source };
  let listKey: string | null = null;
  for (const line of match[1].split('\n')) {
    const item = listKey ? LIST_ITEM.exec(line) : null;
    if (item && listKey) {
      const value = unquote(item[1]);
      if (value) fields.set(listKey, fields.has(listKey) ? `${fields.get(listKey)}, ${value}` : value);
      continue;
    }
    const field = FIELD.exec(line);
    listKey = null;
    if (!field) continue;
    const key = field[1].toLowerCase();
    const value = unquote(field[2] ?? '');
    if (!value) listKey = key;
    else if (!/^[|>[{&*!]/.test(value) && !fields.has(key)) fields.set(key, value);
  }
  if (fields.size === 0) return { fields, body: source };
  return { fields, body: source.slice(match[0].length) };
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1).trim();
  }
  return v.replace(/\s+#.*$/, '');
}

function webUrl(value: string | null): string | null {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

// ---------------------------------------------------------------------------- rendering

function renderBlocks(tokens: readonly Token[]): string[] {
  const blocks: string[] = [];
  for (const token of tokens) {
    const text = renderBlock(token);
    if (text.trim()) blocks.push(text);
  }
  return blocks;
}

function renderBlock(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return '';
    case 'heading':
    case 'paragraph':
      return renderInline(token.tokens ?? []);
    case 'text':
      return token.tokens ? renderInline(token.tokens) : inlineText(token.text);
    case 'code':
      return token.text;
    case 'blockquote':
      return renderBlocks(token.tokens ?? []).join('\n\n');
    case 'list':
      return renderList(token as Tokens.List);
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) =>
        cells.map((cell) => renderInline(cell.tokens).replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
      return [row(table.header), ...table.rows.map(row)].filter(Boolean).join('\n');
    }
    case 'html':
      return htmlFragmentToText(token.text);
    default: {
      const other = token as Tokens.Generic;
      return other.tokens ? renderBlocks(other.tokens).join('\n\n') : typeof other.text === 'string' ? other.text : '';
    }
  }
}

function renderList(list: Tokens.List): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  const items = list.items.map((item, i) => {
    const marker = list.ordered ? `${start + i}. ` : '• ';
    const box = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
    const content = renderBlocks(item.tokens.filter((t) => t.type !== 'checkbox')).join('\n');
    return marker + box + content;
  });
  return items.join(list.loose ? '\n\n' : '\n');
}

/** Elements whose content raw HTML in Markdown must not contribute to the text. */
const RAW_SKIPPED = /^<\s*(script|style|noscript|template|iframe|object|embed|svg|textarea|select|button|title)\b/i;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function renderInline(tokens: readonly Token[]): string {
  const out: string[] = [];
  let skipping: string | null = null;
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'html') {
        const tag = token.text.trim();
        if (skipping) {
          if (new RegExp(`^<\\s*/\\s*${skipping}\\b`, 'i').test(tag)) skipping = null;
        } else if (RAW_SKIPPED.test(tag)) {
          if (!/\/\s*>$/.test(tag)) skipping = RAW_SKIPPED.exec(tag)![1].toLowerCase();
        } else if (/^<\s*br\b/i.test(tag)) {
          out.push('\n');
        }
        continue;
      }
      if (skipping) continue;
      switch (token.type) {
        case 'text':
          if (token.tokens?.length) visit(token.tokens);
          else out.push(inlineText(token.text));
          break;
        case 'escape':
        case 'codespan':
          out.push(token.text.replace(/\n/g, ' '));
          break;
        case 'br':
          out.push('\n');
          break;
        case 'image':
          out.push(inlineText(token.text));
          break;
        case 'checkbox':
          break;
        default: {
          const other = token as Tokens.Generic;
          if (other.tokens) visit(other.tokens);
          else if (typeof other.text === 'string') out.push(inlineText(other.text));
        }
      }
    }
  };
  visit(tokens);
  return out.join('');
}

/** Source text of an inline run: soft line breaks read as spaces; character references decoded. */
function inlineText(text: string): string {
  const flowed = text.replace(/\n/g, ' ');
  return flowed.includes('&') ? flowed.replace(ENTITY, decodeEntity) : flowed;
}
