// Find in the open source, from the keyboard, in a real Chromium: Ctrl+F opens the bar,
// every occurrence (case and accents aside) is highlighted, "n of m" follows Enter and
// Shift+Enter, the current one is revealed and marked in the text, Escape closes and the
// highlights go. axe on the bar.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findHits } from '../../renderer/src/reader/findHits';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { addSources } from '../helpers/sources';

const TEXT = 'Harbour report\n\nThe harbour master closed the Harbour on Monday.\n\nPilots said the HARBOUR would reopen; the harbóur board disagreed.\n\nNothing else.';
let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const reader = () => page.getByRole('region', { name: 'Reader' });
const count = () => reader().locator('.source-find-count').textContent();
const painted = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('sourcebook-find')?.size ?? 0);

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-find-',
    sample: false,
    prepare: (path) => void addSources(path, [{ title: 'Harbour report', text: TEXT, language: 'en' }]),
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

describe('find in the open source', () => {
  test('finds every occurrence, whatever its case or accents, and keeps the offsets of the text', () => {
    expect(findHits(TEXT, 'harbour').map(([s, e]) => TEXT.slice(s, e))).toEqual(['Harbour', 'harbour', 'Harbour', 'HARBOUR', 'harbóur']);
    expect(findHits(TEXT, '  ')).toEqual([]);
  });

  test('Ctrl+F, type, Enter and Shift+Enter, Escape', async () => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
    await reader().getByRole('heading', { level: 2 }).waitFor();
    await page.keyboard.press('Control+F');
    const field = reader().getByRole('searchbox', { name: 'Find in this source' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('harbour');
    await expect.poll(count).toBe('1 of 5');
    await expect.poll(painted).toBe(5);
    await page.keyboard.press('Enter');
    await expect.poll(count).toBe('2 of 5');
    await page.keyboard.press('Enter');
    await expect.poll(count).toBe('3 of 5');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(count).toBe('2 of 5');
    expect(await axeViolations(page, { selector: '.source-find' })).toEqual([]);
    await screenshotsLightAndDark(page, 'find-in-source');
    await page.keyboard.type('zz');
    await expect.poll(count).toBe('No match');
    expect(await painted()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source text');
    expect(problems).toEqual([]);
  });
});
