// The CLI contract of the walking skeleton, exercised as a user's script would: a real
// process, a real workspace file, real files on disk, real Chromium for the PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-cli-');
const ws = tmp.path('workspace.sqlite');
afterAll(() => tmp.cleanup());

const article = `<!doctype html><html lang="en"><head>
<title>Harbour board approves terminal lease | Coastal Ledger</title>
<meta name="author" content="Maria Okafor">
<meta property="og:site_name" content="Coastal Ledger">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
<link rel="canonical" href="https://coastal-ledger.example/2026/03/terminal-lease">
<script>window.stolen = document.cookie</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour board approves terminal lease</h1>
<p>The harbour board voted on Tuesday to lease the eastern container terminal to Meridian Stevedoring for thirty years, ending months of public dispute.</p>
<p>Board chair Ilse Varga said the lease “secures the port’s future” and would bring new cranes within eighteen months.</p>
<p>Critics on the city council said the tender was rushed and that two rival bidders were excluded on a technicality. <img src="x" onerror="alert('pwned')"></p>
<p>Meridian Stevedoring is owned by a holding company registered offshore, according to filings reviewed by the Coastal Ledger.</p>
</article>
<footer>© Coastal Ledger. Subscribe to our newsletter.</footer>
</body></html>`;

const plain = `Council minutes: special session on the terminal lease

Councillor Dana Reyes asked why the rival bids from Northgate Logistics and Baltic Quay were excluded.
The clerk replied that both were filed after the deadline. Councillor Reyes said the deadline
had been moved twice without notice. The motion to review the tender failed by six votes to five.
The council noted that the harbour board said the lease secures the port’s future.
`;

let htmlId = '';
let textId = '';

beforeAll(() => {
  writeFileSync(tmp.path('lease.html'), article);
  writeFileSync(tmp.path('minutes.txt'), plain);
});

describe('sourcebook import', () => {
  it('imports HTML and text, taking metadata from the documents', () => {
    const r = cli(ws, 'import', tmp.path('lease.html'), tmp.path('minutes.txt'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = r.json<{ imported: { id: string; path: string; title: string }[]; skipped: unknown[]; failed: unknown[] }>();
    expect(report.imported.map((i) => i.title)).toEqual(['Harbour board approves terminal lease', 'Council minutes: special session on the terminal lease']);
    expect(report.imported[0].path).toBe(tmp.path('lease.html'));
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([]);
    [htmlId, textId] = report.imported.map((i) => i.id);

    const sources = cli(ws, 'sources', '--json').json<{ id: string; author: string; publisher: string; publishedAt: string; url: string }[]>();
    const html = sources.find((s) => s.id === htmlId)!;
    expect(html.author).toBe('Maria Okafor');
    expect(html.publisher).toBe('Coastal Ledger');
    expect(html.publishedAt).toMatch(/^2026-03-14/);
    expect(html.url).toBe('https://coastal-ledger.example/2026/03/terminal-lease');
  });

  it('skips an identical document as a duplicate, naming the original', () => {
    writeFileSync(tmp.path('copy.txt'), plain);
    const r = cli(ws, 'import', tmp.path('copy.txt'), '--json');
    expect(r.code).not.toBe(0); // nothing could be imported
    expect(r.json<{ skipped: { reason: string }[] }>().skipped[0].reason).toBe('duplicate of Council minutes: special session on the terminal lease');
  });

  it('imports the good files of a batch and reports each bad one with its reason', () => {
    writeFileSync(tmp.path('empty.txt'), '');
    writeFileSync(tmp.path('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(tmp.path('binary.html'), Buffer.concat([Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe]), Buffer.alloc(500, 0)]));
    writeFileSync(tmp.path('latin1.txt'), Buffer.from('Caf\xe9 society report\n\nThe caf\xe9 owners met the mayor.', 'latin1'));
    writeFileSync(tmp.path('good.md'), '# Quay inspection notes\n\nInspectors found **three** cranes out of service.');
    const r = cli(ws, 'import', tmp.path('empty.txt'), tmp.path('binary.txt'), tmp.path('missing.txt'), tmp.path('binary.html'), tmp.path('latin1.txt'), tmp.path('good.md'), '--json');
    expect(r.code).toBe(0);
    const report = r.json<{ imported: { title: string; warnings?: string[] }[]; skipped: { path: string; reason: string }[]; failed: { path: string; error: string }[] }>();
    expect(report.imported.map((i) => i.title).sort()).toEqual(['Café society report', 'Quay inspection notes']);
    expect(report.imported.find((i) => i.title === 'Café society report')!.warnings?.join(' ')).toMatch(/UTF-8/);
    const reasons = Object.fromEntries([...report.skipped.map((s) => [s.path, s.reason]), ...report.failed.map((f) => [f.path, f.error])]);
    expect(reasons[tmp.path('empty.txt')]).toMatch(/empty/);
    expect(reasons[tmp.path('binary.txt')]).toMatch(/PNG|binary/i);
    expect(reasons[tmp.path('binary.html')]).toMatch(/binary/i);
    expect(reasons[tmp.path('missing.txt')]).toMatch(/no such file/);
  });

  it('refuses a 50 MB text file with a clear size message, quickly and without storing anything', () => {
    const big = tmp.path('big.txt');
    writeFileSync(big, 'A line of a very long log file that nobody should import whole.\n'.repeat(820_000));
    const before = cli(ws, 'sources', '--json').json<unknown[]>().length;
    const r = cli(ws, 'import', big, '--json');
    expect(r.code).toBe(1);
    expect(r.json<{ skipped: { reason: string }[] }>().skipped[0].reason).toMatch(/file is 5\d\.\d MB; Sourcebook imports files up to 32\.0 MB/);
    expect(cli(ws, 'sources', '--json').json<unknown[]>()).toHaveLength(before);
  });

  it('stores no script from HTML: the payloads are not in the text', () => {
    const hits = cli(ws, 'search', 'pwned', '--json').json<unknown[]>();
    expect(hits).toEqual([]);
    expect(cli(ws, 'search', 'cookie', '--json').json<unknown[]>()).toEqual([]);
  });
});

describe('sourcebook excerpt add', () => {
  it('saves a quote copied with different whitespace and straight quotes, with tags, entities and a note', () => {
    const r = cli(ws, 'excerpt', 'add', '--source', htmlId, '--quote', 'the lease "secures the port\'s future"\n and would bring new cranes', '--tag', 'ports/leases', '--entity', 'Ilse Varga', '--note', 'Chair on record', '--json');
    expect(r.stderr).toBe('');
    const x = r.json<{ id: string; sourceId: string; start: number; end: number; quote: string }>();
    expect(x.sourceId).toBe(htmlId);
    expect(x.quote).toBe('the lease “secures the port’s future” and would bring new cranes');
    expect(x.end - x.start).toBe(x.quote.length);
    const listed = cli(ws, 'excerpts', '--source', htmlId, '--json').json<{ id: string; quote: string; state: string }[]>();
    expect(listed).toEqual([expect.objectContaining({ id: x.id, quote: x.quote, state: 'exact' })]);
  });

  it('says so when the quote is not in the source', () => {
    const r = cli(ws, 'excerpt', 'add', '--source', htmlId, '--quote', 'the board rejected the lease', '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not in the source/);
  });

  it('names how many times an ambiguous quote occurs, and --occurrence picks one', () => {
    const r = cli(ws, 'excerpt', 'add', '--source', textId, '--quote', 'Councillor', '--json');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/occurs 2 times/);
    const second = cli(ws, 'excerpt', 'add', '--source', textId, '--quote', 'Councillor', '--occurrence', '2', '--json').json<{ start: number }>();
    const first = cli(ws, 'excerpt', 'add', '--source', textId, '--quote', 'Councillor Dana Reyes', '--json').json<{ start: number }>();
    expect(second.start).toBeGreaterThan(first.start);
    const bad = cli(ws, 'excerpt', 'add', '--source', textId, '--quote', 'Councillor', '--occurrence', '3');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/occurs 2 times/);
  });

  it('reports an unknown source id', () => {
    const r = cli(ws, 'excerpt', 'add', '--source', 'src_doesnotexist', '--quote', 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No source with id src_doesnotexist/);
  });
});

describe('sourcebook search', () => {
  it('finds sources and excerpts, best first, with snippets', () => {
    const hits = cli(ws, 'search', 'cranes', '--json').json<{ kind: string; id: string; title: string; snippet: string }[]>();
    expect(hits.map((h) => h.kind).sort()).toEqual(['excerpt', 'source', 'source']);
    for (const h of hits) expect(h.snippet.toLowerCase()).toContain('cranes');
    expect(Object.keys(hits[0]).sort()).toEqual(['highlights', 'id', 'kind', 'snippet', 'title']);
  });

  it('never crashes on what a person can type', () => {
    for (const q of ['"unbalanced', '-', 'AND', 'OR NOT', '*', '(', 'a"b"c', 'NEAR(', "'", 'terminal AND', '^', '']) {
      const r = cli(ws, 'search', q, '--json');
      expect(r.stderr, q).toBe('');
      expect(r.code, q).toBe(0);
      expect(Array.isArray(r.json()), q).toBe(true);
    }
    expect(cli(ws, 'search', '"terminal lease', '--json').json<unknown[]>().length).toBeGreaterThan(0);
  });

  it('says "did you mean" for a misspelt word, and --json stays a list', () => {
    expect(cli(ws, 'search', 'crnaes').stdout.trim()).toBe('No results. Did you mean: cranes?');
    expect(cli(ws, 'search', 'crnaes', '--json').json<unknown[]>()).toEqual([]);
  });
});

describe('sourcebook brief create and export', () => {
  let briefId = '';
  let excerptId = '';

  it('creates a brief from Markdown with citations', () => {
    excerptId = cli(ws, 'excerpts', '--source', htmlId, '--json').json<{ id: string }[]>()[0].id;
    writeFileSync(tmp.path('brief.md'), `# Terminal lease: what we know\n\nThe chair defended the deal [[cite:${excerptId}]].\n\n- Council review failed narrowly\n`);
    const r = cli(ws, 'brief', 'create', '--title', 'Terminal lease', '--markdown', tmp.path('brief.md'), '--json');
    expect(r.stderr).toBe('');
    briefId = r.json<{ id: string }>().id;
    expect(briefId).toMatch(/^brf_/);
  });

  it('refuses Markdown that cites an excerpt that does not exist', () => {
    writeFileSync(tmp.path('bad.md'), 'See [[cite:exc_nothere]].');
    const r = cli(ws, 'brief', 'create', '--title', 'Bad', '--markdown', tmp.path('bad.md'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exc_nothere/);
  });

  it('exports HTML and PDF whose notes carry the quoted passage and the source', () => {
    const html = tmp.path('brief.html');
    const pdf = tmp.path('brief.pdf');
    const r = cli(ws, 'export', briefId, '--html', html, '--pdf', pdf);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('secures the port’s future');
    expect(page).not.toMatch(/<script/i);
    // Lines wrap where the page ends them: compare with whitespace runs folded.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Terminal lease');
    expect(text).toContain('The chair defended the deal');
    expect(text).toMatch(/secures the port’s future/);
    expect(text).toContain('Harbour board approves terminal lease');
    expect(text).toContain('Coastal Ledger');
    expect(text).toContain('2026-03-14');
    expect(text).toContain('coastal-ledger.example/2026/03/terminal-lease');
  });

  it('reports an unknown brief and writes nothing', () => {
    const out = tmp.path('none.pdf');
    const r = cli(ws, 'export', 'brf_unknown', '--pdf', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No brief with id brf_unknown/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('sourcebook errors', () => {
  it('refuses a workspace that is not SQLite, leaving it untouched', () => {
    const notes = tmp.path('notes.txt');
    writeFileSync(notes, 'my notes');
    const r = cli(notes, 'sources', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not a Sourcebook workspace/);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('answers an unknown command or flag with usage on stderr', () => {
    const r = cli(ws, 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command/);
    const f = cli(ws, 'search', 'x', '--bogus');
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/bogus/);
  });
});
