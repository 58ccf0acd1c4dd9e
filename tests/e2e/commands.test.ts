// The command registry in the window, in real Chromium against the real server and the
// sample workspace: its shortcuts, the shortcuts sheet, and commands arriving as the
// application menu sends them (a `sourcebook:command` page event from the main process).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';
import { COMMANDS } from '../../common/commands';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** What the Electron menu does for a window command. */
const fromMenu = (id: string) => page.evaluate((detail) => window.dispatchEvent(new CustomEvent('sourcebook:command', { detail })), id);
const sourcesList = () => page.getByRole('listbox', { name: 'Sources' });

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-commands-' });
  browser = await launchChromium();
  // bypassCSP: axe-core is injected as a script for the accessibility checks.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await sourcesList().getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('commands in the window', () => {
  test('Ctrl+/ opens the shortcuts sheet, listing each shortcut of the registry by category', async () => {
    await page.keyboard.press('Control+/');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const rows = await sheet.locator('.shortcuts-row').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['SearchCtrl+K', 'Toggle SidebarCtrl+\\', 'Import SourcesCtrl+Shift+I', 'Open WorkspaceCtrl+Shift+O']));
    // The registry's categories, then the keys of parts of the window, then what typing does in a brief.
    expect(await sheet.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Workspace', 'Import', 'Brief', 'Edit', 'View', 'Window', 'Help', 'Reader', 'Brief editor', 'Anywhere but a text field', 'Lists and dialogs', 'Window', 'Typing in a brief']);
    // A command's other keys are listed with it; Ctrl+K is Search, and a link in a brief's text.
    expect(rows).toEqual(expect.arrayContaining(['Command PaletteCtrl+Shift+P or Ctrl+P or F1', 'Keyboard ShortcutsCtrl+/ or ?', 'New BriefCtrl+N', 'SettingsCtrl+,', 'Insert Link (in a brief’s text)Ctrl+K']));
    // Every shortcut: the reader's, the editor's and Undo of a delete too.
    expect(rows).toEqual(expect.arrayContaining(['Save the selection as an excerptCtrl+Shift+E', 'BoldCtrl+B', 'Heading 1, 2, 3Ctrl+Alt+1 or Ctrl+Alt+2 or Ctrl+Alt+3', 'Undo the last deleteCtrl+Z']));
    expect(await axeViolations(page, { selector: '.shortcuts-sheet' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, { selector: '.shortcuts-sheet' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshotsLightAndDark(page, 'cmd-shortcuts-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'cmd-shortcuts-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
  });

  test('Toggle Sidebar, from the menu or Ctrl+\\, hides the library and gives its room to the panes', async () => {
    const readerWidth = () => page.getByRole('region', { name: 'Reader' }).evaluate((el) => el.getBoundingClientRect().width);
    const before = await readerWidth();
    await fromMenu('view.toggleSidebar');
    await expect.poll(() => sourcesList().isVisible()).toBe(false);
    expect(await readerWidth()).toBeGreaterThan(before + 50);
    await screenshotsLightAndDark(page, 'cmd-sidebar-hidden');
    // Remembered across a reload, as the split sizes are.
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).isVisible()).toBe(true);
    expect(await sourcesList().isVisible()).toBe(false);
    // The top bar's toggle brings it back (browser mode has no menu to find the command in).
    const toggle = page.getByRole('button', { name: 'Sidebar' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await axeViolations(page, { selector: '.topbar' })).toEqual([]);
    await toggle.click();
    await expect.poll(() => sourcesList().isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+\\');
    await expect.poll(() => sourcesList().isVisible()).toBe(false);
    await page.keyboard.press('Control+\\');
    await expect.poll(() => sourcesList().isVisible()).toBe(true);
  });

  test('Search and Find in Workspace put the cursor in the search field', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' }).or(page.getByRole('combobox', { name: 'Search' }));
    await page.getByRole('region', { name: 'Reader' }).click({ position: { x: 5, y: 5 } });
    await fromMenu('edit.find');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('Export Brief says to open a brief first, then exports the open brief as a download under its title', async () => {
    await fromMenu('export.pdf');
    await expect.poll(() => page.getByText('Open a brief to export it.').isVisible()).toBe(true);
    await page.getByRole('list', { name: 'Briefs' }).getByRole('button').first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Export PDF' }).isVisible()).toBe(true);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await fromMenu('export.pdf');
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    const markdown = page.waitForEvent('download', { timeout: 60_000 });
    await fromMenu('export.md');
    expect((await markdown).suggestedFilename()).toMatch(/\.md$/);
  });

  test('the palette opens on Ctrl+P and F1 too; ? opens the shortcuts outside text fields only; Ctrl+N starts a new brief', async () => {
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    for (const keys of ['Control+P', 'F1']) {
      await page.keyboard.press(keys);
      await expect.poll(() => palette.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => palette.isVisible()).toBe(false);
    }
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    // In the search field, ? is a question mark.
    const search = page.getByRole('combobox', { name: /Search/ }).first();
    await search.focus();
    await page.keyboard.type('who?');
    expect(await search.inputValue()).toBe('who?');
    expect(await sheet.count()).toBe(0);
    await search.fill('');
    await page.keyboard.press('Escape');
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    // Ctrl+N: the sidebar's New brief field, ready for a title.
    await page.keyboard.press('Control+N');
    const title = page.getByRole('textbox', { name: 'Title of the new brief' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => title.count()).toBe(0);
  });

  test('Ctrl+Shift+P opens the command palette: fuzzy-matched, run with Enter, the recently used listed first', async () => {
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const options = () => palette.getByRole('option').allTextContents();
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => palette.isVisible()).toBe(true);
    const all = await options();
    expect(all.length).toBeGreaterThan(8);
    expect(all).toEqual(expect.arrayContaining(['ViewToggle SidebarCtrl+\\', 'HelpKeyboard ShortcutsCtrl+/']));
    expect(await axeViolations(page, { selector: '.command-palette' })).toEqual([]);
    await screenshotsLightAndDark(page, 'cmd-palette-1440');
    expect(await palette.getByRole('combobox', { name: 'Command' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('tog side');
    expect((await options())[0]).toMatch(/^ViewToggle Sidebar/);
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.isVisible()).toBe(false);
    await expect.poll(() => sourcesList().isVisible()).toBe(false);
    // Again, with nothing typed: the command just used comes first. Arrow keys move, Enter runs.
    await fromMenu('view.commandPalette');
    await expect.poll(() => palette.isVisible()).toBe(true);
    expect((await options())[0]).toMatch(/^ViewToggle Sidebar/);
    await page.keyboard.type('zzzq');
    expect(await palette.getByText('No command matches “zzzq”.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.isVisible()).toBe(false);
    await page.keyboard.press('Control+\\');
    await expect.poll(() => sourcesList().isVisible()).toBe(true);
  });

  test('Ctrl+O opens any source, brief or excerpt by name, with the keyboard', async () => {
    const sources = await server.api<{ id: string; title: string }[]>('sources:list', {});
    const briefs = await server.api<{ id: string; title: string }[]>('briefs:list', {});
    const source = sources[sources.length - 1];
    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: 'Quick Open' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Name');
    // Nothing typed: the newest sources and briefs.
    await expect.poll(() => dialog.getByRole('option').count()).toBeGreaterThan(1);
    const words = source.title.split(/\s+/).slice(0, 2).join(' ');
    await page.keyboard.type(words, { delay: 10 });
    await expect.poll(() => dialog.getByRole('option').first().textContent()).toContain(source.title);
    expect(await axeViolations(page, { selector: '.command-palette' })).toEqual([]);
    await screenshotsLightAndDark(page, 'cmd-quick-open-1440');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 }).textContent()).toBe(source.title);

    await page.keyboard.press('Control+o');
    await page.keyboard.type(briefs[0].title.slice(0, 12), { delay: 10 });
    const option = dialog.getByRole('option', { name: new RegExp(`^Brief`) }).first();
    await expect.poll(() => option.textContent()).toContain(briefs[0].title);
    await option.click();
    await expect.poll(() => page.getByLabel('Brief title').inputValue()).toBe(briefs[0].title);

    await page.keyboard.press('Control+o');
    await page.keyboard.type('zzqx nothing', { delay: 5 });
    await expect.poll(() => dialog.textContent()).toContain('Nothing is named “zzqx nothing”');
    await page.keyboard.press('Escape');
  });

  test('Alt+Left and Alt+Right, and the browser’s Back, move between the places visited without leaving the app', async () => {
    const sources = await server.api<{ id: string; title: string }[]>('sources:list', {});
    const readerTitle = () => page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 }).textContent();
    const [a, b] = [sources[0], sources[1]];
    await sourcesList().getByRole('option', { name: new RegExp(a.title.slice(0, 20)) }).click();
    await expect.poll(readerTitle).toBe(a.title);
    await sourcesList().getByRole('option', { name: new RegExp(b.title.slice(0, 20)) }).click();
    await expect.poll(readerTitle).toBe(b.title);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(readerTitle).toBe(a.title);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(readerTitle).toBe(b.title);
    await page.goBack();
    await expect.poll(readerTitle).toBe(a.title);
    const app = page.url();
    // Back again and again, at a person's pace: the first place is as far as it goes.
    for (let i = 0; i < 6; i++) {
      await page.goBack().catch(() => undefined);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(200);
    expect(new URL(page.url()).origin).toBe(new URL(app).origin);
    expect(await sourcesList().isVisible()).toBe(true);
    // In a text field, Alt+Left is the field's (a word to the left on macOS), not Back.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('cranes');
    const reader = () => page.getByRole('region', { name: 'Reader' }).textContent();
    const shown = await reader();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForTimeout(150);
    expect(await reader()).toBe(shown);
    await page.keyboard.press('Escape');
  });

  test('the palette holds every command of the window: Matrix, Publisher Grades and Settings run from it with the keyboard', async () => {
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => palette.isVisible()).toBe(true);
    const windowCommands = COMMANDS.filter((c) => c.target === 'window' && c.id !== 'view.commandPalette');
    expect(await palette.getByRole('option').count()).toBe(windowCommands.length);
    await page.keyboard.type('matrix');
    expect((await palette.getByRole('option').allTextContents())[0]).toBe('ViewMatrix');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('table', { name: /appearing together/ }).isVisible()).toBe(true);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('publisher grades');
    await page.keyboard.press('Enter');
    const grades = page.getByRole('dialog', { name: /Publisher/ });
    await expect.poll(() => grades.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => grades.isVisible()).toBe(false);
    // The sheet's Settings link, like Ctrl+, (settings.test.ts tests the view itself).
    await page.keyboard.press('F1');
    await page.keyboard.type('settings');
    expect((await palette.getByRole('option').allTextContents())[0]).toBe('EditSettings…Ctrl+,');
    await page.keyboard.press('Escape');
  });

  test('Ctrl+K in a brief’s text opens the link field for the selection, never the search; javascript: is refused; outside the text Ctrl+K searches', async () => {
    const briefs = await server.api<{ id: string; title: string }[]>('briefs:list', {});
    await page.keyboard.press('Control+o');
    await page.keyboard.type(briefs[0].title.slice(0, 14), { delay: 10 });
    const dialog = page.getByRole('dialog', { name: 'Quick Open' });
    await expect.poll(() => dialog.getByRole('option').first().textContent()).toContain(briefs[0].title);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Brief text' });
    await expect.poll(() => editor.isVisible()).toBe(true);
    // The caret after the brief's last paragraph (a click on its text: the chips are buttons).
    await editor.locator('p, li').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('See the port authority notice.', { delay: 5 });
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+k');
    const field = page.getByLabel('Link address');
    await expect.poll(() => field.isVisible()).toBe(true);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const search = page.getByRole('combobox', { name: /Search/ }).first();
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Use a web address' }).isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, { selector: '.link-form' })).toEqual([]);
    await screenshotsLightAndDark(page, 'cmd-link-refused-1440');
    // The field kept the text it opened on: the link goes on it.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://example.org/notice');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.editor-content a[href="https://example.org/notice"]').textContent()).toBe('See the port authority notice.');
    const stored = async () => JSON.stringify((await server.api<{ document: unknown }>('briefs:get', { id: briefs[0].id })).document);
    await expect.poll(stored, { timeout: 10_000 }).toContain('"url":"https://example.org/notice"');
    expect(await stored()).not.toContain('javascript:');
    // Outside the text, the same key is Search.
    await page.getByRole('region', { name: 'Reader' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
  });

  test('an event naming no command does nothing, and nothing went wrong on the page', async () => {
    await fromMenu('rm -rf /');
    await fromMenu('__proto__');
    expect(problems).toEqual([]);
  });
});
