// The integrity check of a brief before it goes out, and what export does with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-check-');
const ws = tmp.path('ws.sqlite');
afterAll(() => tmp.cleanup());

const v1 = `Ferry inspection log

The inspectors boarded the ferry at dawn and found forty undeclared crates.

The captain said the crates held spare engine parts for the harbour tugs.

A customs officer logged the seizure at nine in the morning.

The harbour master was not informed until the afternoon.
`;
const v2 = v1.replace('forty undeclared crates', 'forty-two undeclared crates');

let briefId = '';
const x: Record<string, string> = {};

beforeAll(() => {
  writeFileSync(tmp.path('log.txt'), v1);
  writeFileSync(tmp.path('log2.txt'), v2);
  const sourceId = cli(ws, 'import', tmp.path('log.txt'), '--json').json<{ imported: { id: string }[] }>().imported[0].id;
  cli(ws, 'source', 'grade', sourceId, '--reliability', 'B');
  const add = (key: string, quote: string, ...more: string[]) => (x[key] = cli(ws, 'excerpt', 'add', '--source', sourceId, '--quote', quote, ...more, '--json').json<{ id: string }>().id);
  add('ok', 'A customs officer logged the seizure at nine in the morning.', '--credibility', '2');
  add('changed', 'found forty undeclared crates', '--credibility', '3');
  add('deleted', 'spare engine parts for the harbour tugs', '--credibility', '2');
  add('ungraded', 'The harbour master was not informed');
  // The brief's source is not the file the Markdown export writes later (an export no longer replaces an existing file without --force).
  writeFileSync(
    tmp.path('brief-source.md'),
    `# Seizure\n\nLogged [[cite:${x.ok}]], found [[cite:${x.changed}]], said [[cite:${x.deleted}]], not told [[cite:${x.ungraded}]], again [[cite:${x.ok}]].\n`,
  );
  briefId = cli(ws, 'brief', 'create', '--title', 'Seizure at the ferry', '--author', 'Lena Holm', '--markdown', tmp.path('brief-source.md'), '--json').json<{ id: string }>().id;
  cli(ws, 'source', 'replace', sourceId, tmp.path('log2.txt'));
  cli(ws, 'excerpt', 'delete', x.deleted);
});

describe('check', () => {
  it('gives every citation its status, in document order, and exits 0 with findings', () => {
    const r = cli(ws, 'check', briefId, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      citations: [
        { excerptId: x.ok, status: 'ok' },
        { excerptId: x.changed, status: 'changed' },
        { excerptId: x.deleted, status: 'deleted' },
        { excerptId: x.ungraded, status: 'ungraded' },
        { excerptId: x.ok, status: 'ok' },
      ],
    });
  });

  it('export --strict refuses a brief whose citations are not all ok, writing nothing', () => {
    const out = tmp.path('strict.pdf');
    const r = cli(ws, 'export', briefId, '--pdf', out, '--strict');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was not exported, because strict export is on and 3 citations are not ok — “.*”.*Not written \(--strict\)\. Run "sourcebook check /);
    expect(existsSync(out)).toBe(false);
  });

  it('export without --strict carries a citation-warnings appendix, and the banner on every page', () => {
    const out = tmp.path('brief.pdf');
    const banner = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY';
    const r = cli(ws, 'export', briefId, '--pdf', out, '--banner', banner);
    expect(r.stderr).toBe('');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    for (const page of pages) expect(page.split(banner).length - 1).toBeGreaterThanOrEqual(2); // header and footer
    // Headings and statuses are upper-cased by the stylesheet; compare without case.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/citation warnings/i);
    expect(flat).toMatch(/deleted — note 3: the excerpt was deleted\. As cited: “spare engine parts for the harbour tugs”/i);
    expect(flat).toMatch(/changed — note 2: the quote changed since it was cited\. As cited: “found forty undeclared crates”/i);
    expect(flat).toMatch(/ungraded — note 4: no information credibility/i);
    expect(flat).toMatch(/sources/i);
    expect(flat).toMatch(/Seizure at the ferry Lena Holm · Exported/); // the title block
    // Note 1 is cited twice: on a screen its note leads back to both ("↩ a b"); not on paper.
    expect(flat).not.toMatch(/↩/);
  });

  it('exports Markdown with footnotes and a Word document with real footnotes, numbered as the PDF', () => {
    const md = tmp.path('brief.md');
    const docx = tmp.path('brief.docx');
    const r = cli(ws, 'export', briefId, '--md', md, '--docx', docx, '--json');
    expect(r.stderr).toBe('');
    expect(r.json<{ written: string[] }>().written).toEqual([md, docx]);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('# Seizure at the ferry');
    expect(text).toMatch(/Logged\[\^1\], found\[\^2\], said\[\^3\], not told\[\^4\], again\[\^1\]\./);
    expect(text).toMatch(/\[\^1\]: “A customs officer logged the seizure at nine in the morning\.”/);
    const parts = unzipSync(new Uint8Array(readFileSync(docx)));
    const footnotes = strFromU8(parts['word/footnotes.xml']);
    const body = strFromU8(parts['word/document.xml']);
    expect(body.match(/<w:footnoteReference /g)?.length).toBe(4); // one per distinct excerpt
    expect(footnotes).toContain('A customs officer logged the seizure at nine in the morning.');
    expect(footnotes.indexOf('A customs officer')).toBeLessThan(footnotes.indexOf('forty-two undeclared crates'));
  });
});
