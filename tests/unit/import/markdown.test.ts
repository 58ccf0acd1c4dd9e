import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/services/import/parse';

const md = (text: string, name = 'note.md') => parseDocument(name, new TextEncoder().encode(text));

describe('Markdown', () => {
  it('takes metadata from front matter and leaves it out of the text', () => {
    const parsed = md(
      [
        '---',
        'title: "Field notes: the northern corridor"',
        'author: Dana Whitfield',
        'source: Regional Monitor',
        'date: 2024-02-17',
        'url: https://monitor.example/notes/northern-corridor',
        'lang: en',
        'tags:',
        '  - logistics',
        '---',
        '',
        '# A different heading',
        '',
        'Convoys were seen **twice** on the _same_ day.',
      ].join('\n'),
    );
    expect(parsed.format).toBe('markdown');
    expect(parsed.meta).toEqual({
      title: 'Field notes: the northern corridor',
      author: 'Dana Whitfield',
      publisher: 'Regional Monitor',
      publishedAt: '2024-02-17',
      url: 'https://monitor.example/notes/northern-corridor',
      language: 'en',
    });
    expect(parsed.text).toBe('A different heading\n\nConvoys were seen twice on the same day.');
  });

  it('takes the first # heading as the title when there is no front matter', () => {
    const parsed = md('Intro line without a heading.\n\n# Weekly summary\n\nBody text.');
    expect(parsed.meta.title).toBe('Weekly summary');
    expect(parsed.meta.author).toBeNull();
  });

  it('falls back to a headline first line, then to the file name', () => {
    expect(md('Weekly summary\n\nBody text.').meta.title).toBe('Weekly summary');
    expect(md('Just a sentence.\n\nBody text.', 'week-12.markdown').meta.title).toBe('week-12');
  });

  it('renders plain text: inline markup gone, lists, quotes and code kept', () => {
    const parsed = md(
      [
        '# Findings &amp; sources',
        '',
        'See [the report](https://example.org/r "Report") and ![satellite image](sat.png) with `code &amp; more`.',
        'A soft break  ',
        'and a hard one. Escaped \\*stars\\*, ~~struck~~ text, AT&T and &eacute;.',
        '',
        '- first *point*',
        '- second point',
        '  1. nested',
        '',
        '3. third',
        '4. fourth',
        '',
        '- [x] done',
        '',
        '> Quoted **claim**.',
        '',
        '```',
        'const x = 1;',
        '```',
        '',
        '| Name | Role |',
        '|------|------|',
        '| Ann  | Lead |',
        '',
        '---',
        '',
        '[ref]: https://example.org',
      ].join('\n'),
    );
    expect(parsed.text).toBe(
      [
        'Findings & sources',
        '',
        'See the report and satellite image with code &amp; more. A soft break\nand a hard one. Escaped *stars*, struck text, AT&T and é.',
        '',
        '• first point\n• second point\n1. nested',
        '',
        '3. third\n4. fourth',
        '',
        '• ☑ done',
        '',
        'Quoted claim.',
        '',
        'const x = 1;',
        '',
        'Name | Role\nAnn | Lead',
      ].join('\n'),
    );
    expect(parsed.meta.title).toBe('Findings & sources');
  });

  it('reduces raw HTML to its text, without scripts or styles', () => {
    const parsed = md(
      [
        'Intro with <b>bold</b> and <span onclick="alert(1)">a span</span>.',
        'Inline <script>alert(1)</script>script and <style>p { color: red }</style>style.',
        '',
        '<div class="box" onmouseover="alert(2)">',
        '<p>Block <em>HTML</em></p><iframe src="javascript:alert(3)"></iframe>',
        '</div>',
        '',
        '<script>',
        'alert(4)',
        '</script>',
        '',
        '<style>body { display: none }</style>',
        '',
        '<img src=x onerror=alert(5)>',
        '',
        '[click](javascript:alert(6))',
      ].join('\n'),
    );
    expect(parsed.text).toBe('Intro with bold and a span. Inline script and style.\n\nBlock HTML\n\nclick');
    for (const bad of ['alert', 'onerror', 'onclick', 'javascript:', 'color', 'display']) expect(parsed.text).not.toContain(bad);
  });

  it('keeps a --- block that is not front matter in the text', () => {
    const parsed = md('---\nJust a rule above\n---\nText');
    expect(parsed.text).toContain('Just a rule above');
  });
});
