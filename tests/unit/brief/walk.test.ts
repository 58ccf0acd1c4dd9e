import { describe, expect, it } from 'vitest';
import { type SerializedNode, citationNode, headingNode, linkNode, listItemNode, listNode, paragraphNode, quoteNode, rootNode, textNode } from '../../../db/brief/document';
import { type BlockVisitor, type InlineVisitor, citationsOf, entityMentionNodes, entityMentionsOf, plainTextOf, walkBlocks, walkInline } from '../../../db/brief/walk';

const br = { type: 'linebreak', version: 1 } as const;
const element = (type: string, children: SerializedNode[], extra: object = {}) =>
  ({ type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra }) as unknown as SerializedNode;
const mention = (entityId: string, name?: string) => ({ type: 'entity-mention', version: 1, entityId, ...(name ? { name } : {}) }) as unknown as SerializedNode;

/** The inline visits as short strings, in the order they came. */
function inlineVisits(nodes: SerializedNode[], options: { openLinks?: boolean } = {}): string[] {
  const seen: string[] = [];
  const visitor: InlineVisitor = {
    text: (n) => seen.push(`text:${n.text}${n.format ? `/${n.format}` : ''}`),
    lineBreak: () => seen.push('br'),
    tab: () => seen.push('tab'),
    citation: (n) => seen.push(`cite:${n.excerptId}`),
    otherText: (t, n) => seen.push(`${n.type}:${t}`),
    element: (n) => (seen.push(`<${n.type}>`), true),
    leaf: (n) => seen.push(`leaf:${n.type}`),
    ...(options.openLinks === false
      ? {}
      : {
          linkStart: (n) => (seen.push(`link:${n.url}`), true),
          linkEnd: (n, deferred) => seen.push(`/link(${deferred.map((c) => c.excerptId).join(',')})`),
        }),
  };
  walkInline(nodes, visitor);
  return seen;
}

/** Every block visit as one line: kind, depth, numbering and content, in walk order. */
const recorder: BlockVisitor<string> = {
  // an empty paragraph renders nothing
  paragraph: (n) => (n.children.length ? [`p ${inlineVisits(n.children).join(' ')}`] : []),
  heading: (n) => [`${n.tag} ${inlineVisits(n.children).join(' ')}`],
  quote: (n) => [`quote ${inlineVisits(n.children).join(' ')}`],
  list: (l, items) => [`list ${l.node.listType} depth=${l.depth} start=${l.start} run=${l.run}`, ...items()],
  listItem: (item, _, nested) => [
    `${'  '.repeat(item.depth + 1)}item #${item.number} (index ${item.index})${item.checked === undefined ? '' : item.checked ? ' [x]' : ' [ ]'}: ${inlineVisits(item.inline).join(' ')}`,
    ...nested(),
  ],
  horizontalRule: () => ['hr'],
  code: (n) => [`code ${inlineVisits(n.children, { openLinks: false }).join(' ')}`],
  loose: (n) => [`loose ${inlineVisits([n]).join(' ')}`],
};

describe('walkBlocks', () => {
  it('visits the blocks in document order, lists with their numbering and the lists nested under each item', () => {
    const doc = rootNode([
      headingNode('h2', [textNode('Title')]),
      listNode(
        'number',
        [
          listItemNode([textNode('three')], 3),
          // Lexical keeps a nested list in a listitem of its own: it belongs to "three"
          listItemNode([listNode('bullet', [listItemNode([textNode('a')], 1), listItemNode([textNode('b')], 2)])], 4),
          listItemNode([textNode('four')], 4),
        ],
        3,
      ),
      listNode('number', [listItemNode([textNode('again')], 1)]),
      paragraphNode([]),
      listNode('number', [listItemNode([textNode('third')], 1)]),
      listNode('bullet', [listItemNode([textNode('bullet')], 1)]),
      { ...listNode('bullet', [listItemNode([textNode('ticked')], 1), listItemNode([textNode('open')], 2)]), listType: 'check' as const },
      quoteNode([textNode('Q')]),
      listNode('bullet', [listItemNode([textNode('after quote')], 1)], 2.5),
    ]);
    expect(walkBlocks(doc.root.children, recorder)).toEqual([
      'h2 text:Title',
      'list number depth=0 start=3 run=0',
      '  item #3 (index 0): text:three',
      'list bullet depth=1 start=1 run=0',
      '    item #1 (index 0): text:a',
      '    item #2 (index 1): text:b',
      '  item #4 (index 1): text:four',
      // right after a numbered list: the second of a run
      'list number depth=0 start=1 run=1',
      '  item #1 (index 0): text:again',
      // a block that renders nothing does not end a run of lists…
      'list number depth=0 start=1 run=2',
      '  item #1 (index 0): text:third',
      // …and a numbered list and a bulleted one are not one run
      'list bullet depth=0 start=1 run=0',
      '  item #1 (index 0): text:bullet',
      'list check depth=0 start=1 run=1',
      '  item #1 (index 0) [ ]: text:ticked',
      '  item #2 (index 1) [ ]: text:open',
      'quote text:Q',
      // a start that is not a whole number counts from 1
      'list bullet depth=0 start=1 run=0',
      '  item #1 (index 0): text:after quote',
    ]);
  });

  it('counts nested lists by depth and gives each item its checked state', () => {
    const checklist = {
      ...listNode('bullet', [{ ...listItemNode([textNode('done')], 1), checked: true }, listItemNode([textNode('deeper')], 2)]),
      listType: 'check' as const,
    };
    const doc = rootNode([
      listNode('bullet', [listItemNode([textNode('top'), listNode('number', [listItemNode([textNode('one'), checklist], 1)], 0), listNode('number', [listItemNode([textNode('x')], 1)])], 1)]),
    ]);
    expect(walkBlocks(doc.root.children, recorder)).toEqual([
      'list bullet depth=0 start=1 run=0',
      '  item #1 (index 0): text:top',
      'list number depth=1 start=0 run=0',
      '    item #0 (index 0): text:one',
      'list check depth=2 start=1 run=0',
      '      item #1 (index 0) [x]: text:done',
      '      item #2 (index 1) [ ]: text:deeper',
      'list number depth=1 start=1 run=1',
      '    item #1 (index 0): text:x',
    ]);
  });

  it('walks an element that holds blocks as its blocks, and lets anything else stand alone', () => {
    const cell = (text: string) => element('tablecell', [paragraphNode([textNode(text)])]);
    const doc = rootNode([
      element('table', [element('tablerow', [cell('a'), cell('b')])]),
      element('horizontalrule', []),
      element('code', [textNode('x = 1'), br, linkNode('https://example.org', [textNode('l'), citationNode('exc_1', 'q')])]),
      textNode('stray'),
      element('widget', [textNode('w')]),
    ]);
    expect(walkBlocks(doc.root.children, recorder)).toEqual([
      'p text:a',
      'p text:b',
      'hr',
      // a visitor without linkStart walks a link as its children: the citation in place
      'code text:x = 1 br text:l cite:exc_1',
      'loose text:stray',
      'loose <widget> text:w',
    ]);
  });
});

describe('walkInline', () => {
  it('sets the citations inside a link after it, and walks a link inside a link as its text', () => {
    const nodes = [
      textNode('a'),
      linkNode('https://out.example', [textNode('b', 1), citationNode('exc_1', 'q'), linkNode('https://in.example', [textNode('c'), citationNode('exc_2', 'q')]), br]),
      citationNode('exc_3', 'q'),
    ];
    expect(inlineVisits(nodes)).toEqual(['text:a', 'link:https://out.example', 'text:b/1', 'text:c', 'br', '/link(exc_1,exc_2)', 'cite:exc_1', 'cite:exc_2', 'cite:exc_3']);
  });

  it('walks a link whose start returns false as its children, the links inside it offered again', () => {
    const seen: string[] = [];
    walkInline([linkNode('javascript:x', [citationNode('exc_1', 'q'), linkNode('https://ok.example', [textNode('ok'), citationNode('exc_2', 'q')])])], {
      text: (n) => seen.push(n.text),
      lineBreak: () => {},
      tab: () => {},
      citation: (n) => seen.push(n.excerptId),
      otherText: () => {},
      linkStart: (n) => (seen.push(`start ${n.url}`), n.url.startsWith('https:')),
      linkEnd: (n) => seen.push(`end ${n.url}`),
    });
    expect(seen).toEqual(['start javascript:x', 'exc_1', 'start https://ok.example', 'ok', 'end https://ok.example', 'exc_2']);
  });

  it('reads nodes of other types by their text, their children, or not at all', () => {
    const nodes = [{ type: 'tab', version: 1, text: '\t' } as unknown as SerializedNode, mention('ent_1', 'Halvard'), element('mark', [textNode('m')]), mention('ent_2')];
    expect(inlineVisits(nodes)).toEqual(['tab', 'entity-mention:Halvard', '<mark>', 'text:m', 'leaf:entity-mention']);
  });
});

describe('what the store reads through the walk', () => {
  const doc = rootNode([
    paragraphNode([textNode('Seen '), mention('ent_1', 'Halvard'), linkNode('https://x.example', [citationNode('exc_2', 'two'), mention('ent_2', 'Port')])]),
    listNode('bullet', [listItemNode([textNode('item'), citationNode('exc_1', 'one')], 1), listItemNode([listNode('number', [listItemNode([mention('ent_1'), textNode('nested')], 1)])], 2)]),
  ]);

  it('finds citations and entity mentions in document order', () => {
    expect(citationsOf(doc).map((c) => c.excerptId)).toEqual(['exc_2', 'exc_1']);
    expect(entityMentionNodes(doc).map((m) => m.entityId)).toEqual(['ent_1', 'ent_2', 'ent_1']);
    expect(entityMentionsOf(doc)).toEqual(['ent_1', 'ent_2']);
  });

  it('reads the search text one block a line, nested list items after their item', () => {
    expect(plainTextOf(doc)).toBe('Seen Halvard “two” Port\nitem “one”\nnested');
  });
});

describe('headingLevel', () => {
  it('reads h1–h6, and a tag that is not one as level 2 (never written out as stored)', async () => {
    const { headingLevel } = await import('../../../db/brief/walk');
    expect(['h1', 'h6', undefined, 'script', 'h7', 3].map((tag) => headingLevel({ tag }))).toEqual([1, 6, 2, 2, 2, 2]);
  });
});
