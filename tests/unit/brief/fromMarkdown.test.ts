import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { $getRoot, createEditor, DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { briefFromMarkdown, decodeEntities, UnknownCitationError } from '../../../db/brief/fromMarkdown';
import {
  type BriefDocument,
  type SerializedNode,
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
} from '../../../db/brief/document';
import { citationsOf, plainTextOf } from '../../../db/brief/walk';

/** Every node of a document, depth-first: what the builders must reproduce. */
function* walk(node: SerializedNode | BriefDocument['root']): Generator<SerializedNode | BriefDocument['root']> {
  yield node;
  for (const child of (node as { children?: SerializedNode[] }).children ?? []) yield* walk(child);
}

const EXCERPTS: Record<string, { quote: string; sourceTitle: string }> = {
  exc_aaa: { quote: 'The concession runs for thirty years.', sourceTitle: 'Kestrava Ledger' },
  exc_b_c: { quote: 'Motors were declared as sprayer parts.', sourceTitle: 'Freight Review' },
};
const resolve = (id: string) => EXCERPTS[id] ?? null;
const md = (markdown: string) => briefFromMarkdown(markdown, resolve);
const blocks = (markdown: string) => md(markdown).root.children;
const { bold, italic, strikethrough, code } = TEXT_FORMAT;
const br = { type: 'linebreak', version: 1 } as const;
/** A paragraph as Lexical saves it: it remembers the format of its first text child. */
const para = (children: SerializedNode[]) => {
  const first = children.find((n) => n.type === 'text');
  return { ...paragraphNode(children), textFormat: first?.type === 'text' ? first.format : 0 };
};

// The editor's citation node lives in the renderer; this stand-in has the same JSON, which
// is all that Lexical's loading of a document depends on.
type SerializedCitationJson = SerializedLexicalNode & { excerptId: string; quoteAtCitation: string; sourceTitleAtCitation?: string };
class TestCitationNode extends DecoratorNode<null> {
  __json: SerializedCitationJson;
  static override getType(): string {
    return 'citation';
  }
  static override clone(node: TestCitationNode): TestCitationNode {
    return new TestCitationNode(node.__json, node.__key);
  }
  static override importJSON(json: SerializedCitationJson): TestCitationNode {
    return new TestCitationNode(json);
  }
  constructor(json: SerializedCitationJson, key?: NodeKey) {
    super(key);
    this.__json = json;
  }
  override exportJSON(): SerializedCitationJson {
    return { ...this.__json };
  }
  override isInline(): boolean {
    return true;
  }
  override createDOM(): HTMLElement {
    throw new Error('not rendered in tests');
  }
  override updateDOM(): boolean {
    return false;
  }
  override decorate(): null {
    return null;
  }
}

/**
 * Loads the document into a Lexical editor with no DOM (what @lexical/headless does; that
 * package is not installed, `lexical` itself is), lets every node transform and
 * normalisation run, and returns what Lexical serialises back. A document in Lexical's
 * own shape comes back unchanged.
 */
function throughLexical(doc: BriefDocument): unknown {
  const editor = createEditor({
    namespace: 'fromMarkdown-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, TestCitationNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  editor.update(
    () => {
      const markAll = (node: LexicalNode) => {
        node.markDirty();
        if ('getChildren' in node && typeof node.getChildren === 'function') (node.getChildren() as LexicalNode[]).forEach(markAll);
      };
      markAll($getRoot());
    },
    { discrete: true },
  );
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

describe('briefFromMarkdown', () => {
  it('turns empty Markdown into one empty paragraph', () => {
    expect(md('')).toEqual(rootNode([para([])]));
    expect(md('  \n\n \n')).toEqual(rootNode([para([])]));
    expect(md('---')).toEqual(rootNode([para([])]));
  });

  it('keeps headings h1–h6 and paragraphs', () => {
    const doc = md('# One\n\n## Two\n\n###### Six\n\nA paragraph\nthat wraps.');
    expect(doc.root.children).toEqual([
      headingNode('h1', [textNode('One')]),
      headingNode('h2', [textNode('Two')]),
      headingNode('h6', [textNode('Six')]),
      para([textNode('A paragraph that wraps.')]),
    ]);
  });

  it('combines nested inline formats into one bitmask', () => {
    expect(blocks('Plain **bold _both_** ~~gone~~ `x < y` ***all***')).toEqual([
      para([
        textNode('Plain '),
        textNode('bold ', bold),
        textNode('both', bold | italic),
        textNode(' '),
        textNode('gone', strikethrough),
        textNode(' '),
        textNode('x < y', code),
        textNode(' '),
        textNode('all', bold | italic),
      ]),
    ]);
    expect(blocks('**`code in bold`**')).toEqual([para([textNode('code in bold', bold | code)])]);
  });

  it('keeps http, https and mailto links and turns every other scheme into plain text', () => {
    expect(blocks('[site](https://example.org/a?b=1 "Example") and <mail@example.org> and [bad](javascript:alert(1)) [rel](page.html) [data](data:text/html,x)')).toEqual([
      para([
        { ...linkNode('https://example.org/a?b=1', [textNode('site')]), title: 'Example' },
        textNode(' and '),
        linkNode('mailto:mail@example.org', [textNode('mail@example.org')]),
        textNode(' and bad rel data'),
      ]),
    ]);
    expect(blocks('[**bold link**](http://x.test)')).toEqual([para([linkNode('http://x.test', [textNode('bold link', bold)])])]);
  });

  it('turns [[cite:ID]] into citation nodes carrying the quote and source title, anywhere in inline text', () => {
    const doc = md('Claim [[cite:exc_aaa]].\n\n**Bold [[cite:exc_b_c]]** and _[[cite:exc_aaa]]_\n\n# Heading [[cite:exc_aaa]]\n\n- item [[cite:exc_b_c]]\n\n> quoted [[cite:exc_aaa]]');
    const cite1 = citationNode('exc_aaa', EXCERPTS.exc_aaa.quote, EXCERPTS.exc_aaa.sourceTitle);
    const cite2 = citationNode('exc_b_c', EXCERPTS.exc_b_c.quote, EXCERPTS.exc_b_c.sourceTitle);
    expect(doc.root.children[0]).toEqual(para([textNode('Claim '), cite1, textNode('.')]));
    expect(doc.root.children[1]).toEqual(para([textNode('Bold ', bold), cite2, textNode(' and '), cite1]));
    expect(citationsOf(doc).map((c) => c.excerptId)).toEqual(['exc_aaa', 'exc_b_c', 'exc_aaa', 'exc_aaa', 'exc_b_c', 'exc_aaa']);
  });

  it('is not fooled by Markdown syntax next to a citation', () => {
    expect(blocks('[[cite:exc_b_c]](see p. 4)')).toEqual([
      para([citationNode('exc_b_c', EXCERPTS.exc_b_c.quote, EXCERPTS.exc_b_c.sourceTitle), textNode('(see p. 4)')]),
    ]);
    expect(blocks('[[ cite: exc_aaa ]]')[0]).toEqual(para([citationNode('exc_aaa', EXCERPTS.exc_aaa.quote, EXCERPTS.exc_aaa.sourceTitle)]));
  });

  it('keeps a citation written inside code as the literal text', () => {
    expect(blocks('Write `[[cite:exc_aaa]]` to cite.')).toEqual([para([textNode('Write '), textNode('[[cite:exc_aaa]]', code), textNode(' to cite.')])]);
  });

  it('asks the resolver once per excerpt', () => {
    const asked: string[] = [];
    briefFromMarkdown('[[cite:exc_aaa]] [[cite:exc_aaa]] [[cite:exc_b_c]]', (id) => (asked.push(id), resolve(id)));
    expect(asked).toEqual(['exc_aaa', 'exc_b_c']);
  });

  it('reports every unknown excerpt at once, and nothing is built', () => {
    let error: unknown;
    try {
      md('[[cite:exc_abc]] then [[cite:exc_aaa]] and [[cite:exc_def]] and [[cite:exc_abc]] again');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownCitationError);
    expect((error as UnknownCitationError).excerptIds).toEqual(['exc_abc', 'exc_def']);
    expect((error as Error).message).toBe('The Markdown cites excerpts that do not exist: exc_abc, exc_def');
  });

  it('builds bullet and numbered lists, with the start number kept', () => {
    expect(blocks('- one\n- **two**\n\n3. three\n4. four')).toEqual([
      listNode('bullet', [listItemNode([textNode('one')], 1), listItemNode([textNode('two', bold)], 2)]),
      listNode('number', [listItemNode([textNode('three')], 3), listItemNode([textNode('four')], 4)], 3),
    ]);
  });

  it('puts a nested list in a listitem of its own, the way Lexical serialises it', () => {
    const nested = (children: SerializedNode[], value: number) => ({ ...listItemNode(children, value), indent: 1 });
    const deeper = (children: SerializedNode[], value: number) => ({ ...listItemNode(children, value), indent: 2 });
    expect(blocks('1. first\n   - a\n     - deep\n   - b\n2. second')).toEqual([
      listNode('number', [
        listItemNode([textNode('first')], 1),
        listItemNode([listNode('bullet', [nested([textNode('a')], 1), nested([listNode('bullet', [deeper([textNode('deep')], 1)])], 2), nested([textNode('b')], 2)])], 2),
        listItemNode([textNode('second')], 2),
      ]),
    ]);
  });

  it('joins the paragraphs of a loose list item with a line break', () => {
    expect(blocks('- first para\n\n  second para\n- next')).toEqual([
      listNode('bullet', [listItemNode([textNode('first para'), br, textNode('second para')], 1), listItemNode([textNode('next')], 2)]),
    ]);
  });

  it('shows task list items with a box', () => {
    expect(blocks('- [ ] open\n- [x] done')).toEqual([listNode('bullet', [listItemNode([textNode('☐ open')], 1), listItemNode([textNode('☑ done')], 2)])]);
  });

  it('makes one quote per paragraph of a block quote, and lets a list in it stand outside', () => {
    expect(blocks('> line one\n> line two\n>\n> second *para*\n>\n> - listed')).toEqual([
      quoteNode([textNode('line one line two')]),
      quoteNode([textNode('second '), textNode('para', italic)]),
      listNode('bullet', [listItemNode([textNode('listed')], 1)]),
    ]);
  });

  it('keeps hard line breaks', () => {
    expect(blocks('one  \ntwo\\\nthree')).toEqual([para([textNode('one'), br, textNode('two'), br, textNode('three')])]);
  });

  it('turns a code block into a paragraph in code format, line by line, citations literal', () => {
    expect(blocks('```js\nconst a = 1;\n\nlog([[cite:exc_zzz]]);\n```')).toEqual([
      para([textNode('const a = 1;', code), br, br, textNode('log([[cite:exc_zzz]]);', code)]),
    ]);
  });

  it('drops horizontal rules and keeps images as their alt text', () => {
    expect(blocks('Before\n\n---\n\nAfter ![a map of the port](map.png)')).toEqual([para([textNode('Before')]), para([textNode('After a map of the port')])]);
  });

  it('reduces raw HTML to its text, never keeping markup or script', () => {
    const doc = md(
      'Text <b>bold?</b> <span onclick="x()">span</span> <script>alert(1)</script> end<br>next\n\n' +
        '<div class="x"><p>Block &amp; <i>html</i></p><p>Second [[cite:exc_aaa]]</p><!-- hidden --><style>p{}</style></div>\n\n' +
        '<script>\nsteal()\n</script>\n\nAfter.',
    );
    expect(doc.root.children).toEqual([
      para([textNode('Text bold? span  end'), br, textNode('next')]),
      para([textNode('Block & html')]),
      para([textNode('Second '), citationNode('exc_aaa', EXCERPTS.exc_aaa.quote, EXCERPTS.exc_aaa.sourceTitle)]),
      para([textNode('After.')]),
    ]);
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/<[a-z/]/i);
    expect(json).not.toContain('alert');
    expect(json).not.toContain('steal');
  });

  it('decodes character references to the characters they stand for', () => {
    expect(blocks('AT&amp;T &copy; 2026 &#8212; &#x201C;quoted&#x201D; &unknown; & done')).toEqual([
      para([textNode('AT&T © 2026 — “quoted” &unknown; & done')]),
    ]);
    expect(blocks('\\*not emphasis\\* \\<b\\>')).toEqual([para([textNode('*not emphasis* <b>')])]);
    expect(decodeEntities('&#0; &#xD800; &#1114112;')).toBe('\ufffd \ufffd \ufffd');
  });

  it('flattens a table into one paragraph per row, the header in bold', () => {
    expect(blocks('| Ship | Port |\n|---|---|\n| Orla | Kestrava |')).toEqual([
      para([textNode('Ship', bold), textNode(' | '), textNode('Port', bold)]),
      para([textNode('Orla | Kestrava')]),
    ]);
  });

  it('gives the brief the plain text a reader sees', () => {
    const doc = md('# Findings\n\nThe **terminal** changed hands [[cite:exc_aaa]].\n\n- one\n  - nested');
    expect(plainTextOf(doc)).toBe(`Findings\nThe terminal changed hands “${EXCERPTS.exc_aaa.quote}” .\none\nnested`);
  });

  it('produces only nodes whose shape the builders define', () => {
    const doc = md(FULL);
    const builders: Record<string, (n: SerializedNode) => SerializedNode> = {
      text: (n) => (n.type === 'text' ? textNode(n.text, n.format) : n),
      citation: (n) => (n.type === 'citation' ? citationNode(n.excerptId, n.quoteAtCitation, n.sourceTitleAtCitation) : n),
      paragraph: (n) => para((n as { children: SerializedNode[] }).children),
      heading: (n) => (n.type === 'heading' ? headingNode(n.tag, n.children) : n),
      quote: (n) => quoteNode((n as { children: SerializedNode[] }).children),
      list: (n) => (n.type === 'list' ? listNode(n.listType as 'bullet' | 'number', n.children as never, n.start) : n),
      listitem: (n) => (n.type === 'listitem' ? { ...listItemNode(n.children, n.value), indent: n.indent } : n),
      link: (n) => (n.type === 'link' ? { ...linkNode(n.url, n.children), title: n.title } : n),
      linebreak: () => br,
    };
    const seen = new Set<string>();
    for (const node of walk(doc.root)) {
      if (node.type === 'root') continue;
      seen.add(node.type);
      const build = builders[node.type];
      expect(build, `unexpected node type ${node.type}`).toBeDefined();
      expect(node).toEqual(build(node as SerializedNode));
    }
    expect([...seen].sort()).toEqual(Object.keys(builders).sort());
  });

  it('produces a document Lexical loads and serialises back unchanged', () => {
    const more = ['# **Bold** heading\n\n[**b**](http://x.test) para', '_it_ **[[cite:exc_aaa]]**\n\n[[cite:exc_aaa]] **b**', '- *a*\n\n> **q**', '[see [[cite:exc_aaa]]](http://x.test) <b>x</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |'];
    for (const markdown of [FULL, '', '- [ ] task\n\n> q\n>\n> r', '1. a\n   1. b\n      - c\n2. d\n\n5. five\n   - x', ...more]) {
      const doc = md(markdown);
      expect(throughLexical(doc), markdown).toEqual(doc);
    }
  });

  it('reads the sample brief the app seeds a new workspace with', () => {
    const markdown = readFileSync(new URL('../../../resources/sample/brief.md', import.meta.url), 'utf8');
    const doc = briefFromMarkdown(markdown, (id) => (/^@\d+$/.test(id) ? { quote: `quote ${id}`, sourceTitle: 'Sample' } : null));
    expect(citationsOf(doc).map((c) => c.excerptId)).toEqual(['@3', '@5', '@6', '@7', '@8']);
    expect(doc.root.children.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'heading', 'paragraph', 'heading', 'list']);
    expect(throughLexical(doc)).toEqual(doc);
  });
});

const FULL = `# Kestrava terminal

The concession **changed hands _quietly_** in June [[cite:exc_aaa]], and ~~nobody~~ \`few\` noticed.
A [report](https://example.org/report "Report") followed.  
Second line.

## Findings

1. Motors declared as *sprayer parts* [[cite:exc_b_c]]
   - routed through [the East Terminal](http://example.org/east)
     - twice
   - cleared in hours
2. Screening gaps

> The terminal is a *gateway*. [[cite:exc_aaa]]

\`\`\`
raw code
\`\`\`

<p>Inline <b>html</b> &amp; text</p>

- last
`;
