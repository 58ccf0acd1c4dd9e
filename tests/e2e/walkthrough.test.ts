// The whole user path in a real Chromium against the real server and workspace:
// import → read → excerpt by mouse selection → brief with live citations → edit and
// delete excerpts → follow a citation back to its passage → export a PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { mouseSelect } from '../helpers/mouseSelect';
import { recordProblems } from '../helpers/pageProblems';
import { screenshot, screenshotFolder } from '../helpers/screenshots';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/e2e');

const ARTICLE_TITLE = 'Drone sightings near Vellmar harbor prompt inquiry';
const QUOTE_1 = 'the aircraft flew without navigation lights';
const QUOTE_2 = 'a liquefied gas carrier, the Nordhavn Spirit';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const shot = (name: string) => screenshot(page, name);

async function saveExcerpt(tags: string, entity?: { name: string; type: string }) {
  const popover = page.getByRole('dialog', { name: 'Save excerpt' });
  await expect.poll(() => popover.isVisible()).toBe(true);
  await popover.getByLabel('Tags', { exact: true }).fill(tags);
  if (entity) {
    await popover.getByLabel('Entity 1 name').fill(entity.name);
    await popover.getByLabel('Entity 1 type').selectOption(entity.type);
  }
  await popover.getByRole('button', { name: 'Save excerpt' }).click();
  await expect.poll(() => popover.count()).toBe(0);
}

/** The highlight of an excerpt whose text is `quote` (one run when the excerpt overlaps nothing). */
function highlight(quote: string): Locator {
  return page.locator('.reader-text mark.hl-one', { hasText: quote });
}

async function insertCitation(query: string, expectedQuote: string) {
  await page.keyboard.type('[[');
  const menu = page.locator('.citation-menu');
  await expect.poll(() => menu.isVisible()).toBe(true);
  await page.keyboard.type(query, { delay: 20 });
  const option = menu.locator('.citation-option', { hasText: expectedQuote });
  await expect.poll(() => option.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await shot(`typeahead-${query}`);
  await option.first().click();
  await expect.poll(() => menu.count()).toBe(0);
}

function citations(): Locator {
  return page.locator('.editor-content .citation');
}

async function inViewport(locator: Locator): Promise<boolean> {
  return locator.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    const scroller = el.closest('.reader-scroll')!.getBoundingClientRect();
    return r.height > 0 && r.top >= scroller.top && r.bottom <= scroller.bottom && r.bottom <= window.innerHeight;
  });
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 820 }, acceptDownloads: true });
  page = await context.newPage();
  await recordProblems(page, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a analyst’s walk through Sourcebook', () => {
  test('import, excerpt, cite, edit, follow, delete, export', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Library' }).isVisible()).toBe(true);
    // The token leaves the visible address once read.
    expect(page.url()).not.toContain('token=');
    await shot('01-start');

    // Import both fixtures through the file input.
    await page.getByLabel('Files to import').setInputFiles([join(fixtures, 'harbor-report.html'), join(fixtures, 'field-notes.txt')]);
    const summary = page.getByRole('dialog', { name: /Imported 2 sources/ });
    await expect.poll(() => summary.isVisible(), { timeout: 20_000 }).toBe(true);
    const importedTitles = await summary.locator('.import-list button').allTextContents();
    expect(importedTitles).toHaveLength(2);
    const library = page.getByRole('listbox', { name: 'Sources' });
    for (const title of importedTitles) await expect.poll(() => library.getByRole('option', { name: title }).count()).toBe(1);
    const notesTitle = importedTitles.find((t) => !t.includes('Vellmar harbor prompt'))!;
    expect(importedTitles.some((t) => t.includes(ARTICLE_TITLE))).toBe(true);
    await shot('02-imported');
    await summary.getByRole('button', { name: 'Close import summary' }).click();

    // Open the article: the reader shows its text, without the page's clutter.
    await library.getByRole('option', { name: new RegExp(ARTICLE_TITLE) }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).textContent()).toContain(ARTICLE_TITLE);
    const text = reader.locator('.reader-text');
    await expect.poll(() => text.textContent()).toContain('harbor pilots reported');
    expect(await text.textContent()).not.toContain('Subscribe now');

    // Excerpt 1: a mouse selection, saved from the popover, with a tag and a person.
    await mouseSelect(page, QUOTE_1);
    await shot('03-selected');
    await reader.getByRole('button', { name: /Save excerpt/ }).click();
    await shot('04-save-popover');
    await saveExcerpt('alpha', { name: 'X', type: 'person' });
    await expect.poll(() => highlight(QUOTE_1).count()).toBe(1);
    expect(await highlight(QUOTE_1).textContent()).toBe(QUOTE_1);
    // The source's excerpts list (a drawer over the text in a pane this narrow).
    await reader.getByRole('button', { name: /^Excerpts/ }).click();
    await expect.poll(() => reader.locator('.excerpt-card', { hasText: QUOTE_1 }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => reader.locator('.excerpt-card').count()).toBe(0);

    // Excerpt 2: the keyboard shortcut instead of the button.
    await mouseSelect(page, QUOTE_2);
    await page.keyboard.press('Control+Shift+E');
    await saveExcerpt('gamma');
    await expect.poll(() => highlight(QUOTE_2).count()).toBe(1);
    expect(await highlight(QUOTE_2).textContent()).toBe(QUOTE_2);
    await shot('05-excerpts');

    // A brief that cites both, through the [[ typeahead.
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByLabel('Title of the new brief').fill('Harbor drones: what we know');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Brief title').inputValue()).toBe('Harbor drones: what we know');
    const editor = page.getByRole('textbox', { name: 'Brief text' });
    await editor.click();
    await page.keyboard.type('Pilots describe unlit aircraft over the terminal ', { delay: 5 });
    await insertCitation('navigation', QUOTE_1);
    await expect.poll(() => citations().count()).toBe(1);
    await expect.poll(() => citations().first().textContent()).toContain('alpha');
    await page.keyboard.type('and the timing matches a gas delivery ', { delay: 5 });
    await insertCitation('Nordhavn', QUOTE_2);
    await expect.poll(() => citations().count()).toBe(2);
    await page.keyboard.type('— two nights running.', { delay: 5 });
    await expect.poll(() => citations().nth(1).textContent()).toContain('gamma');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBe(1);
    const firstId = await citations().first().getAttribute('data-excerpt-id');
    const secondId = await citations().nth(1).getAttribute('data-excerpt-id');
    await shot('06-brief');

    // What was saved is the brief document the server and the exporters read.
    const briefId = await page.locator('.nav-item[aria-current="true"][data-brief-id]').getAttribute('data-brief-id');
    const saved = await server.api<{ document: { root: unknown } }>('briefs:get', { id: briefId });
    const cited = JSON.stringify(saved.document).match(/\{"type":"citation"[^}]*\}/g)!.map((json) => JSON.parse(json));
    expect(cited).toEqual([
      { type: 'citation', version: 1, excerptId: firstId, quoteAtCitation: QUOTE_1, sourceTitleAtCitation: expect.stringContaining(ARTICLE_TITLE) },
      { type: 'citation', version: 1, excerptId: secondId, quoteAtCitation: QUOTE_2, sourceTitleAtCitation: expect.stringContaining(ARTICLE_TITLE) },
    ]);

    // Hovering a citation shows the passage in context.
    await citations().first().hover();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.textContent()).toContain(QUOTE_1);
    await shot('07-citation-popover');
    await page.mouse.move(5, 400);

    // Edit excerpt 1's tags in the excerpt panel: the open brief's citation follows, no reload.
    await highlight(QUOTE_1).click();
    const panel = page.getByRole('region', { name: 'Excerpt' });
    await expect.poll(() => panel.getByLabel('Tags', { exact: true }).inputValue()).toBe('alpha');
    await panel.getByLabel('Tags', { exact: true }).fill('beta');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => citations().first().textContent()).toContain('beta');
    expect(await citations().first().textContent()).not.toContain('alpha');
    await shot('08-edited');

    // Follow a citation from another source: the reader opens the passage, in view and marked.
    await library.getByRole('option', { name: notesTitle }).click();
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).textContent()).toBe(notesTitle);
    await citations().first().click();
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).textContent()).toContain(ARTICLE_TITLE);
    const focused = reader.locator(`mark.hl-focused[data-ids~="${firstId}"]`);
    await expect.poll(() => focused.count()).toBeGreaterThan(0);
    await expect.poll(() => inViewport(focused), { timeout: 5_000 }).toBe(true);
    await shot('09-revealed');

    // Delete excerpt 2, which the brief cites: its citation stays, visibly broken, with its quote.
    await highlight(QUOTE_2).click();
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.getByRole('button', { name: 'Delete excerpt' }).click();
    const deleted = page.locator(`.editor-content .citation[data-excerpt-id="${secondId}"]`);
    await expect.poll(() => deleted.getAttribute('data-state')).toBe('deleted');
    expect(await deleted.textContent()).toContain('excerpt deleted');
    expect(await deleted.textContent()).toContain('Nordhavn Spirit');
    await expect.poll(() => highlight(QUOTE_2).count()).toBe(0);
    await shot('10-deleted');

    // Search (Ctrl+K): results by kind, matched words marked; an excerpt opens at its passage.
    await library.getByRole('option', { name: notesTitle }).click();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await page.keyboard.type('navigation');
    const results = page.getByRole('listbox', { name: 'Search results' });
    const excerptResult = results.getByRole('option').filter({ has: page.locator('.kind-excerpt') });
    await expect.poll(() => excerptResult.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await excerptResult.first().locator('mark').first().textContent()).toMatch(/navigation/i);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => results.locator('[aria-selected="true"]').count()).toBe(1);
    await shot('10b-search');
    await excerptResult.first().click();
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).textContent()).toContain(ARTICLE_TITLE);
    await expect.poll(() => reader.locator(`mark.hl-focused[data-ids~="${firstId}"]`).count()).toBeGreaterThan(0);

    // Dark theme: the same screen stays legible (screenshots only while developing).
    if (screenshotFolder) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('11-dark');
      await citations().first().hover();
      await expect.poll(() => page.getByRole('tooltip').count()).toBe(1);
      await shot('12-dark-popover');
      await page.mouse.move(5, 400);
      await page.emulateMedia({ colorScheme: 'light' });
    }

    // Export the brief as PDF; its notes carry the quote and the source's title.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = join(server.dir, 'brief.pdf');
    await download.saveAs(pdfPath);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain(QUOTE_1);
    expect(pdfText).toContain(ARTICLE_TITLE);

    // A reload keeps the session (token in sessionStorage) and the autosaved brief.
    await page.reload();
    await expect.poll(() => citations().count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => citations().first().textContent()).toContain('beta');
    await expect.poll(() => citations().nth(1).getAttribute('data-state')).toBe('deleted');

  });

  test('files dropped anywhere on the window are imported', async () => {
    const markdown = readFileSync(join(fixtures, 'ferry-log.md'), 'utf8');
    const files = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'ferry-log.md', { type: 'text/markdown' }));
      return transfer;
    }, markdown);
    await page.dispatchEvent('.reader', 'dragenter', { dataTransfer: files });
    await expect.poll(() => page.getByText('Drop to import').isVisible()).toBe(true);
    await shot('13-drop');
    await page.dispatchEvent('.reader', 'drop', { dataTransfer: files });
    await expect.poll(() => page.getByText('Drop to import').count()).toBe(0);
    const summary = page.getByRole('dialog', { name: /Imported 1 source/ });
    await expect.poll(() => summary.isVisible(), { timeout: 20_000 }).toBe(true);
    // The source being read stays; the summary offers the new one.
    const reader = page.getByRole('region', { name: 'Reader' });
    expect(await reader.locator('.reader-text').textContent()).not.toContain('three lights in a row');
    await summary.locator('.import-list button').first().click();
    await expect.poll(() => reader.locator('.reader-text').textContent()).toContain('three lights in a row');
  });

  test('no console errors and no CSP violations along the way', () => {
    writeFileSync(join(server.dir, 'problems.txt'), problems.join('\n'));
    expect(problems).toEqual([]);
  });
});
