// Search that narrows, in real Chromium against the real server and the sample workspace,
// from the keyboard: facets with counts that add their filter to the query, "did you mean"
// for a misspelt word, and a saved search that stays live in the sidebar.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const box = () => page.getByRole('combobox', { name: 'Search' });
const results = () => page.getByRole('listbox', { name: 'Search results' });
const facets = () => page.getByRole('group', { name: /^Narrow the/ });
const resultTitles = () => results().locator('.search-result-title').allTextContents();

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-search-narrow-' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search that narrows', () => {
  test('facets count what the query matched; Tab reaches them and Enter adds the filter, which narrows the results', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('terminal ');
    await facets().waitFor();
    const kinds = facets().getByRole('button', { name: /^Kind: / });
    expect(await kinds.count()).toBeGreaterThan(1);
    const all = await resultTitles();
    expect(all.length).toBeGreaterThan(1);
    await screenshotsLightAndDark(page, 'search-facets-1440');
    expect(await axeViolations(page, { selector: '.search' })).toEqual([]);
    // At 1024×700 the facets leave room for results: the first is on screen.
    await page.setViewportSize({ width: 1024, height: 700 });
    const firstResult = (await results().getByRole('option').first().boundingBox())!;
    expect(firstResult.y + firstResult.height).toBeLessThanOrEqual(700);
    await screenshotsLightAndDark(page, 'search-facets-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Tab from the query to the first facet (Kind: sources), Enter: the query says so.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(first).toMatch(/^Kind: sources, \d+ match(es)?; adds kind:source$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => box().inputValue()).toBe('terminal kind:source ');
    await expect.poll(async () => [...new Set(await results().locator('.kind-badge').allTextContents())]).toEqual(['source']);
    // The focus is back in the query, ready for more.
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  test('dates narrow too: the year a source is dated, and an excerpt’s state', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('terminal ');
    await facets().waitFor();
    const years = facets().getByRole('button', { name: /^Dated: \d{4}, / });
    expect(await years.count()).toBeGreaterThan(0);
    expect(await facets().getByRole('button', { name: /^Added: / }).count()).toBeGreaterThan(0);
    expect(await facets().getByRole('button', { name: /^Excerpt state: exact, / }).count()).toBe(1);
    const label = (await years.first().getAttribute('aria-label'))!;
    const [, year, count] = /^Dated: (\d{4}), (\d+) match/.exec(label)!;
    await years.first().click();
    await expect.poll(() => box().inputValue()).toBe(`terminal date:${year} `);
    await expect.poll(() => facets().getAttribute('aria-label')).toBe(`Narrow the ${count} matches`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  test('a misspelt word is corrected: its results are shown with "did you mean"', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Kestrvaa ');
    const note = page.locator('.search-correction');
    await expect.poll(() => note.textContent()).toBe('No match for “Kestrvaa”. Showing results for kestrava.');
    expect((await resultTitles()).length).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await axeViolations(page, { selector: '.search' })).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  test('Save Search… keeps the query under a name in the sidebar, with its count; a click runs it again', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('terminal kind:source ');
    await expect.poll(async () => (await resultTitles()).length).toBeGreaterThan(0);
    const count = (await resultTitles()).length;
    await page.getByRole('button', { name: 'Save Search…' }).click();
    const name = page.getByLabel('Name of the saved search');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Terminal sources');
    await page.keyboard.press('Enter');
    const saved = page.getByRole('list', { name: 'Saved searches' }).getByRole('button', { name: /^Terminal sources/ });
    await saved.waitFor();
    expect((await saved.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Terminal sources ${count} ${count === 1 ? 'match' : 'matches'}: terminal kind:source`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await box().fill('');

    await saved.click();
    await expect.poll(() => box().inputValue()).toBe('terminal kind:source');
    await expect.poll(async () => (await resultTitles()).length).toBe(count);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await screenshotsLightAndDark(page, 'search-saved-sidebar-1440');
    expect(await axeViolations(page, { selector: '.sidebar' })).toEqual([]);

    // Deleted from the sidebar, with Undo.
    await page.getByRole('button', { name: 'Delete the saved search Terminal sources' }).click();
    await expect.poll(() => saved.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => saved.count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('several results chosen with Shift+↓: Enter opens the sources as tabs, Alt+Enter cites the excerpts in the open brief', async () => {
    await page.getByRole('list', { name: 'Briefs' }).getByRole('button').first().click();
    const citations = page.locator('.editor-content .citation');
    await citations.first().waitFor();
    const before = await citations.count();
    // The caret at the end of the brief's text: the citations go there.
    await page.getByRole('textbox', { name: 'Brief text' }).click();
    await page.keyboard.press('Control+End');

    // (Ctrl+K in the brief's text makes a link: the search box by a click.)
    await box().click();
    await page.keyboard.type('terminal kind:source ');
    await expect.poll(async () => (await resultTitles()).length).toBeGreaterThan(1);
    const titles = await resultTitles();
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => results().locator('[role="option"][aria-selected="true"]').count()).toBe(2);
    expect(await page.getByRole('toolbar', { name: 'Chosen results' }).getByRole('status').textContent()).toBe('2 chosen');
    await screenshotsLightAndDark(page, 'search-chosen-1440');
    expect(await axeViolations(page, { selector: '.search' })).toEqual([]);
    await page.keyboard.press('Enter');
    const tabs = page.getByRole('tablist', { name: 'Open sources' }).getByRole('tab');
    await expect.poll(async () => (await tabs.allTextContents()).filter((t) => titles.slice(0, 2).includes(t)).length).toBe(2);
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe(titles[1]);

    await page.keyboard.press('Control+k');
    await box().fill('terminal kind:excerpt ');
    await expect.poll(async () => [...new Set(await results().locator('.kind-badge').allTextContents())]).toEqual(['excerpt']);
    expect((await resultTitles()).length).toBeGreaterThan(1);
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => results().locator('[role="option"][aria-selected="true"]').count()).toBe(2);
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => citations.count()).toBe(before + 2);
    expect(problems).toEqual([]);
  });
});
