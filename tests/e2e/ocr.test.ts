// A scan from import to paper, in real Chromium against the real server: an image-only PDF
// (made here: known text rendered at 300 dpi) is imported from the file input, read by OCR,
// shown in the reader with its OCR mark; a passage of the OCR text becomes an excerpt, a
// brief cites it, and the exported PDF carries the quote.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { mouseSelect } from '../helpers/mouseSelect';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';
import { makePdf, renderScan } from '../helpers/scan';

const LINES = ['Port inspectors sealed the grain silo on Friday after', 'finding drone parts hidden under the wheat shipment.'];
const QUOTE = 'finding drone parts hidden under the wheat shipment';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-ocr-e2e-' });
  writeFileSync(`${server.dir}/Silo scan.pdf`, makePdf([{ scan: renderScan([LINES], { dpi: 300 }) }]));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a scanned PDF', () => {
  test('imports through OCR, is excerpted like any text, and its quote is in the exported PDF', async () => {
    await page.getByLabel('Files to import').setInputFiles(`${server.dir}/Silo scan.pdf`);
    const summary = page.getByRole('dialog', { name: /Imported 1 source/ });
    await expect.poll(() => summary.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await summary.textContent()).toMatch(/read by OCR/);
    await summary.getByRole('button', { name: 'Close import summary' }).click();

    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Silo scan/ }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.locator('.reader-text').textContent()).toContain(QUOTE);
    // The reader says the text was read by OCR, with how sure the engine was.
    await expect.poll(() => reader.locator('.ocr-badge').textContent()).toMatch(/^OCR · \d+%$/);
    // And the page itself is marked as read by OCR, with its own confidence.
    const pageMark = reader.getByRole('note', { name: /^Page 1, read by OCR, confidence \d+%$/ });
    expect(await pageMark.getAttribute('data-label')).toMatch(/^p\. 1 · OCR \d+%$/);
    await screenshotsLightAndDark(page, 'ocr-reader-1440');
    expect(await axeViolations(page, { selector: '.reader' })).toEqual([]);

    await mouseSelect(page, QUOTE);
    await page.keyboard.press('Control+Shift+E');
    const popover = page.getByRole('dialog', { name: 'Save excerpt' });
    await expect.poll(() => popover.isVisible()).toBe(true);
    await popover.getByRole('button', { name: 'Save excerpt' }).click();
    await expect.poll(() => popover.count()).toBe(0);

    // A brief citing it, through the [[ typeahead.
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByLabel('Title of the new brief').fill('Silo inspection');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Brief text' });
    await editor.click();
    await page.keyboard.type('The shipment hid parts ', { delay: 5 });
    await page.keyboard.type('[[');
    const menu = page.locator('.citation-menu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.type('wheat', { delay: 20 });
    const option = menu.locator('.citation-option', { hasText: QUOTE });
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await option.first().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
    const pdfPath = `${server.dir}/silo.pdf`;
    await download.saveAs(pdfPath);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain(QUOTE);
    expect(pdfText).toContain('Silo scan');
    expect(problems).toEqual([]);
  });
});
