import { describe, expect, it } from 'vitest';
import { ImportSkip, SUPPORTED_EXTENSIONS, parseDocument } from '../../../electron/services/import/parse';

const utf8 = (text: string) => new TextEncoder().encode(text);

function skipReason(fileName: string, bytes: Uint8Array): string {
  try {
    parseDocument(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportSkip);
    return (error as ImportSkip).message;
  }
  throw new Error(`${fileName} was imported`);
}

describe('parseDocument: which files are imported', () => {
  it('picks the format from the extension, case-insensitively', () => {
    expect(parseDocument('notes.TXT', utf8('Hello')).format).toBe('text');
    expect(parseDocument('notes.Markdown', utf8('# Hello')).format).toBe('markdown');
    expect(parseDocument('page.HTM', utf8('<p>Hello</p>')).format).toBe('html');
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);
  });

  it('refuses unsupported file types with the reason', () => {
    expect(skipReason('sheet.xlsx', utf8('x'))).toBe('unsupported file type .xlsx (Sourcebook imports .txt, .md, .html, .pdf, .docx, and .png, .jpg, .tif images through OCR)');
    expect(skipReason('README', utf8('x'))).toMatch(/without an extension/);
  });

  it('keeps an HTML page saved as .txt as text', () => {
    const parsed = parseDocument('saved.txt', utf8('<!doctype html><html><body><p>Hi</p></body></html>'));
    expect(parsed.format).toBe('text');
    expect(parsed.text).toContain('<p>Hi</p>');
  });

  it('refuses an empty file and a file with no text', () => {
    expect(skipReason('empty.txt', new Uint8Array())).toBe('empty file');
    expect(skipReason('blank.txt', utf8(' \n\t\u00A0\n'))).toBe('no text to import');
    expect(skipReason('blank.html', utf8('<html><body><script>alert(1)</script></body></html>'))).toBe('no text to import');
  });

  it('refuses binary content named .txt', () => {
    const random = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    random[100] = 0;
    expect(skipReason('data.txt', random)).toBe('binary content, not a text document');

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(skipReason('picture.txt', png)).toBe('binary content (PNG image), not a text document');
    expect(skipReason('archive.md', utf8('PK\u0003\u0004rest'))).toMatch(/^binary content \(ZIP archive/);

    const controls = utf8('\u0001\u0002\u0003\u0004 text \u0005\u0006\u0007\u0008\u000e\u000f');
    expect(skipReason('controls.txt', controls)).toBe('binary content, not a text document');
  });

  it('refuses a PDF named .html, naming PDF', () => {
    expect(skipReason('report.html', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('a PDF file, not text (PDF import is not supported yet)');
  });

  it('reads invalid UTF-8 as Windows-1252, with a warning', () => {
    const latin1 = new Uint8Array([...utf8('Menu du caf'), 0xe9, ...utf8(' \u2013 prix '), 0x80, ...utf8('5')]);
    const parsed = parseDocument('menu.txt', latin1);
    expect(parsed.text).toContain('café');
    expect(parsed.text).toContain('€5');
    expect(parsed.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
  });

  it('uses the charset an HTML page declares when it is not UTF-8', () => {
    const sjis = new Uint8Array([0x93, 0x8c, 0x8b, 0x9e]); // 東京 in Shift_JIS
    const page = new Uint8Array([...utf8('<html><head><meta charset="shift_jis"></head><body><p>'), ...sjis, ...utf8('</p></body></html>')]);
    const parsed = parseDocument('tokyo.html', page);
    expect(parsed.text).toBe('東京');
    expect(parsed.warnings[0]).toMatch(/shift_jis/);
  });

  it('decodes UTF-16 with a byte-order mark, and a UTF-8 BOM', () => {
    const text = 'Zoë’s report\r\nLine two';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const parsed = parseDocument('utf16.txt', le);
    expect(parsed.text).toBe('Zoë’s report\nLine two');
    expect(parsed.meta.title).toBe('Zoë’s report');
    expect(parsed.warnings).toEqual([]);

    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(parseDocument('utf16be.txt', be).text).toBe('Zoë’s report\nLine two');

    expect(parseDocument('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')])).text).toBe('Hello');
  });

  it('cleans metadata: a long title is cut to 500 characters', () => {
    const parsed = parseDocument('long.md', utf8(`---\ntitle: ${'word '.repeat(200)}\n---\nBody`));
    expect(parsed.meta.title.length).toBeLessThanOrEqual(500);
    expect(parsed.meta.title.endsWith('…')).toBe(true);
  });

  it('is deterministic', () => {
    const bytes = utf8('<html><body><article><h1>A</h1><p>One.</p><p>Two.</p></article></body></html>');
    expect(parseDocument('a.html', bytes)).toEqual(parseDocument('a.html', bytes));
  });
});

describe('plain text', () => {
  it('takes a headline first line as the title and keeps it in the text', () => {
    const parsed = parseDocument('2024-03-05 notes.txt', utf8('Ministry confirms troop movements near border\n\nThe ministry said on Monday that units had moved.\n'));
    expect(parsed.meta.title).toBe('Ministry confirms troop movements near border');
    expect(parsed.text.startsWith('Ministry confirms troop movements near border\n\nThe ministry')).toBe(true);
    expect(parsed.meta).toMatchObject({ author: null, publisher: null, publishedAt: null, url: null, language: null });
  });

  it('falls back to the file name when the first line is a sentence', () => {
    const parsed = parseDocument('C:\\cases\\interview-transcript.final.txt', utf8('The witness arrived at nine.\nShe left at ten.'));
    expect(parsed.meta.title).toBe('interview-transcript.final');
  });

  it('falls back to the file name when the first line is too long to be a headline', () => {
    const long = Array.from({ length: 25 }, (_, i) => `word${i}`).join(' ');
    expect(parseDocument('/tmp/long.txt', utf8(`${long}\nmore`)).meta.title).toBe('long');
    expect(parseDocument('q.txt', utf8('Is the ceasefire holding?\nMaybe.')).meta.title).toBe('q');
  });
});
