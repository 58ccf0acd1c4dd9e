import { describe, expect, it } from 'vitest';
import { TEXT_FORMAT, citationNode, headingNode, linkNode, paragraphNode, rootNode, textNode } from '../../../db/brief/document';
import { citationNumbers, escapeHtml, formatExportDate, renderBriefHtml, safeUrl } from '../../../electron/services/export/briefHtml';
import { excerptView } from '../../helpers/excerptView';
import { expectGolden } from '../../helpers/golden';
import { GENERATED_AT, TITLE, briefBlocks, changed, concession, seizure } from './fixtures';

const STYLESHEET = 'body { font-family: serif; }';

const document = rootNode([...briefBlocks({ lineBreakInList: false }), paragraphNode([])]);
// brief.html was written when all three excerpts came from one source and none had a page.
const excerpts = new Map([concession, { ...seizure, sourceId: 'src_1', page: null }, { ...changed, sourceId: 'src_1' }].map((x) => [x.id, x]));
const render = (overrides: Partial<Parameters<typeof renderBriefHtml>[0]> = {}) =>
  renderBriefHtml({ title: TITLE, document, excerpts, generatedAt: GENERATED_AT, stylesheet: STYLESHEET, ...overrides });

describe('renderBriefHtml', () => {
  it('matches the golden file', () => {
    expectGolden(render(), 'brief.html');
  });

  it('is a self-contained document: inline style, a strict CSP, no script, nothing external', () => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`);
    expect(html).toContain(`<style>\n${STYLESHEET}\n</style>`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:|mailto:)/);
    expect(render({ stylesheet: 'p{} </style><script>x()</script>' })).not.toContain('</style><script>');
  });

  it('shows the title and the export date', () => {
    const html = render();
    expect(html).toContain('<title>East Terminal: concession &amp; seizures</title>');
    expect(html).toContain('<h1 class="brief-title">East Terminal: concession &amp; seizures</h1>');
    expect(html).toContain('Exported <time datetime="2026-03-01T09:30:00.000Z">1 March 2026, 09:30 UTC</time>');
  });

  it('numbers excerpts in order of first citation and reuses the number for a repeat', () => {
    expect([...citationNumbers(document)]).toEqual([
      [concession.id, 1],
      [seizure.id, 2],
      ['exc_deleted', 3],
      [changed.id, 4],
    ]);
    const html = render();
    const markers = [...html.matchAll(/<sup class="cite" id="(cite-\d+-\d+)"><a href="#(note-\d+)"[^>]*>\[(\d+)\]<\/a><\/sup>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(markers).toEqual([
      ['cite-1-1', 'note-1', '1'],
      ['cite-2-1', 'note-2', '2'],
      ['cite-1-2', 'note-1', '1'],
      ['cite-3-1', 'note-3', '3'],
      ['cite-4-1', 'note-4', '4'],
    ]);
    // every note exists, and links back to every marker of its excerpt
    for (const n of [1, 2, 3, 4]) expect(html).toContain(`<li class="note" id="note-${n}"><a class="note-number" href="#cite-${n}-1"`);
    expect(html).toMatch(/↩ <a href="#cite-1-1">a<\/a> <a href="#cite-1-2">b<\/a>/);
  });

  it('writes each note as quote, then source title, publisher, date, URL and grade', () => {
    const html = render();
    expect(html).toContain(
      '<span class="note-quote" dir="auto">“The concession runs for thirty years and covers both berths of the East Terminal.”</span> ' +
        '<span class="note-source">— <cite>Kestrava awards terminal concession to Halvard Maritime</cite>. The Kestrava Ledger, 2025-06-12. ' +
        '<a class="note-url" href="https://ledger.example/2025/06/terminal-concession">https://ledger.example/2025/06/terminal-concession</a> ' +
        '<span class="note-grade">Grade B2.</span></span>',
    );
    // a source URL that is not http(s) is not shown at all; the grade with an unknown half
    const seizureNote = html.slice(html.indexOf('id="note-2"'), html.indexOf('id="note-3"'));
    expect(seizureNote).toContain('Meridian Freight Review, 2025-11-04.');
    expect(seizureNote).not.toContain('javascript');
    expect(seizureNote).toContain('Grade C?.');
  });

  it('says plainly when a cited excerpt was deleted, and shows the quote as cited', () => {
    const note = render().match(/<li class="note" id="note-3">[\s\S]*?<\/li>/)![0];
    expect(note).toContain('“Halvard’s chair sits on the port authority board.”');
    expect(note).toContain('<cite>Who owns Halvard?</cite>');
    expect(note).toContain('Excerpt deleted — quote as cited.');
  });

  it('shows the current quote of a changed excerpt and remarks that it changed', () => {
    const note = render().match(/<li class="note" id="note-4">[\s\S]*?<\/li>/)![0];
    expect(note).toContain('“Screening covered 4 per cent of containers in 2025.”');
    expect(note).toContain('Changed since cited; as cited: <span class="note-quote" dir="auto">“Screening covered 2 per cent of containers in 2025.”</span>');
    expect(render().match(/<li class="note" id="note-1">[\s\S]*?<\/li>/)![0]).not.toContain('Changed since cited');
  });

  it('puts a nested list inside the item before it, and keeps unsafe links as text', () => {
    const html = render();
    expect(html).toContain('<li>Concession terms: <a href="https://ledger.example/terms?a=1&amp;b=2">published summary</a>\n<ol>\n<li>thirty years</li>\n<li>two berths</li>\n</ol>\n</li>');
    expect(html).toContain('<li>Unsafe link stays text: click</li>');
  });

  it('escapes every piece of user text, attributes included', () => {
    const evil = '<script>alert("x")</script> & \'q\'';
    const doc = rootNode([
      headingNode('h1', [textNode(evil)]),
      paragraphNode([textNode(evil, TEXT_FORMAT.bold), citationNode('exc_evil', evil, evil), linkNode('https://x.test/"onmouseover="alert(1)', [textNode('l')])]),
    ]);
    const x = excerptView('exc_evil', { quote: evil, sourceTitle: evil, sourcePublisher: evil, sourcePublishedAt: evil, sourceUrl: 'https://x.test/?q="><script>' });
    const html = renderBriefHtml({ title: evil, document: doc, excerpts: new Map([[x.id, x]]), generatedAt: GENERATED_AT, stylesheet: '' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</title>');
    expect(html).toContain('“&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;”');
    expect(html).toContain('href="https://x.test/?q=&quot;&gt;&lt;script&gt;"');
    const deleted = renderBriefHtml({ title: 't', document: doc, excerpts: new Map(), generatedAt: GENERATED_AT, stylesheet: '' });
    expect(deleted).not.toContain('<script>');
    expect(deleted).toContain('<cite>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</cite>');
  });

  it('sets a marker met inside a link right after the link, never inside it', () => {
    const doc = rootNode([paragraphNode([linkNode('https://a.test', [textNode('see'), citationNode(concession.id, concession.quote)])])]);
    const html = renderBriefHtml({ title: 't', document: doc, excerpts, generatedAt: GENERATED_AT, stylesheet: '' });
    expect(html).toContain('<p><a href="https://a.test">see</a><sup class="cite" id="cite-1-1">');
  });

  it('leaves out the notes when nothing is cited, and empty paragraphs always', () => {
    const html = renderBriefHtml({ title: 'Empty', document: rootNode([paragraphNode([])]), excerpts: new Map(), generatedAt: GENERATED_AT, stylesheet: '' });
    expect(html).not.toContain('Notes');
    expect(html).not.toContain('<p></p>');
  });

  it('remarks on an excerpt whose passage is no longer found in its source', () => {
    const lost = { ...concession, state: 'orphaned' as const };
    const doc = rootNode([paragraphNode([citationNode(lost.id, lost.quote)])]);
    expect(renderBriefHtml({ title: 't', document: doc, excerpts: new Map([[lost.id, lost]]), generatedAt: GENERATED_AT, stylesheet: '' })).toContain(
      'no longer found in the source’s current text',
    );
  });
});

describe('helpers', () => {
  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('accepts only http, https and mailto URLs', () => {
    expect(safeUrl('https://a.test/x')).toBe('https://a.test/x');
    expect(safeUrl(' mailto:a@b.test ')).toBe('mailto:a@b.test');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' java\tscript:x', 'data:text/html,x', 'file:///etc/passwd', 'relative/path', '', null]) {
      expect(safeUrl(bad), String(bad)).toBeNull();
    }
    expect(safeUrl('mailto:a@b.test', ['http:', 'https:'])).toBeNull();
  });

  it('formats the export date the same in every time zone', () => {
    expect(formatExportDate(new Date('2026-12-31T23:05:00Z'))).toBe('31 December 2026, 23:05 UTC');
  });
});
