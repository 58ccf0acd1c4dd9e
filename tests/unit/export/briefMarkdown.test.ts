import { parseHTML } from 'linkedom';
import { type Token, Lexer, marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../../db/brief/integrity';
import type { BriefDocument, SerializedNode } from '../../../db/brief/document';
import { TEXT_FORMAT, citationNode, headingNode, linkNode, listItemNode, listNode, paragraphNode, quoteNode, rootNode, textNode } from '../../../db/brief/document';
import { renderBriefHtml } from '../../../electron/services/export/briefHtml';
import { briefNotes, escapeMarkdown, renderBriefMarkdown } from '../../../electron/services/export/briefMarkdown';
import { excerptView } from '../../helpers/excerptView';
import { expectGolden } from '../../helpers/golden';
import { BANNER, GENERATED_AT, TITLE, br, briefBlocks, changed, concession, excerpts, seizure } from './fixtures';

const document = rootNode([
  ...briefBlocks(),
  headingNode('h3', [textNode('Outlook, '), textNode('bold and italic', TEXT_FORMAT.bold | TEXT_FORMAT.italic)]),
  paragraphNode([textNode('Bold, '), textNode('then italic too', TEXT_FORMAT.bold | TEXT_FORMAT.italic), textNode(' and back', TEXT_FORMAT.bold), textNode(' to plain.')]),
  paragraphNode([]),
]);
const warnings = checkCitations(document, excerpts).filter((c) => c.status !== 'ok');
type Input = Parameters<typeof renderBriefMarkdown>[0];
const render = (overrides: Partial<Input> = {}) =>
  renderBriefMarkdown({ title: TITLE, document, excerpts, generatedAt: GENERATED_AT, banner: BANNER, warnings, ...overrides });
const renderDoc = (doc: BriefDocument, overrides: Partial<Input> = {}) => renderBriefMarkdown({ title: 't', document: doc, excerpts, generatedAt: GENERATED_AT, ...overrides });

/** The text a reader sees once marked has rendered the Markdown. */
const visibleText = (markdown: string) => parseHTML(`<html><body>${marked.parse(markdown, { async: false }).replace(/<br>/g, ' ')}</body></html>`).document.body.textContent!.replace(/\s+/g, ' ').trim();
const blockTokens = (markdown: string) => new Lexer({ gfm: true }).lex(markdown).filter((t) => t.type !== 'space');
const footnoteMarkers = (s: string) => [...s.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]));

describe('renderBriefMarkdown', () => {
  it('matches the golden file', () => {
    expectGolden(render(), 'brief.md');
  });

  it('opens with the banner in bold, then the title and the export date', () => {
    const lines = render().split('\n');
    expect(lines.slice(0, 5)).toEqual([`**${BANNER}**`, '', '# East Terminal: concession & seizures', '', '*Exported 1 March 2026, 09:30 UTC*']);
    expect(render({ banner: undefined }).startsWith('# East Terminal')).toBe(true);
    expect(render({ banner: '   ' }).startsWith('# East Terminal')).toBe(true);
  });

  it('numbers the notes as the HTML does, a repeated citation reusing its label', () => {
    const md = render();
    const body = md.slice(0, md.indexOf('## Sources'));
    expect(footnoteMarkers(body)).toEqual([1, 2, 1, 3, 4]);
    const html = renderBriefHtml({ title: 't', document, excerpts, generatedAt: GENERATED_AT, stylesheet: '' });
    const htmlMarkers = [...html.matchAll(/<sup class="cite"[^>]*><a[^>]*>\[(\d+)\]<\/a><\/sup>/g)].map((m) => Number(m[1]));
    expect(footnoteMarkers(body)).toEqual(htmlMarkers);
    // one definition per note, in order, at the very end
    const definitions = [...md.matchAll(/^\[\^(\d+)\]: /gm)].map((m) => Number(m[1]));
    expect(definitions).toEqual([1, 2, 3, 4]);
    expect(md.lastIndexOf('[^4]: ')).toBeGreaterThan(md.indexOf('## Citation warnings'));
    expect(briefNotes(document, excerpts).map((n) => [n.number, n.excerptId, n.citations])).toEqual([
      [1, concession.id, 2],
      [2, seizure.id, 1],
      [3, 'exc_deleted', 1],
      [4, changed.id, 1],
    ]);
  });

  it('writes each note as quote, source title, publisher, date, page, URL and grade', () => {
    const md = render();
    expect(md).toContain(
      '[^1]: “The concession runs for thirty years and covers both berths of the East Terminal.” — *Kestrava awards terminal concession to Halvard Maritime*. ' +
        'The Kestrava Ledger, 2025-06-12. <https://ledger.example/2025/06/terminal-concession> Grade B2.\n',
    );
    // no URL that is not http(s); the page of a PDF source; the grade with an unknown half
    expect(md).toContain('[^2]: “Officers found 1,140 brushless motors declared as agricultural sprayer parts.” — *Customs seize drone components at East Terminal*. Meridian Freight Review, 2025-11-04. p. 3. Grade C?.\n');
    expect(md).not.toContain('javascript');
  });

  it('says when an excerpt was deleted or changed since cited', () => {
    const md = render();
    expect(md).toContain('[^3]: “Halvard’s chair sits on the port authority board.” — *Who owns Halvard?* Excerpt deleted — quote as cited.\n');
    expect(md).toContain(
      '[^4]: “Screening covered 4 per cent of containers in 2025.” — *Inquiry into terminal screening*. Grade ?3. Changed since cited; as cited: “Screening covered 2 per cent of containers in 2025.”\n',
    );
    const lost = { ...concession, state: 'orphaned' as const };
    expect(renderDoc(rootNode([paragraphNode([citationNode(lost.id, lost.quote)])]), { excerpts: new Map([[lost.id, lost]]) })).toContain(
      'Grade B2. The passage is no longer found in the source’s current text.\n',
    );
  });

  it('lists the sources once each, and the citation warnings', () => {
    const md = render();
    expect(md).toContain(
      '## Sources\n\n' +
        '1. *Kestrava awards terminal concession to Halvard Maritime*. The Kestrava Ledger, 2025-06-12. <https://ledger.example/2025/06/terminal-concession> Reliability B.\n' +
        '2. *Customs seize drone components at East Terminal*. Meridian Freight Review, 2025-11-04. Reliability C.\n' +
        '3. *Inquiry into terminal screening*.\n\n',
    );
    expect(md).toContain('## Citation warnings\n\n- ungraded — note 2: no information credibility. As cited: “Officers found');
    expect(md).toContain('- deleted — note 3: the excerpt was deleted. As cited: “Halvard’s chair sits on the port authority board.”\n');
    expect(md).toContain('- changed — note 4: the quote changed since it was cited. As cited: “Screening covered 2 per cent of containers in 2025.”\n');
    expect(render({ warnings: [] })).not.toContain('Citation warnings');
  });

  it('parses back (marked) into the same headings, formats, lists, quote and markers', () => {
    const md = render();
    const tokens = blockTokens(md);
    const headings = tokens.filter((t): t is Token & { depth: number; text: string } => t.type === 'heading').map((t) => [t.depth, t.text]);
    expect(headings).toEqual([
      [1, 'East Terminal: concession & seizures'],
      [2, 'Key judgements'],
      [3, 'Outlook, ***bold and italic***'],
      [2, 'Sources'],
      [2, 'Citation warnings'],
    ]);
    expect(tokens.map((t) => t.type)).toEqual([
      'paragraph', // banner
      'heading',
      'paragraph', // exported
      'heading',
      'paragraph',
      'list',
      'blockquote',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'list',
      'heading',
      'list',
      'paragraph', // [^1]: …
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    const html = marked.parse(md, { async: false });
    expect(html).toContain(
      '<p>The terminal changed hands <strong>without open tender</strong> in June[^1]. Seizures followed[^2], and <em>screening</em> stayed <del>thin</del> <code>minimal</code>.</p>',
    );
    expect(html).toContain('<li>Concession terms: <a href="https://ledger.example/terms?a=1&amp;b=2">published summary</a><ol>\n<li>thirty years</li>\n<li>two berths<br>(East and West)</li>\n</ol>\n</li>');
    expect(html).toContain('<li>Unsafe link stays text: click</li>');
    expect(html).toContain('<blockquote>\n<p>Officers found the motors in three containers.<br>— customs statement</p>\n</blockquote>');
    expect(html).toContain('<p>Bold, <strong><em>then italic too</em> and back</strong> to plain.</p>');
    expect(html).toContain('<h3>Outlook, <em><strong>bold and italic</strong></em></h3>');
    // every marker in the body has its definition
    const body = md.slice(0, md.indexOf('## Sources'));
    for (const n of new Set(footnoteMarkers(body))) expect(md).toMatch(new RegExp(`^\\[\\^${n}\\]: “`, 'm'));
  });

  it('escapes user text so it can never change the structure', () => {
    const nasty = [
      '*not emphasis* and _not either_ and **nor this**',
      '[a link](https://x.test) and ![an image](x.png) and [^1] a fake note',
      '# not a heading',
      '## Issue #',
      '<b>not html</b> <https://not.autolink> <!-- no comment -->',
      '1. not a list',
      '2) nor this',
      '- no bullet',
      '+ no bullet',
      '* no bullet',
      '> no quote',
      '`not code` and ``nor this``',
      '~~not struck~~ ~nor this~',
      'a | b | c',
      '&amp; stays as written, &#65; too',
      'back\\slash \\* and a trailing backslash\\',
      '---',
      '===',
      '***',
      '    four spaces',
      '```',
      '~~~',
      '[x]: https://definition.test',
      'Plain C# and 50% and a_b_c',
    ];
    for (const evil of nasty) {
      const expected = evil.replace(/\s+/g, ' ').trim();
      const cases: [string, BriefDocument, string][] = [
        ['paragraph', rootNode([paragraphNode([textNode(evil)])]), 'paragraph'],
        ['bold', rootNode([paragraphNode([textNode(evil, TEXT_FORMAT.bold)])]), 'paragraph'],
        ['heading', rootNode([headingNode('h2', [textNode(evil)])]), 'heading'],
        ['list item', rootNode([listNode('bullet', [listItemNode([textNode(evil)], 1)])]), 'list'],
        ['quote', rootNode([quoteNode([textNode('first line'), br, textNode(evil)])]), 'blockquote'],
        ['after a line break', rootNode([paragraphNode([textNode('first line'), br, textNode(evil)])]), 'paragraph'],
      ];
      for (const [label, doc, type] of cases) {
        const md = renderDoc(doc, { title: 'T' });
        const tokens = blockTokens(md);
        expect(tokens.map((t) => t.type), `${label}: ${evil}\n${md}`).toEqual(['heading', 'paragraph', type]);
        const body = md.slice(md.indexOf('\n\n', md.indexOf('*Exported')) + 2);
        expect(visibleText(body).replace(/^first line /, ''), `${label}: ${evil}\n${md}`).toBe(expected);
      }
      // the title, a quote and a source title (in a note and in the sources)
      const x = excerptView('exc_evil', { quote: evil, sourceTitle: evil, sourcePublisher: evil });
      const md = renderBriefMarkdown({
        title: evil,
        document: rootNode([paragraphNode([textNode('Cited'), citationNode(x.id, evil, evil)])]),
        excerpts: new Map([[x.id, x]]),
        generatedAt: GENERATED_AT,
        banner: evil,
      });
      const tokens = blockTokens(md);
      expect(tokens.map((t) => t.type), `${evil}\n${md}`).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph', 'heading', 'list', 'paragraph']);
      expect(visibleText(md.split('\n')[0]), evil).toBe(expected);
      expect(visibleText(md.split('\n')[2]), evil).toBe(expected);
      const note = md.slice(md.indexOf('[^1]: '));
      expect(visibleText(note.slice('[^1]: '.length)), evil).toBe(`“${expected}” — ${expected}${/[.!?…]["'”’)]*$/.test(expected) ? '' : '.'} ${expected}.`);
    }
  });

  it('escapes the characters that matter, and only those inline', () => {
    expect(escapeMarkdown('a*b_c[d]e<f>g`h~i|j\\k')).toBe('a\\*b\\_c\\[d\\]e\\<f>g\\`h\\~i\\|j\\\\k');
    expect(escapeMarkdown('&amp; & &#65; AT&T')).toBe('\\&amp; & \\&#65; AT&T');
    expect(escapeMarkdown('1. # - + = . ! ( ) "')).toBe('1. # - + = . ! ( ) "');
  });

  it('keeps a code span whole whatever backticks it holds', () => {
    const md = renderDoc(rootNode([paragraphNode([textNode('run '), textNode('a `b` ``c``', TEXT_FORMAT.code)])]));
    expect(marked.parse(md, { async: false })).toContain('<p>run <code>a `b` ``c``</code></p>');
  });

  it('keeps whitespace outside of emphasis delimiters', () => {
    const md = renderDoc(rootNode([paragraphNode([textNode('a'), textNode(' bold ', TEXT_FORMAT.bold), textNode('b')])]));
    expect(md).toContain('a **bold** b');
    expect(marked.parse(md, { async: false })).toContain('<p>a <strong>bold</strong> b</p>');
  });

  it('sets a marker met inside a link right after the link, and escapes the link URL', () => {
    const doc = rootNode([
      paragraphNode([
        linkNode('https://a.test/x_(y)?q=a b', [textNode('see '), textNode('this', TEXT_FORMAT.italic), citationNode(concession.id, concession.quote)]),
        textNode(' and '),
        linkNode('https://b.test', [citationNode(seizure.id, seizure.quote)]),
      ]),
    ]);
    const md = renderDoc(doc);
    expect(md).toContain('[see *this*](https://a.test/x_\\(y\\)?q=a%20b)[^1] and [https://b.test](https://b.test)[^2]');
    expect(marked.parse(md, { async: false })).toContain('<a href="https://a.test/x_(y)?q=a%20b">see <em>this</em></a>[^1]');
  });

  it('keeps two lists in a row apart, and nests with the right indentation', () => {
    const doc = rootNode([
      listNode('number', [listItemNode([textNode('one')], 1), listItemNode([listNode('bullet', [listItemNode([textNode('deep')], 1)])], 2)], 9),
      listNode('number', [listItemNode([textNode('other list')], 1)]),
      listNode('bullet', [listItemNode([textNode('a')], 1)]),
      listNode('bullet', [listItemNode([textNode('b')], 1)]),
      listNode('bullet', [listItemNode([textNode('c')], 1)]),
    ]);
    const md = renderDoc(doc);
    expect(md).toContain('9. one\n   - deep\n\n1) other list\n\n- a\n\n* b\n\n- c\n');
    const html = marked.parse(md, { async: false });
    expect(html.match(/<ol|<ul/g)).toEqual(['<ol', '<ul', '<ol', '<ul', '<ul', '<ul']);
    expect(html).toContain('<ol start="9">\n<li>one<ul>\n<li>deep</li>');
  });

  it('writes task lists, rules and code blocks', () => {
    const check = { ...listNode('bullet', [{ ...listItemNode([textNode('done')], 1), checked: true }, listItemNode([textNode('open')], 2)]), listType: 'check' as const };
    const code = { type: 'code', version: 1, direction: null, format: '', indent: 0, language: 'ts', children: [textNode('const a = `x`;'), br, textNode('```')] } as unknown as SerializedNode;
    const rule = { type: 'horizontalrule', version: 1 } as unknown as SerializedNode;
    const md = renderDoc(rootNode([check, rule, code]));
    expect(md).toContain('- [x] done\n- [ ] open\n\n---\n\n````ts\nconst a = `x`;\n```\n````\n');
  });

  it('leaves out notes, sources and empty paragraphs when there is nothing to show', () => {
    const md = renderDoc(rootNode([paragraphNode([]), paragraphNode([textNode('   ')]), quoteNode([br])]), { excerpts: new Map() });
    expect(md).toBe('# t\n\n*Exported 1 March 2026, 09:30 UTC*\n');
  });
});
