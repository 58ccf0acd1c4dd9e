// Export end to end: a real workspace file, a brief written in Markdown, its PDF printed by
// a real headless Chromium and read back as text, the way a recipient would read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/workspace';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { deleteExcerpt, getExcerpt, insertExcerpt } from '../../db/excerpts';
import { createBrief } from '../../db/briefs';
import { briefFromMarkdown } from '../../db/brief/fromMarkdown';
import { UserError } from '../../electron/services/errors';
import { briefHtml, briefPdf, fileSlug } from '../../electron/services/export/exportBrief';
import { chromiumPrinter, findChromium } from '../../electron/services/export/chromiumPrinter';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-export-');
const printer = chromiumPrinter();
let db: Db;
let briefId = '';

const LEDGER = `The port authority of Kestrava signed a thirty-year concession for the East Terminal with Halvard Maritime on Thursday.
The concession covers both deep-water berths and the rail spur. No other bidder reached the final round.`;
const REVIEW = `Customs officers at the East Terminal found 1,140 brushless motors declared as agricultural sprayer parts.
The shipment was consigned to a freight forwarder that shares an address with Halvard Maritime's local agent.`;

function addSource(title: string, publisher: string, publishedAt: string, url: string, text: string): string {
  return insertSource(db, {
    title,
    author: null,
    publisher,
    publishedAt,
    url,
    language: 'en',
    format: 'text',
    originalName: null,
    text,
    original: null,
  });
}

function addExcerpt(sourceId: string, text: string, quote: string, credibility: number | null): string {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  return insertExcerpt(db, { sourceId, version: 1, start, end: start + quote.length, quote, prefix: '', suffix: '', credibility });
}

beforeAll(() => {
  db = openWorkspace(tmp.path('workspace.sqlite'));
  const ledger = addSource('Kestrava signs East Terminal concession', 'The Kestrava Ledger', '2025-06-12', 'https://ledger.example/east-terminal', LEDGER);
  const review = addSource('Drone motors found in sprayer shipment', 'Meridian Freight Review', '2025-11-04', 'https://mfr.example/seizure', REVIEW);
  db.prepare(`UPDATE sources SET reliability = ? WHERE id = ?`).run('B', ledger);
  db.prepare(`UPDATE sources SET reliability = ? WHERE id = ?`).run('C', review);
  const concession = addExcerpt(ledger, LEDGER, 'The concession covers both deep-water berths and the rail spur.', 2);
  const motors = addExcerpt(review, REVIEW, 'Customs officers at the East Terminal found 1,140 brushless motors declared as agricultural sprayer parts.', 3);
  const doomed = addExcerpt(ledger, LEDGER, 'No other bidder reached the final round.', null);
  const markdown = `# Summary

Halvard Maritime now controls **both berths** [[cite:${concession}]]. Months later, customs found drone motors in a shipment declared as farm equipment [[cite:${motors}]].

## Open questions

- Who owns the forwarder?
- Was the tender open? [[cite:${doomed}]]

> The concession matters because it decides who sees the containers. [[cite:${concession}]]
`;
  const doc = briefFromMarkdown(markdown, (id) => {
    const x = getExcerpt(db, id);
    return x ? { quote: x.quote, sourceTitle: x.sourceTitle } : null;
  });
  briefId = createBrief(db, 'East Terminal: who sees the containers', doc);
  deleteExcerpt(db, doomed);
});

afterAll(async () => {
  await printer.close?.();
  db?.close();
  tmp.cleanup();
});

describe('brief export', () => {
  it('renders the brief to HTML with its notes, named after its title', () => {
    const { html, fileName } = briefHtml(db, briefId, new Date('2026-03-01T12:00:00Z'));
    expect(fileName).toBe('east-terminal-who-sees-the-containers.html');
    expect(html).toContain('<h1 class="brief-title">East Terminal: who sees the containers</h1>');
    expect(html).toContain('Exported <time datetime="2026-03-01T12:00:00.000Z">');
    expect(html).toContain('The Kestrava Ledger, 2025-06-12.');
    expect(html).toContain('Excerpt deleted — quote as cited.');
    expect(html).toContain('@page'); // the print stylesheet is inlined
  });

  it('refuses an unknown brief with a message for the user', () => {
    expect(() => briefHtml(db, 'brf_nope')).toThrow(UserError);
    expect(() => briefHtml(db, 'brf_nope')).toThrow('No brief with id brf_nope');
  });

  it.skipIf(!findChromium())('prints a PDF whose text carries the body, the quoted passages and their sources', async () => {
    const { pdf, fileName } = await briefPdf(db, briefId, printer, new Date('2026-03-01T12:00:00Z'));
    expect(fileName).toBe('east-terminal-who-sees-the-containers.pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = process.env.SOURCEBOOK_KEEP_PDF || tmp.path('brief.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('East Terminal: who sees the containers');
    expect(flat).toContain('Exported 1 March 2026, 12:00 UTC');
    expect(flat).toContain('Halvard Maritime now controls both berths');
    expect(flat).toContain('Who owns the forwarder?');
    expect(flat).toMatch(/notes/i);
    expect(flat).toContain('“The concession covers both deep-water berths and the rail spur.”');
    expect(flat).toContain('Kestrava signs East Terminal concession. The Kestrava Ledger, 2025-06-12.');
    expect(flat).toContain('1,140 brushless motors declared as agricultural sprayer parts.”');
    expect(flat).toContain('Drone motors found in sprayer shipment. Meridian Freight Review, 2025-11-04.');
    expect(flat).toContain('Grade B2.');
    expect(flat).toContain('Grade C3.');
    expect(flat).toContain('“No other bidder reached the final round.”');
    expect(flat).toContain('Excerpt deleted — quote as cited.');
    expect(flat).toMatch(/Page 1 of \d/);
  });

  it.skipIf(!findChromium())('reuses one browser for several prints', async () => {
    const [a, b] = await Promise.all([briefPdf(db, briefId, printer), briefPdf(db, briefId, printer)]);
    expect(a.pdf.length).toBeGreaterThan(1000);
    expect(b.pdf.length).toBeGreaterThan(1000);
  });

  it('says how to get Chromium when there is none', async () => {
    const missing = chromiumPrinter({ executablePath: tmp.path('no-such-chromium') });
    await expect(missing.print('<p>x</p>')).rejects.toThrow(UserError);
    await expect(missing.print('<p>x</p>')).rejects.toThrow(/install it .*or set SOURCEBOOK_CHROMIUM/);
    await missing.close?.();
  });

  it('names SOURCEBOOK_CHROMIUM when it points at nothing', async () => {
    const saved = process.env.SOURCEBOOK_CHROMIUM;
    process.env.SOURCEBOOK_CHROMIUM = tmp.path('gone/chromium');
    try {
      expect(findChromium()).toBeNull();
      await expect(chromiumPrinter().print('<p>x</p>')).rejects.toThrow(`SOURCEBOOK_CHROMIUM points to ${tmp.path('gone/chromium')}, which does not exist`);
    } finally {
      if (saved === undefined) delete process.env.SOURCEBOOK_CHROMIUM;
      else process.env.SOURCEBOOK_CHROMIUM = saved;
    }
  });
});

describe('fileSlug', () => {
  it('makes a safe file name of any title', () => {
    expect(fileSlug('East Terminal: who sees the containers?')).toBe('east-terminal-who-sees-the-containers');
    expect(fileSlug('Kraków / Gdańsk — port notes')).toBe('krakow-gdansk-port-notes');
    expect(fileSlug('Одесса: порт')).toBe('одесса-порт');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('???')).toBe('brief');
    expect(fileSlug('CON')).toBe('con-brief');
    expect([...fileSlug('word '.repeat(40))].length).toBeLessThanOrEqual(80);
  });
});
