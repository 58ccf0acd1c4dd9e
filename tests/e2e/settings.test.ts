// Settings (Ctrl+,) in real Chromium against the real server and the sample workspace,
// driven by the keyboard: the theme, the reader's text, how dates read, the export
// defaults, the backups folder, and a shortcut changed, refused when taken, and followed by
// the window. Each change is in the test's own settings.json and survives a reload.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshot, screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const sourcesList = () => page.getByRole('listbox', { name: 'Sources' });
const dialog = () => page.getByRole('dialog', { name: 'Settings' });
/** The test's settings.json as saved ({} before the first change). */
const settingsFile = () => (existsSync(join(server.dir, 'settings.json')) ? JSON.parse(readFileSync(join(server.dir, 'settings.json'), 'utf8')) : {}) as Record<string, unknown>;
const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-settings-' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await sourcesList().getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Settings', () => {
  test('Ctrl+, opens Settings; the theme, the reader’s text and the dates change at once and are remembered', async () => {
    await page.keyboard.press('Control+,');
    await dialog().waitFor();
    expect(await axeViolations(page, { selector: '.settings-dialog' })).toEqual([]);
    await screenshotsLightAndDark(page, 'settings-1440');

    // Theme: Dark, with the keyboard (radio buttons move with the arrows).
    await dialog().getByRole('radio', { name: 'Dark' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForTimeout(300);
    expect(await axeViolations(page, { selector: '.settings-dialog' })).toEqual([]);

    // The reader's text: sans-serif, 20 px.
    const reader = dialog().getByRole('group', { name: 'Reader text' });
    await reader.getByLabel('Typeface').selectOption('sans');
    const size = reader.getByLabel('Size (px)');
    await size.fill('20');
    await size.press('Enter');
    await expect.poll(() => dialog().getByRole('status').last().textContent()).toContain('The reader’s text saved.');
    // A size out of range is not taken: the field goes back to the size saved.
    await size.fill('200');
    await size.press('Enter');
    await expect.poll(() => size.inputValue()).toBe('20');

    // Dates in ISO 8601: the example says so.
    await dialog().getByLabel('Language of dates').selectOption('iso');
    await expect.poll(() => dialog().locator('.settings-hint strong').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);

    // The window follows: the reader's text, and the library's dates.
    await sourcesList().getByRole('option').first().click();
    const text = page.locator('.reader-text').first();
    await text.waitFor();
    expect(await text.evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
    const meta = await sourcesList().locator('.nav-item-meta, .library-meta, [class*="meta"]').allTextContents();
    expect(meta.join(' ')).toMatch(/\d{4}-\d{2}-\d{2}/);

    // Remembered: in the settings file, and after a reload.
    expect(settingsFile()).toMatchObject({ theme: 'dark', reader: { font: 'sans', size: 20 }, dates: 'iso' });
    await page.reload();
    await sourcesList().getByRole('option').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await sourcesList().getByRole('option').first().click();
    await page.locator('.reader-text').first().waitFor();
    expect(await page.locator('.reader-text').first().evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
  });

  test('export defaults reach the export menu; a backups folder that does not exist is refused with a sentence', async () => {
    await page.keyboard.press('Control+,');
    await dialog().waitFor();
    const banner = dialog().getByLabel(/^Banner/);
    await banner.fill('UNCLASSIFIED // TEST');
    await banner.press('Enter');
    await expect.poll(() => settingsFile().export).toMatchObject({ banner: 'UNCLASSIFIED // TEST' });
    // Each change is saved before the checkbox shows it (the box follows the saved settings).
    await dialog().getByRole('checkbox', { name: /Strict/ }).click();
    await expect.poll(() => dialog().getByRole('checkbox', { name: /Strict/ }).isChecked()).toBe(true);
    await dialog().getByRole('radio', { name: 'Letter' }).click();
    await expect.poll(() => settingsFile().export).toEqual({ banner: 'UNCLASSIFIED // TEST', strict: true, paper: 'Letter' });

    const folder = dialog().getByLabel(/^Backups folder/);
    await folder.fill(join(server.dir, 'no-such-folder'));
    await folder.press('Enter');
    const refusal = dialog().getByRole('alert');
    await expect.poll(() => refusal.textContent()).toContain('There is no folder');
    expect(await folder.getAttribute('aria-invalid')).toBe('true');
    expect((settingsFile().backups as { folder: string | null }).folder).toBeNull();
    // A folder that exists is taken, and the hint says where this workspace's backups go now.
    const home = join(server.dir, 'backups-home');
    mkdirSync(home);
    await folder.fill(home);
    await folder.press('Enter');
    await expect.poll(() => dialog().locator('#settings-folder-now').textContent()).toContain(home);
    expect((settingsFile().backups as { folder: string | null }).folder).toBe(home);
    await page.keyboard.press('Escape');

    // A brief's export menu starts from them.
    const briefs = await server.api<{ id: string; title: string }[]>('briefs:list', {});
    await page.keyboard.press('Control+o');
    await page.keyboard.type(briefs[0].title.slice(0, 14), { delay: 10 });
    const open = page.getByRole('dialog', { name: 'Quick Open' });
    await expect.poll(() => open.getByRole('option').first().textContent()).toContain(briefs[0].title);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Export options' }).click();
    const menu = page.getByRole('form', { name: 'Export brief' });
    await expect.poll(() => menu.getByLabel(/Banner/).inputValue()).toBe('UNCLASSIFIED // TEST');
    expect(await menu.getByRole('checkbox', { name: /[Ss]trict/ }).isChecked()).toBe(true);
    expect(await menu.getByLabel(/Paper/).inputValue()).toBe('Letter');
    await page.keyboard.press('Escape');
  });

  test('a shortcut changed in Settings is refused when another command has it, and the window, the palette and the sheet follow the new one', async () => {
    await page.keyboard.press('Control+,');
    await dialog().waitFor();
    await dialog().getByLabel('Find a command or a key').fill('library table');
    const change = dialog().getByRole('button', { name: 'Change the keys of Library Table' });
    await change.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Press the new keys for Library Table; Escape cancels');
    // Ctrl+K is Search's: refused, with a sentence naming it.
    await page.keyboard.press('Control+k');
    const refusal = dialog().getByRole('alert');
    await expect.poll(() => refusal.textContent()).toMatch(/Search/);
    expect(settingsFile().shortcuts ?? {}).toEqual({});

    // Ctrl+Alt+L is free: taken.
    await change.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+l');
    await expect.poll(() => dialog().locator('tr.is-changed .shortcut-keys').first().textContent()).toContain('Ctrl+Alt+L');
    expect(settingsFile().shortcuts).toEqual({ 'view.library': ['CmdOrCtrl+Alt+L'] });
    await screenshot(page, 'settings-shortcut-changed-1440');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);

    // The window: the new key opens the library table; the old one no longer does.
    const table = page.getByRole('grid', { name: 'Sources' });
    await page.locator('body').press('Control+Shift+l');
    await page.waitForTimeout(300);
    expect(await table.count()).toBe(0);
    await page.locator('body').press('Control+Alt+l');
    await expect.poll(() => table.count()).toBe(1);

    // The palette and the sheet show it.
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('library table');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(async () => (await palette.getByRole('option').allTextContents())[0]).toBe('ViewLibrary TableCtrl+Alt+L');
    await page.keyboard.press('Escape');

    // Reset gives back the registry's key.
    await page.keyboard.press('Control+,');
    await dialog().getByLabel('Find a command or a key').fill('library table');
    await dialog().getByRole('button', { name: 'Reset the keys of Library Table' }).click();
    await expect.poll(() => settingsFile().shortcuts).toEqual({});
    await page.keyboard.press('Escape');
  });

  test('at 1024×700 in light and dark, every section is reachable and nothing went wrong on the page', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.keyboard.press('Control+,');
    await dialog().waitFor();
    const box = await dialog().boundingBox();
    expect(box!.height).toBeLessThanOrEqual(700);
    await dialog().getByRole('heading', { name: 'Keyboard shortcuts' }).scrollIntoViewIfNeeded();
    expect(await dialog().getByRole('heading', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await screenshotsLightAndDark(page, 'settings-1024');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });
});
