// The library at size, in a real Chromium against the real server: a workspace of 3,000
// generated sources (written through the store before the server starts). The sidebar
// keeps only the rows in view in the page, scrolls through all of them, and is one Tab
// stop: End, the arrows and Enter open a source far down. The filter and the order ask the
// server for what they show; an import lands at the top of the list without a reload.
// axe on the library, no console errors, screenshots at two sizes in light and dark.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SourcePage } from '../../db/domain';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { fillLibrary } from '../helpers/library';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';

const COUNT = 3_000;
let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const library = () => page.getByRole('listbox', { name: 'Sources' });
const reader = () => page.getByRole('region', { name: 'Reader' });
const rowsInPage = () => page.locator('.library-row').count();
const activeRow = () => page.evaluate(() => {
  const id = document.querySelector('[role="listbox"][aria-label="Sources"]')?.getAttribute('aria-activedescendant');
  const row = id ? document.getElementById(id) : null;
  return row ? { position: Number(row.getAttribute('aria-posinset')), of: Number(row.getAttribute('aria-setsize')), title: row.querySelector('.nav-item-title')?.textContent ?? '' } : null;
});
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('placeholder') ?? document.activeElement?.tagName);

async function shots(name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshotsLightAndDark(page, `library-${name}-1440`);
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshotsLightAndDark(page, `library-${name}-1024`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function expectNoAxeViolations() {
  expect(await axeViolations(page, { selector: '.sidebar-library' })).toEqual([]);
}

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-library-', sample: false, prepare: (path) => void fillLibrary(path, COUNT) });
  browser = await launchChromium();
  // bypassCSP: axe-core is injected as a script for the accessibility checks.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await library().getByRole('option').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a library of 3,000 sources', () => {
  test('draws only the rows in view, says how many there are, and scrolls through all of them', async () => {
    expect(await page.locator('.sidebar-library .sidebar-header .count').getAttribute('aria-label')).toBe(`${COUNT} sources`);
    expect(await page.locator('.sidebar-library .sidebar-header .count').textContent()).toBe('3,000');
    expect(await rowsInPage()).toBeLessThan(40);
    const newest = (await server.api<SourcePage>('sources:page', { offset: 0, limit: 1, sort: 'added' })).rows[0];
    expect(await library().getByRole('option').first().locator('.nav-item-title').textContent()).toBe(newest.title);
    expect(await library().getByRole('option').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    await expectNoAxeViolations();
    await shots('01-top');

    // Half way down, as the scroll bar dragged there: the rows there are fetched and drawn.
    await library().evaluate((list) => (list.scrollTop = list.scrollHeight / 2));
    const middle = (await server.api<SourcePage>('sources:page', { offset: 1_500, limit: 1, sort: 'added' })).rows[0];
    await expect.poll(() => library().getByRole('option', { name: middle.title }).count()).toBe(1);
    expect(await rowsInPage()).toBeLessThan(40);
    expect(await page.locator('.library-row-loading').count()).toBe(0);
    // The wheel, on down.
    const box = (await library().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 500);
    await expect.poll(() => library().evaluate((list) => list.scrollTop)).toBeGreaterThan(1_500 * 72 + 2_000);
    const top = await library().evaluate((list) => Math.floor(list.scrollTop / 72) + 1);
    expect(top).toBeGreaterThan(1_520);
    const further = (await server.api<SourcePage>('sources:page', { offset: top, limit: 1, sort: 'added' })).rows[0];
    await expect.poll(() => library().getByRole('option', { name: further.title }).count()).toBe(1);
    await expect.poll(() => page.locator('.library-row-loading').count()).toBe(0);
    expect(await rowsInPage()).toBeLessThan(40);
  });

  test('is one Tab stop; End, the arrows and Enter open a source far down', async () => {
    await page.getByRole('searchbox', { name: 'Filter the library' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Sources');
    await page.keyboard.press('End');
    await expect.poll(activeRow).toMatchObject({ position: COUNT, of: COUNT });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('PageUp');
    // The row may still be arriving (its page is fetched as it comes into view).
    await expect.poll(async () => (await activeRow())?.title ?? '').not.toBe('');
    const active = (await activeRow())!;
    expect(active.position).toBeLessThan(COUNT - 2);
    expect(active.position).toBeGreaterThan(COUNT - 20);
    const expected = (await server.api<SourcePage>('sources:page', { offset: active.position - 1, limit: 1, sort: 'added' })).rows[0];
    expect(active.title).toBe(expected.title);
    await page.keyboard.press('Enter');
    await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toBe(expected.title);
    expect(await library().getByRole('option', { name: expected.title }).getAttribute('aria-selected')).toBe('true');
    // The list keeps the focus; Tab leaves it in one step.
    expect(await focused()).toBe('Sources');
    await expectNoAxeViolations();
    await shots('02-opened-far-down');
    await page.keyboard.press('Home');
    await expect.poll(activeRow).toMatchObject({ position: 1 });
    expect(await library().evaluate((list) => list.scrollTop)).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focused()).not.toBe('Sources');
  });

  test('the filter and the order ask the server for what they show', async () => {
    const filter = page.getByRole('searchbox', { name: 'Filter the library' });
    await filter.fill('report 12');
    // Both words, anywhere in the title or the publisher ("report 12", "report 1203", "report 312"…).
    const matching = await server.api<SourcePage>('sources:page', { offset: 0, limit: 500, sort: 'added', filter: 'report 12' });
    expect(matching.total).toBeGreaterThan(100);
    expect(matching.total).toBeLessThan(300);
    await expect.poll(() => page.locator('.sidebar-library .sidebar-header .count').getAttribute('aria-label')).toBe(`${matching.total} sources match`);
    await expect.poll(() => library().getByRole('option').first().locator('.nav-item-title').textContent()).toBe(matching.rows[0].title);
    await expectNoAxeViolations();
    await shots('03-filtered');

    await page.getByRole('combobox', { name: 'Sort the library by' }).selectOption('title');
    const byTitle = await server.api<SourcePage>('sources:page', { offset: 0, limit: 3, sort: 'title', filter: 'report 12' });
    await expect.poll(() => library().getByRole('option').first().locator('.nav-item-title').textContent()).toBe(byTitle.rows[0].title);
    await page.getByRole('button', { name: 'Title, A to Z' }).click();
    const reversed = await server.api<SourcePage>('sources:page', { offset: 0, limit: 3, sort: 'title', direction: 'desc', filter: 'report 12' });
    await expect.poll(() => library().getByRole('option').first().locator('.nav-item-title').textContent()).toBe(reversed.rows[0].title);
    expect(await page.getByRole('button', { name: 'Title, Z to A' }).count()).toBe(1);

    await filter.fill('no such words');
    await expect.poll(() => page.locator('.sidebar-library [role="status"]').textContent()).toContain('Nothing in the library matches “no such words”');
    await filter.press('Escape');
    await expect.poll(() => page.locator('.sidebar-library .sidebar-header .count').getAttribute('aria-label')).toBe(`${COUNT} sources`);
    await page.getByRole('combobox', { name: 'Sort the library by' }).selectOption('added');
  });

  test('an import shows at the top of the list without a reload', async () => {
    const file = join(server.dir, 'late-cable.txt');
    writeFileSync(file, 'Late cable from the Kestrava consulate\n\nThe terminal audit was delayed again.\n');
    await page.getByLabel('Files to import').setInputFiles([file]);
    await expect.poll(() => page.locator('.sidebar-library .sidebar-header .count').getAttribute('aria-label'), { timeout: 20_000 }).toBe(`${COUNT + 1} sources`);
    await expect.poll(() => library().getByRole('option').first().textContent()).toContain('late-cable.txt');
    expect(problems).toEqual([]);
  });

  test('an import never takes away the source being read: its summary offers the new one instead', async () => {
    const reading = (await server.api<SourcePage>('sources:page', { offset: 7, limit: 1, sort: 'added' })).rows[0];
    await library().getByRole('option', { name: reading.title }).click();
    await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toBe(reading.title);
    const file = join(server.dir, 'night-cable.txt');
    writeFileSync(file, 'Night cable from the harbour office\n\nThe second berth stays closed.\n');
    await page.getByLabel('Files to import').setInputFiles([file]);
    const summary = page.getByRole('dialog', { name: /Imported 1 source/ });
    await expect.poll(() => summary.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await reader().getByRole('heading', { level: 2 }).textContent()).toBe(reading.title);
    await summary.locator('.import-list button', { hasText: 'Night cable from the harbour office' }).click();
    await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toBe('Night cable from the harbour office');
  });
});
