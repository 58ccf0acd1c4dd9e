// The brief document: Lexical's serialized editor state, as stored in briefs.document.
// These types cover the nodes Sourcebook's editor registers, with the builders that import
// from Markdown uses; walk.ts is the one walk over them (exports, search text, indexes).
//
// Node JSON evolves by adding optional fields with defaults (STYLE.md rule 7).
import { textDirection } from '../../common/direction';

export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

interface NodeBase {
  type: string;
  version: number;
}

export interface SerializedText extends NodeBase {
  type: 'text';
  text: string;
  /** Bitmask of TEXT_FORMAT. */
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
}

export interface SerializedLineBreak extends NodeBase {
  type: 'linebreak';
}

/** How a citation shows in a brief: an inline marker (the default) or a block embed. */
export type CitationForm = 'inline' | 'block';

export interface SerializedCitation extends NodeBase {
  type: 'citation';
  excerptId: string;
  /** The quote as it was when cited, so a later change (or deletion) stays visible. */
  quoteAtCitation: string;
  /** The source title when cited: what a deleted excerpt's citation can still show. */
  sourceTitleAtCitation?: string;
  /** An inline marker (the default) or a block embed: the passage shown as a quote with its source. */
  form?: CitationForm;
}

interface ElementBase extends NodeBase {
  children: SerializedNode[];
  direction: 'ltr' | 'rtl' | null;
  format: string | number;
  indent: number;
}

export interface SerializedLink extends ElementBase {
  type: 'link' | 'autolink';
  url: string;
  rel?: string | null;
  target?: string | null;
  title?: string | null;
}

export interface SerializedParagraph extends ElementBase {
  type: 'paragraph';
  textFormat?: number;
  textStyle?: string;
}

export interface SerializedHeading extends ElementBase {
  type: 'heading';
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

export interface SerializedQuote extends ElementBase {
  type: 'quote';
}

export interface SerializedList extends ElementBase {
  type: 'list';
  listType: 'bullet' | 'number' | 'check';
  start: number;
  tag: 'ul' | 'ol';
}

export interface SerializedListItem extends ElementBase {
  type: 'listitem';
  value: number;
  checked?: boolean;
}

export type SerializedInline = SerializedText | SerializedLineBreak | SerializedCitation | SerializedLink;
export type SerializedBlock = SerializedParagraph | SerializedHeading | SerializedQuote | SerializedList | SerializedListItem;
export type SerializedNode = SerializedInline | SerializedBlock;

export interface SerializedRoot extends ElementBase {
  type: 'root';
}

export interface BriefDocument {
  root: SerializedRoot;
}

export function isElement(node: SerializedNode | SerializedRoot): node is SerializedBlock | SerializedLink | SerializedRoot {
  return Array.isArray((node as { children?: unknown }).children);
}

/**
 * The text an inline node of a type the exporters do not know by name stands for: its
 * `text`, or an entity mention's `name` ({ type: 'entity-mention', entityId, name }).
 */
export function fallbackText(node: { type: string; text?: unknown; name?: unknown }): string | undefined {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'entity-mention' && typeof node.name === 'string') return node.name;
  return undefined;
}

const element = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };

/** The text of a block's inline children, as far as its direction needs (textDirection). */
function leadingText(children: readonly SerializedNode[]): string {
  let out = '';
  for (const child of children) {
    const node = child as { text?: unknown; children?: unknown };
    if (typeof node.text === 'string') out += node.text;
    else if (Array.isArray(node.children)) out += leadingText(node.children as SerializedNode[]);
    if (out.length > 200) break;
  }
  return out;
}

/**
 * The direction a block is shown in: its text's, from its first letter, as the editor
 * shows it (Lexical renders a top-level block with dir="auto" and leaves the stored
 * `direction` null unless it was set); a block without a letter keeps what is stored.
 */
export function blockDirection(node: { direction?: unknown; children?: unknown }): 'ltr' | 'rtl' {
  const fromText = Array.isArray(node.children) ? textDirection(leadingText(node.children as SerializedNode[])) : null;
  return fromText ?? (node.direction === 'rtl' ? 'rtl' : 'ltr');
}

/** A text block's element fields, its direction from its first letter as Lexical judges it (an Arabic paragraph is 'rtl'). */
function block(children: readonly SerializedNode[]) {
  return { ...element, direction: textDirection(leadingText(children)) ?? element.direction };
}

export function textNode(text: string, format = 0): SerializedText {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

export function citationNode(excerptId: string, quoteAtCitation: string, sourceTitleAtCitation?: string): SerializedCitation {
  return { type: 'citation', version: 1, excerptId, quoteAtCitation, ...(sourceTitleAtCitation ? { sourceTitleAtCitation } : {}) };
}

export function paragraphNode(children: SerializedNode[]): SerializedParagraph {
  return { type: 'paragraph', ...block(children), children, textFormat: 0, textStyle: '' };
}

export function headingNode(tag: SerializedHeading['tag'], children: SerializedNode[]): SerializedHeading {
  return { type: 'heading', ...block(children), tag, children };
}

export function quoteNode(children: SerializedNode[]): SerializedQuote {
  return { type: 'quote', ...block(children), children };
}

export function listNode(listType: 'bullet' | 'number', items: SerializedListItem[], start = 1): SerializedList {
  return { type: 'list', ...element, listType, start, tag: listType === 'number' ? 'ol' : 'ul', children: items };
}

export function listItemNode(children: SerializedNode[], value: number): SerializedListItem {
  return { type: 'listitem', ...block(children), value, children };
}

export function linkNode(url: string, children: SerializedNode[]): SerializedLink {
  return { type: 'link', ...element, url, rel: 'noreferrer', target: null, title: null, children };
}

export function rootNode(children: SerializedNode[]): BriefDocument {
  return { root: { type: 'root', ...element, children } };
}

export function emptyDocument(): BriefDocument {
  return rootNode([paragraphNode([])]);
}
