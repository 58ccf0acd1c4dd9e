// Sources and briefs open as tabs, in real Chromium against the sample workspace: each
// source the reader opens joins the reader's tabs, each brief the editor's; a tab brings
// it back, ← → move along the tabs from the keyboard, Delete closes one (its neighbour
// opens), Ctrl+PageDown/PageUp go round the tabs of the pane in focus.
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

const library = () => page.getByRole('listbox', { name: 'Sources' });
const sourceTabs = () => page.getByRole('tablist', { name: 'Open sources' });
const briefTabs = () => page.getByRole('tablist', { name: 'Open briefs' });
const readerTitle = () => page.locator('.reader-title').textContent();
const selectedTab = (list: ReturnType<typeof sourceTabs>) => list.getByRole('tab', { selected: true }).textContent();

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-tabs-' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await library().getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tabs', () => {
  test('the sources opened are tabs of the reader: a click, the arrows and Delete', async () => {
    const titles = await library().locator('[role="option"]').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label') ?? o.textContent ?? ''));
    expect(titles.length).toBe(3);
    await library().getByRole('option').nth(0).click();
    const first = (await readerTitle())!;
    // One source open: no tab row yet.
    expect(await sourceTabs().count()).toBe(0);
    await library().getByRole('option').nth(1).click();
    await expect.poll(readerTitle).not.toBe(first);
    const second = (await readerTitle())!;
    await library().getByRole('option').nth(2).click();
    await expect.poll(readerTitle).not.toBe(second);
    const third = (await readerTitle())!;
    await expect.poll(() => sourceTabs().getByRole('tab').allTextContents()).toEqual([first, second, third]);
    expect(await selectedTab(sourceTabs())).toBe(third);
    await screenshotsLightAndDark(page, 'tabs-reader-1440');
    expect(await axeViolations(page, { selector: '.pane-tabs' })).toEqual([]);

    // A click brings the first back.
    await sourceTabs().getByRole('tab', { name: first }).click();
    await expect.poll(readerTitle).toBe(first);
    // From the keyboard: → opens the next tab; Delete closes it and its neighbour opens.
    await page.keyboard.press('ArrowRight');
    await expect.poll(readerTitle).toBe(second);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press('Delete');
    await expect.poll(() => sourceTabs().getByRole('tab').allTextContents()).toEqual([first, third]);
    await expect.poll(readerTitle).toBe(third);
    // The × of a tab closes it with the mouse; one tab left: the row goes.
    await sourceTabs().getByTitle(`Close ${first} (Delete)`).click();
    await expect.poll(() => sourceTabs().count()).toBe(0);
    expect(await readerTitle()).toBe(third);
  });

  test('briefs are tabs of the editor; Ctrl+PageDown and Ctrl+PageUp go round those of the pane in focus', async () => {
    const briefs = await server.api<{ id: string; title: string }[]>('briefs:list', {});
    const other = { title: 'Second line of inquiry' };
    await page.getByRole('list', { name: 'Briefs' }).getByRole('button', { name: new RegExp(briefs[0].title.slice(0, 20)) }).click();
    await page.getByRole('textbox', { name: 'Brief title' }).waitFor();
    // A new brief from the sidebar opens in the editor beside the first, as a second tab.
    await page.locator('.sidebar').getByRole('button', { name: 'New brief' }).click();
    await page.getByRole('textbox', { name: 'Title of the new brief' }).fill(other.title);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Brief title' }).inputValue()).toBe(other.title);
    await expect.poll(() => briefTabs().getByRole('tab').allTextContents()).toEqual([briefs[0].title, other.title]);

    // The focus in the editor: the keys go round the briefs, not the sources.
    await page.getByRole('textbox', { name: 'Brief text' }).click();
    await page.keyboard.press('Control+PageDown');
    await expect.poll(() => page.getByRole('textbox', { name: 'Brief title' }).inputValue()).toBe(briefs[0].title);
    await page.getByRole('textbox', { name: 'Brief title' }).focus();
    await page.keyboard.press('Control+PageUp');
    await expect.poll(() => page.getByRole('textbox', { name: 'Brief title' }).inputValue()).toBe(other.title);
    // Renaming a brief renames its tab.
    const title = page.getByRole('textbox', { name: 'Brief title' });
    await title.fill('Second line, renamed');
    await expect.poll(() => briefTabs().getByRole('tab').allTextContents()).toEqual([briefs[0].title, 'Second line, renamed']);
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'tabs-briefs-1024');
    expect(await axeViolations(page, { selector: '.brief-pane .pane-tabs' })).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the tabs come back after a restart: a new window on the same workspace opens with them', async () => {
    const before = await briefTabs().getByRole('tab').allTextContents();
    expect(before).toHaveLength(2);
    // As a restart: nothing of this window's session (sessionStorage, memory) is left, only what the app keeps.
    await page.evaluate(() => sessionStorage.clear());
    // The address again: it carries the served workspace's token, which the session kept.
    await page.goto(server.url);
    await expect.poll(() => briefTabs().getByRole('tab').allTextContents()).toEqual(before);
  });
});
