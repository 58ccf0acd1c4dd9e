// Lists as one Tab stop, in real Chromium against the sample workspace, by keyboard: the
// entity list (arrows, Home/End, type-ahead, Enter opens, Shift/Ctrl select several, the
// selection to the Trash together with one Undo).
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

const side = () => page.locator('.side-pane');
const list = () => side().getByRole('listbox', { name: 'Entities' });
const activeName = () => list().evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.querySelector('.entity-row-name')?.textContent ?? null);
const selectedNames = () => list().locator('[role="option"][aria-selected="true"] .entity-row-name').allTextContents();

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-lists-' });
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

describe('the entity list from the keyboard', () => {
  test('one Tab stop: arrows, End/Home, type-ahead, Enter opens; Shift selects several, which go to the Trash together and come back with Undo', async () => {
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ }).click();
    await list().waitFor();
    await side().getByRole('combobox', { name: 'Sort entities' }).selectOption('name');
    const names = await list().locator('.entity-row-name').allTextContents();
    expect(names.length).toBeGreaterThan(4);
    expect(await list().locator('button').count()).toBe(0); // rows are options, not a Tab stop each

    await list().focus();
    expect(await activeName()).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeName).toBe(names[1]);
    await page.keyboard.press('End');
    await expect.poll(activeName).toBe(names.at(-1));
    await page.keyboard.press('Home');
    await expect.poll(activeName).toBe(names[0]);
    // Letters jump to the next name that starts with them.
    const target = names.find((n, i) => i > 0 && n[0].toLowerCase() !== names[0][0].toLowerCase())!;
    await page.keyboard.type(target.slice(0, 3).toLowerCase());
    await expect.poll(activeName).toBe(target);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);

    // Shift+↓ twice: three rows selected; the toolbar says so.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(selectedNames).toEqual(names.slice(0, 3));
    const bar = side().getByRole('toolbar', { name: 'Selected entities' });
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('3 selected');
    await screenshotsLightAndDark(page, 'entities-selected-1440');
    await page.waitForTimeout(300);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    // Escape drops the selection; Ctrl+click adds one row at a time.
    await page.keyboard.press('Escape');
    await expect.poll(selectedNames).toEqual([]);
    await list().locator('.entity-row', { hasText: names[0] }).click({ modifiers: ['Control'] });
    await list().locator('.entity-row', { hasText: names[2] }).click({ modifiers: ['Control'] });
    await expect.poll(selectedNames).toEqual([names[0], names[2]]);

    await bar.getByRole('button', { name: 'Move to Trash' }).click();
    await expect.poll(() => list().locator('.entity-row-name').allTextContents()).toEqual(names.filter((_, i) => i !== 0 && i !== 2));
    expect((await server.api<{ name: string }[]>('entities:list', {})).map((e) => e.name)).not.toContain(names[0]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list().locator('.entity-row-name').allTextContents()).toEqual(names);

    // Enter opens the current entity's page.
    await list().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => side().locator('.side-title').textContent()).toContain(names[0]);
    expect(problems).toEqual([]);
  });
});
