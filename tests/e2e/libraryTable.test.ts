// The library as a table, in a real Chromium against the real server, on 2,000 generated
// sources and two that share a title: opened from the keyboard, sorted by its headers,
// one Tab stop with arrows, Shift+arrows, Space, type-ahead and Enter; columns chosen and
// remembered; the selection graded and moved to the Trash in one go, and brought back.
// axe on the table, light and dark; screenshots at two sizes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SourcePage } from '../../db/domain';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { fillLibrary } from '../helpers/library';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';

const COUNT = 2_000;
const TWIN = 'Customs seize drone parts at the East Terminal';
let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const grid = () => page.getByRole('grid', { name: 'Sources' });
const header = (name: string) => grid().getByRole('columnheader', { name: new RegExp(`^${name}`) });
const activeRow = () =>
  page.evaluate(() => {
    const id = document.querySelector('[role="grid"][aria-label="Sources"]')?.getAttribute('aria-activedescendant');
    const row = id ? document.getElementById(id) : null;
    return row ? { index: Number(row.getAttribute('aria-rowindex')) - 2, title: row.querySelector('[role="gridcell"] span')?.textContent ?? '' } : null;
  });
const selectedCount = () => page.locator('.library-bulk-count').textContent();
const total = async () => (await server.api<SourcePage>('sources:page', { offset: 0, limit: 1, sort: 'added' })).total;

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-library-table-',
    sample: false,
    prepare: (path) => {
      fillLibrary(path, COUNT);
      const db = openWorkspace(path);
      for (const [publisher, date] of [['Harbour Watch', '2025-11-04'], ['Coastal Ledger', '2025-11-05']] as const) {
        insertSource(db, { title: TWIN, author: null, publisher, publishedAt: date, url: null, language: null, format: 'text', originalName: null, text: `${TWIN}. Reported by ${publisher}.`, original: null });
      }
      db.close();
    },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the library table', () => {
  test('opens from the keyboard, draws only the rows in view, and sorts by its headers', async () => {
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => grid().isVisible()).toBe(true);
    await expect.poll(() => grid().getAttribute('aria-rowcount')).toBe(String(COUNT + 2 + 1));
    expect(await grid().getByRole('row').count()).toBeLessThan(60);
    // Newest first, as the library opens (Added is not among the columns shown at first).
    expect(await header('Title').getAttribute('aria-sort')).toBe('none');
    expect(await header('Added').count()).toBe(0);

    await header('Title').getByRole('button').click();
    expect(await header('Title').getAttribute('aria-sort')).toBe('ascending');
    const byTitle = (await server.api<SourcePage>('sources:page', { offset: 0, limit: 3, sort: 'title' })).rows.map((r) => r.title);
    await expect.poll(() => grid().locator('.library-table-body [role="row"]').first().locator('[role="gridcell"]').first().locator('span').first().textContent()).toBe(byTitle[0]);
    await header('Title').getByRole('button').click();
    expect(await header('Title').getAttribute('aria-sort')).toBe('descending');

    // The sources sharing a title say which is which.
    await page.getByLabel('Filter the library').first().fill('East Terminal');
    await expect.poll(() => grid().locator('.library-twin').count()).toBe(2);
    const twins = await grid().locator('.library-twin').allTextContents();
    expect(twins.some((t) => t.includes('Harbour Watch')) && twins.some((t) => t.includes('Coastal Ledger'))).toBe(true);
    await page.getByLabel('Filter the library').first().fill('');

    expect(await axeViolations(page, { selector: '.side-pane-library' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300); // the theme's colours change with a transition
    expect(await axeViolations(page, { selector: '.side-pane-library' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshotsLightAndDark(page, 'library-table-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'library-table-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('is one Tab stop: arrows move, Shift extends, Space toggles, letters jump, Enter opens', async () => {
    await header('Title').getByRole('button').click(); // back to A to Z
    await expect.poll(() => header('Title').getAttribute('aria-sort')).toBe('ascending');
    await grid().focus();
    // Focus shows the first row as the active one; the arrows go on from there.
    expect((await activeRow())?.index).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await activeRow())?.index).toBe(2);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(selectedCount).toBe('3 selected');
    await page.keyboard.press(' ');
    await expect.poll(selectedCount).toBe('2 selected');
    await page.keyboard.press('End');
    const last = (await server.api<SourcePage>('sources:page', { offset: COUNT + 1, limit: 1, sort: 'title' })).rows[0];
    await expect.poll(async () => (await activeRow())?.title).toBe(last.title);
    await page.keyboard.press('Home');
    // Type-ahead: the first title starting with the letters typed.
    // (The twins' titles start with "Customs"; A to Z, they are far below the rows loaded.)
    const allTitles: string[] = [];
    for (let offset = 0; offset < COUNT + 2; offset += 500) allTitles.push(...(await server.api<SourcePage>('sources:page', { offset, limit: 500, sort: 'title' })).rows.map((r) => r.title));
    const target = { title: allTitles.find((t) => t.toLowerCase().startsWith('cu'))! };
    expect(allTitles.indexOf(target.title)).toBeGreaterThan(150); // beyond the pages loaded
    await page.keyboard.type('cu');
    await expect.poll(async () => (await activeRow())?.title).toBe(target.title);
    await page.keyboard.press('Enter');
    const opened = (await activeRow())!.title;
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 }).textContent()).toBe(opened);
    // The grid is still the one Tab stop of the rows: Tab leaves it.
    await grid().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null)).toBe(true);
  });

  test('columns are chosen and remembered', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Publisher' }).uncheck();
    await page.getByRole('checkbox', { name: 'Language' }).check();
    await expect.poll(() => header('Publisher').count()).toBe(0);
    expect(await header('Language').count()).toBe(1);
    await page.reload();
    await expect.poll(() => grid().isVisible()).toBe(true);
    expect(await header('Publisher').count()).toBe(0);
    expect(await header('Language').count()).toBe(1);
  });

  test('grades a selection and moves it to the Trash in one go; Undo brings it back', async () => {
    const before = await total();
    await grid().locator('.library-table-body [role="row"]').nth(0).click();
    await grid().locator('.library-table-body [role="row"]').nth(2).click({ modifiers: ['Shift'] });
    await expect.poll(selectedCount).toBe('3 selected');
    const ids = await page.evaluate(() => [...document.querySelectorAll('.library-table-body [role="row"][aria-selected="true"]')].length);
    expect(ids).toBe(3);
    await page.getByRole('toolbar', { name: 'Selected sources' }).getByRole('combobox').selectOption('B');
    await expect.poll(() => page.getByText('Graded 3 sources B.').count()).toBe(1);
    await expect.poll(() => grid().locator('.library-table-body [role="row"][aria-selected="true"] [role="gridcell"]', { hasText: /^B$/ }).count()).toBe(3);

    await grid().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByText('Moved 3 sources to the Trash.').count()).toBe(1);
    await expect.poll(total).toBe(before - 3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(total).toBe(before);
    expect(problems).toEqual([]);
  });

  test('tags a selection from the keyboard: the Tags column shows it and tag: finds those sources', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Tags' }).check();
    await page.getByRole('button', { name: 'Columns' }).click();
    await grid().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(selectedCount).toBe('2 selected');
    const titles = await grid().locator('.library-table-body [role="row"][aria-selected="true"] [role="gridcell"]:first-child').allTextContents();
    const bulk = page.getByRole('toolbar', { name: 'Selected sources' });
    await bulk.getByRole('button', { name: 'Tag…' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Tag the selected sources' });
    await form.waitFor();
    await page.keyboard.type('leads/port-watch');
    await screenshotsLightAndDark(page, 'library-bulk-tag-1440');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(200);
      expect(await axeViolations(page, { selector: '.library-bulk' }), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Tagged 2 sources with “leads/port-watch”.').count()).toBe(1);
    await expect.poll(() => form.count()).toBe(0);
    // The focus is back on Tag…, and the rows say their tag.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tag…');
    await expect.poll(() => grid().locator('.library-table-body [role="row"][aria-selected="true"] [role="gridcell"]', { hasText: 'leads/port-watch' }).count()).toBe(2);
    // Search finds the tagged sources by the tag's top level.
    const found = await server.api<{ kind: string; title: string }[]>('search:query', { query: 'tag:leads kind:source' });
    // (Twins' cells say their publisher, date and format after the title.)
    expect(found.map((r) => r.title).sort()).toEqual(titles.map((t) => t.split(' — ')[0]).sort());
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'library-bulk-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(problems).toEqual([]);
  });
});
