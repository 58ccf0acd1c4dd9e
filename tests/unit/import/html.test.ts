import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlFragmentToText, withFasterHelpers } from '../../../electron/services/import/html';
import { parseDocument } from '../../../electron/services/import/parse';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const html = (markup: string, name = 'page.html') => parseDocument(name, new TextEncoder().encode(markup));

describe('HTML: a news article page', () => {
  const parsed = parseDocument('port-grain-halt.html', fixture('news-article.html'));

  it('picks the metadata a reader would expect', () => {
    expect(parsed.format).toBe('html');
    expect(parsed.meta).toEqual({
      title: 'Port authority halts grain shipments after drone strike',
      author: 'Marta Kowalczyk',
      publisher: 'The Harbour Gazette',
      publishedAt: '2024-03-05T08:30:00+02:00',
      url: 'https://www.harbourgazette.example/world/port-grain-halt',
      language: 'en-GB',
    });
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps the article paragraphs, in order', () => {
    const paragraphs = [
      'The port authority suspended all grain loading at the northern terminal on Tuesday',
      'No one was hurt in the strike, which hit shortly before 3 a.m. local time, according to a statement from the regional governor’s office.',
      '“We will not resume operations until the inspectors have certified every berth,” the harbour master, Ilse Brandt, told reporters at the gate.',
      'Insurers raise premiums',
      'Shipping insurers said they would review war-risk premiums',
      '• Grain exports fell 12% in February.\n• The terminal handles about a third of the region’s wheat.',
      'Analysts at the Baltic Freight Institute estimated',
      'The authority said it expected to publish the inspection results on Thursday.',
    ];
    let from = 0;
    for (const paragraph of paragraphs) {
      const at = parsed.text.indexOf(paragraph, from);
      expect(at, paragraph).toBeGreaterThanOrEqual(from);
      from = at + paragraph.length;
    }
  });

  it('leaves the page clutter out', () => {
    for (const clutter of [
      'cookies', 'Accept all', 'Business', 'Sport', 'Search', 'Advertisement', 'Related', 'Wheat prices climb',
      'Share on', 'More from World', 'Ferry operator', 'All rights reserved', 'Privacy policy', 'dataLayer',
      'trackPageView', 'min-height', '@context', 'By Marta',
    ]) {
      expect(parsed.text, clutter).not.toContain(clutter);
    }
  });
});

describe('HTML: metadata fallbacks', () => {
  it('strips the site name from <title>, reads meta author, dates and canonical links', () => {
    const parsed = html(`<!doctype html><html lang="de"><head>
      <title>Hochwasser im Süden - Tagesblatt</title>
      <meta name="application-name" content="Tagesblatt">
      <meta name="author" content="By Jonas Berg">
      <meta name="date" content="2023-11-02">
      <link rel="canonical" href="/relative/url">
      <meta property="og:url" content="javascript:alert(1)">
      </head><body><h1>Hochwasser</h1><p>Der Pegel steigt.</p></body></html>`);
    expect(parsed.meta).toEqual({
      title: 'Hochwasser im Süden',
      author: 'Jonas Berg',
      publisher: 'Tagesblatt',
      publishedAt: '2023-11-02',
      url: null,
      language: 'de',
    });
  });

  it('uses the first h1 when the page has no title, and the file name when it has neither', () => {
    expect(html('<body><h1>Situation report</h1><p>All quiet.</p></body>').meta.title).toBe('Situation report');
    expect(html('<p>All quiet.</p>', 'sitrep 12.htm').meta.title).toBe('sitrep 12');
    expect(html('<body><svg><title>Logo</title></svg><p>All quiet.</p></body>', 'sitrep 13.htm').meta.title).toBe('sitrep 13');
  });

  it('survives malformed JSON-LD and keeps unparseable dates as written', () => {
    const parsed = html(`<html><head><title>Notice</title>
      <script type="application/ld+json">{ "headline": "Broken", </script>
      <meta property="article:published_time" content="Spring 2022">
      </head><body><p>Text.</p></body></html>`);
    expect(parsed.meta.title).toBe('Notice');
    expect(parsed.meta.publishedAt).toBe('Spring 2022');
  });

  it('takes a <time datetime> when nothing else gives a date', () => {
    const parsed = html('<html><body><article><time datetime="2021-06-01T10:00:00Z">1 June</time><p>Text.</p></article></body></html>');
    expect(parsed.meta.publishedAt).toBe('2021-06-01T10:00:00Z');
  });
});

describe('HTML: text', () => {
  it('never lets scripts, styles, event handlers or javascript: URLs into the text', () => {
    const parsed = html(`<!doctype html><html><head>
      <style>body { background: url(evil.png) } .x::after { content: "css text" }</style>
      <script>alert(1)</script></head>
      <body onload="alert(0)">
      <p>Safe paragraph one.<script>alert(1)</script></p>
      <p><img src=x onerror=alert(1)>Safe paragraph two with a <a href="javascript:alert(1)">link</a>.</p>
      <iframe src="javascript:alert(1)">iframe fallback text</iframe>
      <p style="color:red" onclick="alert(1)">Safe paragraph three.</p>
      <noscript><p>enable javascript: alert</p></noscript>
      <svg><script>alert(1)</script><text>svg text</text></svg>
      <template><p>alert template</p></template>
      <object data="x"><embed src="y"></object>
      <style>p { color: blue }</style>
      </body></html>`);
    expect(parsed.text).toBe('Safe paragraph one.\n\nSafe paragraph two with a link.\n\nSafe paragraph three.');
    for (const bad of ['alert', 'onerror', 'onclick', 'javascript:', 'background', 'color', 'css text', 'svg text', 'iframe']) {
      expect(parsed.text, bad).not.toContain(bad);
    }
  });

  it('walks blocks: paragraphs, line breaks, lists, pre, tables, divs with direct text', () => {
    const parsed = html(`<body>
      <div>Direct text in a div</div>
      <p>Line one<br>line two &amp; <em>emphasis</em>&nbsp;here</p>
      <ol start="3"><li>Third</li><li><p>Fourth</p></li></ol>
      <pre>  indented
    code</pre>
      <table><tr><th>Name</th><th>Role</th></tr><tr><td>Ann</td><td>Lead</td></tr></table>
      <blockquote>A quoted <b>passage</b>.</blockquote>
      </body>`);
    expect(parsed.text).toBe(
      'Direct text in a div\n\nLine one\nline two & emphasis here\n\n3. Third\n4. Fourth\n\nindented\ncode\n\nName | Role\nAnn | Lead\n\nA quoted passage.',
    );
  });

  it('keeps the text of a page wrapped in one big form (ASP.NET) but drops sign-up forms', () => {
    const parsed = html(`<body><form id="aspnetForm">
      <p>First paragraph of the page.</p><p>Second paragraph.</p><p>Third paragraph.</p>
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">
      </form><form><p>Sign up to our newsletter</p><input name="email"></form></body>`);
    expect(parsed.text).toBe('First paragraph of the page.\n\nSecond paragraph.\n\nThird paragraph.');
  });

  it('handles a page without <html> or <body> and uppercase markup', () => {
    const parsed = html('<HTML LANG="FR"><TITLE>Titre</TITLE><P CLASS="x">Bonjour&nbsp;le monde</P></HTML>');
    expect(parsed.meta.title).toBe('Titre');
    expect(parsed.meta.language).toBe('FR');
    expect(parsed.text).toBe('Bonjour le monde');
  });
});

describe('HTML: the cleaning pass', () => {
  it('judges clutter by its visible text, counting inner clutter, and forms by the paragraphs clutter leaves', () => {
    // Hidden text does not make an advertisement long enough to stay.
    expect(htmlFragmentToText(`<div class="ad">Buy now<span hidden>${'x'.repeat(700)}</span></div><p>Story.</p>`)).toBe('Story.');
    // A wrapper is measured with the clutter inside it (which then goes on its own).
    expect(htmlFragmentToText(`<div class="promo">${'z'.repeat(590)}<div class="ad">Buy one, get one free</div></div><p>Story.</p>`)).toBe(`${'z'.repeat(590)}\n\nStory.`);
    // A page-wrapping form counts the paragraphs of a form inside it; that inner form is a sign-up form.
    expect(htmlFragmentToText('<form id="aspnetForm"><p>One.</p><form><p>Two.</p><p>Three.</p></form></form><p>Story.</p>')).toBe('One.\n\nStory.');
    // Paragraphs of clutter inside a form do not count for it.
    expect(htmlFragmentToText('<form><p>Join us</p><p>Weekly</p><div class="promo"><p>Free</p></div></form><p>Story.</p>')).toBe('Story.');
  });

  it('reads attribute names case-insensitively', () => {
    expect(htmlFragmentToText('<DIV CLASS="ad">Buy now</DIV><P STYLE="display:none">Hidden</P><P Aria-Hidden="true">Also hidden</P><P>Story.</P>')).toBe('Story.');
    const parsed = html(`<HTML><HEAD><TITLE>Upper</TITLE><META NAME="author" CONTENT="Ann Upper"></HEAD><BODY><P>${'Harbour cranes were idle. '.repeat(20)}</P></BODY></HTML>`);
    expect(parsed.meta.title).toBe('Upper');
    expect(parsed.meta.author).toBe('Ann Upper');
  });

  it('gives Readability a bare <html>/<body>: the page’s own attributes on them do not hide the article', () => {
    const story = 'Harbour cranes were idle for most of the week. '.repeat(16).trim();
    const parsed = html(`<!doctype html><html class="comment" hidden><head><title>T</title></head>
      <body class="sidebar comment" aria-hidden="true" style="display:none"><p>${story}</p><p>Second paragraph.</p></body></html>`);
    expect(parsed.text).toBe(`${story}\n\nSecond paragraph.`);
  });

  it('takes the content of <body> only, and no metadata from inside a <template>', () => {
    const story = 'Harbour cranes were idle for most of the week. '.repeat(16).trim();
    const parsed = html(`<html><head><template><meta name="author" content="Templated"><title>Template title</title></template>
      <title>Real title</title></head><p>Stray before the body.</p><body><p>${story}</p></body><p>Stray after.</p></html>`);
    expect(parsed.text).toBe(story);
    expect(parsed.meta.title).toBe('Real title');
    expect(parsed.meta.author).toBeNull();
  });

  it('keeps the paragraphs of a layout table apart and writes data rows as cells', () => {
    expect(htmlFragmentToText('<table><tr><td><p>One</p><p>Two</p></td><td>Side</td></tr><tr><td>a</td><td>b</td></tr></table>')).toBe('One\nTwo\nSide\na | b');
  });
});

describe('HTML: Readability with faster helpers', () => {
  const story = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the report: the harbour board said the cranes would stay idle, with ${i * 7} containers waiting.</p>`).join('');
  const pages = [
    fixture('news-article.html').toString('utf8'),
    `<!doctype html><html><head><title>Cranes idle</title><style>p{}</style><script>x()</script></head><body>
      <h1>Cranes idle</h1><div class="share">Share</div><article>${story(8)}<figure><img src="a.png"><figcaption>A crane</figcaption></figure>
      <p><font>Old markup</font><br><br>after breaks</p><table><tr><td>1</td><td>2</td></tr></table><ul><li><a href="javascript:x()">x</a></li></ul>
      <template><p>template</p></template><iframe src="v"></iframe><p></p></article><aside>${story(2)}</aside><footer>Footer</footer></body></html>`,
    `<html><body><div><h2>Short</h2><p>Too short for an article.</p></div></body></html>`,
    `<html><head><title>Visibility</title></head><body><div style="display: none">${story(3)}</div><div style="visibility:hidden">${story(2)}</div>
      <div style="color: red">${story(4)}</div><div hidden>${story(2)}</div><div aria-hidden="true">${story(2)}</div>
      <div aria-hidden="true" class="fallback-image">${story(2)}</div><div aria-hidden="false">${story(3)}</div>
      <svg><text>${story(1)}</text></svg></body></html>`,
  ];
  it('imports a page of 130,000 sibling paragraphs without overflowing the stack', () => {
    const markup = `<html><head><title>Long list</title></head><body>${'<p>Row of the register.</p>'.repeat(130_000)}<p>Last row.</p></body></html>`;
    const doc = html(markup);
    expect(doc.text.startsWith('Row of the register.')).toBe(true);
    expect(doc.text.endsWith('Last row.')).toBe(true);
    expect(doc.text.split('\n\n')).toHaveLength(130_001);
  }, 120_000);

  it('gives the same result as Readability as published', () => {
    for (const page of pages) {
      const stock = new Readability(parseHTML(page).document as unknown as Document).parse();
      const reader = new Readability(parseHTML(page).document as unknown as Document);
      withFasterHelpers(reader);
      expect(reader.parse()).toEqual(stock);
    }
  });
});
