// A search result opened in the reader, from the keyboard, in a real Chromium: the source
// opens at the first hit with every word of the query highlighted (as search matched it:
// whole words, a word still being typed as a prefix), "n of m" in the find bar, Enter /
// Shift+Enter and F3 / Shift+F3 to the next and previous hit, Escape back to the text with
// the caret at the hit. axe on the bar; screenshots at 1440×900 and 1024×700.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshot, screenshotsLightAndDark } from '../helpers/screenshots';
import { addSources } from '../helpers/sources';

const TEXT = [
  'Harbour report',
  'The harbour master closed the Harbour on Monday, and the harbours along the coast followed.',
  'Pilots said the HARBOUR would reopen; the harbourmaster disagreed.',
  'Nothing else happened in the port that week.',
].join('\n\n');

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const reader = () => page.getByRole('region', { name: 'Reader' });
const bar = () => reader().getByRole('search', { name: 'Find in this source' });
const count = () => bar().locator('.source-find-count').textContent();
const painted = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('sourcebook-find')?.size ?? 0);
const atCaret = () => page.evaluate(() => {
  const s = window.getSelection();
  return s?.focusNode?.textContent?.slice(s.focusOffset, s.focusOffset + 7) ?? '';
});

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-search-hits-',
    sample: false,
    prepare: (path) => void addSources(path, [{ title: 'Harbour report', text: TEXT, language: 'en' }, { title: 'Weather notes', text: 'Rain on Monday.', language: 'en' }]),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function searchAndOpen(query: string) {
  await page.keyboard.press('Control+K');
  await page.keyboard.type(query);
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /Harbour report/ }).waitFor();
  await page.keyboard.press('Enter');
}

describe('a search result in the reader', () => {
  test('opens at the first hit with every hit highlighted; Enter, Shift+Enter, F3, Shift+F3; Escape to the text at the hit', async () => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
    await searchAndOpen('harbour ');
    await reader().getByRole('heading', { name: 'Harbour report' }).waitFor();
    // Whole words, whatever their case, and "harbours" too (an English source: stemmed), never "harbourmaster".
    await expect.poll(count).toBe('1 of 5');
    expect(await bar().getByText('Search words').isVisible()).toBe(true);
    expect(await bar().getByRole('searchbox').inputValue()).toBe('harbour ');
    await expect.poll(painted).toBe(5);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.source-find'))).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(count).toBe('2 of 5');
    await page.keyboard.press('F3');
    await expect.poll(count).toBe('3 of 5');
    await page.keyboard.press('Shift+F3');
    await expect.poll(count).toBe('2 of 5');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(count).toBe('1 of 5');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(count).toBe('5 of 5');
    expect(await axeViolations(page, { selector: '.source-find' })).toEqual([]);
    await screenshotsLightAndDark(page, 'search-hits');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'search-hits-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // F3 from the text goes on through the hits.
    await reader().getByRole('region', { name: 'Source text' }).focus();
    await page.keyboard.press('F3');
    await expect.poll(count).toBe('1 of 5');

    // Back in the field, Escape closes the bar: the keyboard is in the text, the caret at the hit.
    await bar().getByRole('searchbox').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => bar().count()).toBe(0);
    await expect.poll(painted).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source text');
    await expect.poll(atCaret).toBe('Harbour');
    expect(problems).toEqual([]);
  });

  test('a word still being typed is a prefix, as in the results; editing the field finds what is typed instead', async () => {
    await searchAndOpen('harb');
    await expect.poll(count).toBe('1 of 6');
    await page.keyboard.type('ourmaster');
    await expect.poll(() => bar().getByText('Search words').count()).toBe(0);
    await expect.poll(count).toBe('1 of 1');
    expect(problems).toEqual([]);
  });
});
