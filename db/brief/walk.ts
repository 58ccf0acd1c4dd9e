// The one walk over a brief document (issue #10): the HTML, DOCX and Markdown exports, the
// search text and the citation and entity-mention indexes all read a brief through it, so
// that what counts as a block, where a nested list belongs, how lists are numbered and what
// a link holds are decided here once. Each reader is a visitor: the walk calls it for each
// node in document order, and it renders what it is handed.
//
// Blocks (walkBlocks): a paragraph, heading or quote; a list (its items, each with the lists
// nested under it); a horizontal rule; a code block; an element of another type that holds
// blocks (a table, its rows and cells) is walked as those blocks; anything else stands alone
// as inline content (`loose`). Inline (walkInline): text, line breaks, tabs, citations,
// links, and nodes of other types by their text (an entity mention's name) or their children.
import {
  type BriefDocument,
  type SerializedCitation,
  type SerializedHeading,
  type SerializedLineBreak,
  type SerializedLink,
  type SerializedList,
  type SerializedNode,
  type SerializedParagraph,
  type SerializedQuote,
  type SerializedText,
  fallbackText,
  isElement,
} from './document';

// ---------------------------------------------------------------------------- inline

export interface InlineVisitor {
  text(node: SerializedText): void;
  lineBreak(node: SerializedLineBreak): void;
  /** A tab node (Lexical's TabNode, whose text is a tab). */
  tab(node: SerializedNode): void;
  citation(node: SerializedCitation): void;
  /** A node of a type not known by name that stands for text (fallbackText: an entity mention's name). */
  otherText(text: string, node: SerializedNode): void;
  /**
   * A link not inside another one. Return true to open it: the links inside it are then
   * their text only, and the citations inside it wait for its end (a marker cannot stand
   * in a link): linkEnd gets them, and then each is visited as a citation, in order.
   * Without linkStart, or when it returns false, the link is walked as its children.
   */
  linkStart?(node: SerializedLink): boolean;
  linkEnd?(node: SerializedLink, deferred: readonly SerializedCitation[]): void;
  /** An element of a type not known by name, without text: false skips its children (default: walked). */
  element?(node: SerializedNode): boolean;
  /** A leaf of a type not known by name, without text. */
  leaf?(node: SerializedNode): void;
}

/** Inline nodes in document order, set tight around citation markers (tightenCitations). */
export function walkInline(nodes: readonly SerializedNode[], visitor: InlineVisitor): void {
  inline(tightenCitations(nodes), visitor, null);
}

/** Punctuation that follows the word before it without a space. */
const CLOSING_PUNCTUATION = /^[ \t\u00A0]+(?=[.,;:!?)\]}»”’…])/;

/**
 * A citation marker sits on the word it follows and before the punctuation after it, as
 * notes do in print: "memorandum [1] ." is written "memorandum[1]." — the spaces typed
 * around a citation in the editor are left out of what is exported (the stored brief
 * keeps them). Text nodes that change are copied; the others are the same objects.
 */
export function tightenCitations(nodes: readonly SerializedNode[]): readonly SerializedNode[] {
  const inlineCitation = (n: SerializedNode | undefined) => n?.type === 'citation' && (n as SerializedCitation).form !== 'block';
  if (!nodes.some(inlineCitation)) return nodes;
  return nodes.map((node, i) => {
    if (node.type !== 'text') return node;
    let text = (node as SerializedText).text;
    if (inlineCitation(nodes[i + 1])) text = text.replace(/[ \t\u00A0]+$/, '');
    if (inlineCitation(nodes[i - 1])) text = text.replace(CLOSING_PUNCTUATION, '');
    return text === (node as SerializedText).text ? node : { ...node, text };
  });
}

/** `deferred`: inside an opened link, the citations met so far. */
function inline(nodes: readonly SerializedNode[], v: InlineVisitor, deferred: SerializedCitation[] | null): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        v.text(node);
        break;
      case 'linebreak':
        v.lineBreak(node);
        break;
      case 'citation':
        if (deferred) deferred.push(node);
        else v.citation(node);
        break;
      case 'link':
      case 'autolink':
        if (!deferred && v.linkStart?.(node)) {
          const inLink: SerializedCitation[] = [];
          inline(node.children, v, inLink);
          v.linkEnd?.(node, inLink);
          for (const c of inLink) v.citation(c);
        } else inline(node.children, v, deferred);
        break;
      default: {
        if (node.type === ('tab' as string)) {
          v.tab(node);
          break;
        }
        const text = fallbackText(node as { type: string });
        if (text !== undefined) v.otherText(text, node);
        else if (isElement(node)) {
          if (v.element?.(node) ?? true) inline(node.children, v, deferred);
        } else v.leaf?.(node);
      }
    }
  }
}

// ---------------------------------------------------------------------------- blocks

/** A list as the walk hands it over. */
export interface ListVisit {
  node: SerializedList;
  ordered: boolean;
  /** The first item's number: the list's start if it is a whole number, else 1. */
  start: number;
  /** 0 for a list among blocks, one more for each list it is nested in. */
  depth: number;
  /**
   * How many lists of the same order (numbered or not) come right before it, blocks that
   * render nothing aside: 0 for the first of a run (in Markdown, adjacent lists of one kind
   * would merge into one).
   */
  run: number;
}

/** One item of a list as a reader sees it: its own content; the lists nested under it come through `nested`. */
export interface ListItemVisit {
  /** The listitem node (its format, direction, indent). */
  item: SerializedNode;
  /** Its content, the nested lists aside. */
  inline: SerializedNode[];
  /** 0, 1, 2, … within its list. */
  index: number;
  /** The list's start plus its index. */
  number: number;
  depth: number;
  /** In a check list, whether it is ticked; undefined in other lists. */
  checked: boolean | undefined;
}

type ElementNode = Extract<SerializedNode, { children: SerializedNode[] }>;

/** Renders blocks: each call returns the pieces of its block, [] for none. */
export interface BlockVisitor<B> {
  paragraph(node: SerializedParagraph): B[];
  heading(node: SerializedHeading): B[];
  quote(node: SerializedQuote): B[];
  /** `items()` visits the items (listItem) and returns their pieces, in order. */
  list(list: ListVisit, items: () => B[]): B[];
  /** `nested()` visits the lists nested under the item (list, one deeper) and returns their pieces. */
  listItem(item: ListItemVisit, list: ListVisit, nested: () => B[]): B[];
  horizontalRule(node: SerializedNode): B[];
  code(node: ElementNode & { language?: unknown }): B[];
  /** An element of another type that holds blocks (a table, a row, a cell); default: its blocks. */
  container?(node: ElementNode, blocks: () => B[]): B[];
  /** Any other node, standing alone as inline content. */
  loose(node: SerializedNode): B[];
}

/** The types that make a block, where they stand among an element's children. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'horizontalrule', 'table', 'tablerow', 'tablecell']);

/** Blocks in document order, each one's pieces concatenated. */
export function walkBlocks<B>(nodes: readonly SerializedNode[], visitor: BlockVisitor<B>): B[] {
  const out: B[] = [];
  let previous: boolean | null = null;
  let run = 0;
  for (const node of nodes) {
    if (node.type === 'list') {
      const ordered = node.listType === 'number';
      run = previous === ordered ? run + 1 : 0;
      previous = ordered;
      out.push(...walkList(node, visitor, 0, run));
      continue;
    }
    const pieces = block(node, visitor);
    if (pieces.length > 0) {
      out.push(...pieces);
      previous = null;
    }
  }
  return out;
}

function block<B>(node: SerializedNode, v: BlockVisitor<B>): B[] {
  switch (node.type) {
    case 'paragraph':
      return v.paragraph(node);
    case 'heading':
      return v.heading(node);
    case 'quote':
      return v.quote(node);
  }
  const type = node.type as string;
  if (type === 'horizontalrule') return v.horizontalRule(node);
  if (!isElement(node)) return v.loose(node);
  if (type === 'code') return v.code(node);
  if (node.children.some((c) => BLOCK_TYPES.has(c.type))) {
    const blocks = () => walkBlocks(node.children, v);
    return v.container ? v.container(node, blocks) : blocks();
  }
  return v.loose(node);
}

function walkList<B>(node: SerializedList, v: BlockVisitor<B>, depth: number, run: number): B[] {
  const list: ListVisit = { node, ordered: node.listType === 'number', start: Number.isInteger(node.start) ? node.start : 1, depth, run };
  const items = () =>
    listEntries(node).flatMap(({ item, inline, nested }, index) => {
      const checked = node.listType === 'check' ? Boolean((item as { checked?: boolean }).checked) : undefined;
      const visit: ListItemVisit = { item, inline, index, number: list.start + index, depth, checked };
      return v.listItem(visit, list, () => nestedLists(nested, v, depth + 1));
    });
  return v.list(list, items);
}

/** The lists under one item: a run of lists, as among blocks. */
function nestedLists<B>(lists: readonly SerializedList[], v: BlockVisitor<B>, depth: number): B[] {
  let previous: boolean | null = null;
  let run = 0;
  return lists.flatMap((sub) => {
    const ordered = sub.listType === 'number';
    run = previous === ordered ? run + 1 : 0;
    previous = ordered;
    return walkList(sub, v, depth, run);
  });
}

interface ListEntry {
  item: SerializedNode;
  inline: SerializedNode[];
  nested: SerializedList[];
}

/**
 * A list's items as a reader sees them. Lexical keeps a nested list in a listitem of its
 * own: it belongs to the item before it.
 */
function listEntries(list: SerializedList): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const item of list.children) {
    const children = isElement(item) ? item.children : [];
    const nested = children.filter((c): c is SerializedList => c.type === 'list');
    const inline = children.filter((c) => c.type !== 'list');
    if (inline.length === 0 && nested.length > 0 && entries.length > 0) entries[entries.length - 1].nested.push(...nested);
    else entries.push({ item, inline, nested });
  }
  return entries;
}

// ---------------------------------------------------------------------------- what the store reads

/** Every citation in document order (a cited excerpt may appear more than once). */
export function citationsOf(doc: BriefDocument): SerializedCitation[] {
  const out: SerializedCitation[] = [];
  walkInline(doc.root.children, { ...IGNORE, citation: (c) => out.push(c) });
  return out;
}

/** An entity mention: the editor's `@` node. */
export interface EntityMentionNode {
  type: 'entity-mention';
  entityId?: unknown;
  name?: unknown;
}

/** Every entity mention in document order, as the nodes themselves (a merge rewrites their ids). */
export function entityMentionNodes(doc: BriefDocument): EntityMentionNode[] {
  const out: EntityMentionNode[] = [];
  const visit = (node: SerializedNode) => {
    if (node.type === ('entity-mention' as string)) out.push(node as unknown as EntityMentionNode);
  };
  walkInline(doc.root.children, { ...IGNORE, otherText: (_, node) => visit(node), leaf: visit, element: (node) => (visit(node), true) });
  return out;
}

/**
 * The entities a brief names with an entity mention (JSON `{ type: 'entity-mention',
 * entityId, name }`), each once, in order of first mention.
 */
export function entityMentionsOf(doc: BriefDocument): string[] {
  const ids = new Set<string>();
  for (const { entityId } of entityMentionNodes(doc)) if (typeof entityId === 'string' && entityId) ids.add(entityId);
  return [...ids];
}

const IGNORE: InlineVisitor = { text() {}, lineBreak() {}, tab() {}, citation() {}, otherText() {} };

/** Blocks whose text is one line of the search text. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem']);

/** The text a reader sees, one block per line; citations contribute their quote for search. */
export function plainTextOf(doc: BriefDocument): string {
  return walkBlocks(doc.root.children, PLAIN_TEXT).join('\n');
}

/** A block's line: its content (the lists in it aside) with blanks folded, '' for none. */
function lineOf(nodes: readonly SerializedNode[]): string {
  let text = '';
  const other = (node: SerializedNode) => {
    const t = fallbackText(node as { type: string });
    if (t !== undefined) text += t;
    else if (isElement(node) && !TEXT_BLOCKS.has(node.type)) walkInline(node.children, visitor);
  };
  const visitor: InlineVisitor = {
    text: (node) => (text += node.text),
    lineBreak: () => (text += '\n'),
    tab: other,
    citation: (node) => (text += ` “${node.quoteAtCitation}” `),
    otherText: (t) => (text += t),
    // a text block inside inline content adds nothing (it is not a line of its own either)
    element: (node) => !TEXT_BLOCKS.has(node.type),
  };
  walkInline(
    nodes.filter((c) => c.type !== 'list'),
    visitor,
  );
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** A text block's line, then the lists in it. */
function textBlock(node: SerializedNode): string[] {
  const children = isElement(node) ? node.children : [];
  return [...line(children), ...walkBlocks(children.filter((c) => c.type === 'list'), PLAIN_TEXT)];
}

const line = (nodes: readonly SerializedNode[]) => {
  const text = lineOf(nodes);
  return text ? [text] : [];
};

/** Anything else: a listitem standing alone is a text block; an element, its blocks; a leaf, nothing. */
function plainOther(node: SerializedNode): string[] {
  if (TEXT_BLOCKS.has(node.type) && isElement(node)) return textBlock(node);
  return isElement(node) ? walkBlocks(node.children, PLAIN_TEXT) : [];
}

const PLAIN_TEXT: BlockVisitor<string> = {
  paragraph: textBlock,
  heading: textBlock,
  quote: textBlock,
  list: (_, items) => items(),
  // an item is a text block; a child of a list that is not (no editor writes one) adds its blocks
  listItem: ({ item, inline }, _, nested) => [...(TEXT_BLOCKS.has(item.type) && isElement(item) ? line(inline) : walkBlocks(inline, PLAIN_TEXT)), ...nested()],
  horizontalRule: plainOther,
  code: plainOther,
  container: plainOther,
  loose: plainOther,
};

/**
 * A heading's level, 1–6, from its tag ("h2"); a tag that is not one (a brief stored before
 * the contract checked it) reads as level 2, so no exporter ever writes a stored tag as is.
 */
export function headingLevel(node: { tag?: unknown }): number {
  const m = typeof node.tag === 'string' ? /^h([1-6])$/.exec(node.tag) : null;
  return m ? Number(m[1]) : 2;
}
