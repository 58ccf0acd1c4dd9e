// The paste cleaner on a real HTML parser (linkedom's), with what web pages and word
// processors actually put on the clipboard.
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { formattingStyles, isSafeHref, neutralizeHtml, parseSanitized } from '../../../renderer/src/editor/plugins/PastePlugin/sanitizeHtml';

const clean = (html: string) => parseSanitized(`<html><body>${html}</body></html>`, new DOMParser() as unknown as globalThis.DOMParser);

describe('cleaning pasted HTML', () => {
  test('drops scripts, styles, frames, embeds, forms and images with their content', () => {
    const doc = clean(`<p>keep</p><script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe>
      <object data="x"></object><embed src="x"><form><input value="x"><button>b</button></form><img src="x" onerror="alert(1)">
      <svg><script>alert(2)</script></svg><noscript>n</noscript><template><p>t</p></template>`);
    expect(doc.body.querySelectorAll('script, style, iframe, object, embed, form, input, button, img, svg, noscript, template')).toHaveLength(0);
    expect(doc.body.textContent).not.toMatch(/alert|p\{\}/);
    expect(doc.body.textContent).toContain('keep');
  });

  test('removes every event handler and unknown attribute, keeps structure', () => {
    const doc = clean(`<h2 onclick="a()" class="x" data-x="1">Title</h2><p onmouseover="b()" id="p1">Text <b onfocus="c()">bold</b></p>
      <table><tr><td colspan="2" onclick="d()">cell</td></tr></table><ol start="3"><li>x</li></ol>`);
    const html = doc.body.innerHTML;
    expect(html).not.toMatch(/on[a-z]+=|class=|data-x/i);
    expect(doc.querySelector('h2')?.textContent).toBe('Title');
    expect(doc.querySelector('b')?.textContent).toBe('bold');
    expect(doc.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(doc.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(doc.querySelector('p')?.getAttribute('id')).toBe('p1');
  });

  test('links keep http(s) and mailto; javascript:, data: and tricks are unwrapped to their text', () => {
    const doc = clean(`<a href="https://example.org/a">good</a> <a href="mailto:x@example.org">mail</a> <a href="#n1">note</a>
      <a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(1)">js2</a> <a href="java&#9;script:alert(1)">js3</a>
      <a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:x">vb</a> <a>none</a> <span href="https://x">span</span>`);
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a', 'mailto:x@example.org', '#n1']);
    expect(doc.body.textContent).toContain('js3');
    expect(doc.querySelector('span')?.hasAttribute('href')).toBe(false);
  });

  test('only formatting styles survive, applied without an inline style attribute in the source', () => {
    const doc = clean(`<span style="font-weight:700;color:red;background:url(https://x/y.png)">b</span>
      <span style="font-style: italic; position: fixed">i</span><span style="text-decoration: line-through">s</span>
      <span style="font-weight: expression(alert(1))">e</span>`);
    const spans = [...doc.querySelectorAll('span')] as HTMLElement[];
    expect(spans[0].style.fontWeight).toBe('700');
    expect(spans[0].getAttribute('style') ?? '').not.toMatch(/color|url/);
    expect(spans[1].style.fontStyle).toBe('italic');
    expect(spans[1].getAttribute('style') ?? '').not.toMatch(/position/);
    expect(spans[2].style.textDecoration).toBe('line-through');
    expect(spans[3].getAttribute('style') ?? '').not.toMatch(/expression/);
    expect(doc.body.innerHTML).not.toContain('data-sb-');
  });

  test('Google Docs and Word markup keeps what Lexical reads', () => {
    const doc = clean(`<b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:700;">Bold</span></p></b>
      <p class=MsoNormal><b><span lang=EN-GB style='mso-bidi-font-weight:normal'>Word bold</span></b><o:p></o:p></p>`);
    expect(doc.querySelector('b')?.getAttribute('id')).toBe('docs-internal-guid-1234');
    expect((doc.querySelector('p span') as HTMLElement).style.fontWeight).toBe('700');
    expect(doc.body.textContent).toContain('Word bold');
    expect(doc.body.innerHTML).not.toMatch(/class=|mso-/);
  });
});

describe('the string pass (keeps the page CSP quiet while parsing)', () => {
  test('renames handlers, style attributes and <style> inside tags only', () => {
    expect(neutralizeHtml('<img src=x onerror=alert(1)>')).toBe('<img src=x data-sb-onerror=alert(1)>');
    expect(neutralizeHtml(`<p style="color:red" ONCLICK='x()'>a</p>`)).toBe(`<p data-sb-style="color:red" data-sb-onclick='x()'>a</p>`);
    expect(neutralizeHtml('<style>p{}</style>')).toBe('<sb-style>p{}</sb-style>');
    expect(neutralizeHtml('<a title="x > onclick=y" href="h">t</a>')).toBe('<a title="x > onclick=y" href="h">t</a>');
  });
  test('never changes text', () => {
    const text = 'Ships style= and onclick= stay as written; a < b and c > d. Online, once.';
    expect(neutralizeHtml(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });
});

describe('helpers', () => {
  test('isSafeHref', () => {
    expect(isSafeHref('https://a.b/')).toBe(true);
    expect(isSafeHref('HTTP://a.b/')).toBe(true);
    expect(isSafeHref('mailto:a@b.c')).toBe(true);
    expect(isSafeHref('#x')).toBe(true);
    expect(isSafeHref('javascript:1')).toBe(false);
    expect(isSafeHref('\u0001javascript:1')).toBe(false);
    expect(isSafeHref('java\nscript:1')).toBe(false);
    expect(isSafeHref('relative/path')).toBe(false);
    expect(isSafeHref('file:///etc/passwd')).toBe(false);
  });
  test('formattingStyles', () => {
    expect(formattingStyles('font-weight:700; color:red; font-style:italic !important')).toEqual([
      ['font-weight', '700'],
      ['font-style', 'italic'],
    ]);
    expect(formattingStyles('text-decoration: url(x)')).toEqual([]);
  });
});
