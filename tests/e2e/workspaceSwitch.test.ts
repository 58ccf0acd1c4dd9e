// Switching workspaces from the page in a real Chromium (issue #11, browser mode): the page
// names the workspace open (sidebar, tab title); the sidebar's "Switch workspace…" and the
// command palette list the workspace served and the others offered (named when the server
// started, or recent in the app); a file that cannot be opened is said and the open one
// stays; opening one by keyboard reloads the page on it, and a tab loaded before the
// switch is told to reload. Axe on the view in light and dark, no console errors,
// screenshots at two sizes, light and dark.
import type { Browser, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWorkspace } from '../../db/workspace';
import { insertSource } from '../../db/sources';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { builtRenderer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-e2e-switch-');
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

function workspaceHolding(name: string, title: string): string {
  const path = tmp.path(name);
  const db = openWorkspace(path);
  insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: `${title}: the day's notes.`, original: null });
  db.close();
  return path;
}

const side = () => page.locator('.side-pane');
const workspaceName = (p: Page) => p.locator('.sidebar-workspace-name').innerText();

beforeAll(async () => {
  const harbour = workspaceHolding('Harbour inquiry.sourcebook', 'Harbour board minutes');
  const customs = workspaceHolding('Customs desk.sourcebook', 'Customs seizure log');
  const foreign = tmp.path('Old notes.sqlite');
  const other = new Database(foreign);
  other.exec('CREATE TABLE notes (body TEXT)');
  other.close();
  server = await startHttpServer({ workspacePath: harbour, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [customs, foreign, tmp.path('On a drive not connected.sourcebook')] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByText('Harbour board minutes').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp.cleanup();
});

describe('switching workspaces from the page', () => {
  test('the page names the workspace open: in the sidebar and the tab title', async () => {
    await expect.poll(() => workspaceName(page)).toMatch(/Harbour inquiry$/);
    await expect.poll(() => page.title()).toBe('Harbour inquiry — Sourcebook');
  });

  test('the command palette opens the list of the workspaces offered; it passes axe in light and dark', async () => {
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(() => palette.isVisible()).toBe(true);
    await page.keyboard.type('switch work');
    expect((await palette.getByRole('option').allTextContents())[0]).toMatch(/^WorkspaceSwitch Workspace…/);
    await page.keyboard.press('Enter');
    await expect.poll(() => side().locator('.side-title').textContent()).toContain('Workspaces');
    const list = side().getByRole('list', { name: 'Workspaces' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(4);
    expect(await list.locator(':scope > li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Harbour inquiry[\s\S]*Open now/),
      expect.stringMatching(/^Customs desk/),
      expect.stringMatching(/^Old notes/),
      expect.stringMatching(/^On a drive not connected[\s\S]*No longer there/),
    ]);
    expect(await list.getByRole('button', { name: 'Open On a drive not connected' }).isDisabled()).toBe(true);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    expect(await axeViolations(page, { selector: '.sidebar-workspace' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(250);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    expect(await axeViolations(page, { selector: '.sidebar-workspace' })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 700 });
      await screenshotsLightAndDark(page, `workspace-switch-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('a file that is not a workspace is not opened: the page says why, and the open workspace stays', async () => {
    const list = side().getByRole('list', { name: 'Workspaces' });
    await list.getByRole('button', { name: 'Open Old notes' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '“Old notes” was not opened' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Old notes\.sqlite is not a Sourcebook workspace/);
    await screenshotsLightAndDark(page, 'workspace-switch-refused-1440');
    expect(await list.getByRole('button', { name: 'Open Old notes' }).isEnabled()).toBe(true);
    expect(await list.locator(':scope > li').first().innerText()).toMatch(/Open now/);
    expect(await page.title()).toBe('Harbour inquiry — Sourcebook');
    expect(await page.getByText('Harbour board minutes').count()).toBeGreaterThan(0);
  });

  test('opens one by keyboard: the page starts again on it, and a tab loaded before is told to reload', async () => {
    const otherTab = await browser.newPage({ viewport: { width: 1024, height: 700 }, bypassCSP: true });
    await otherTab.goto(server.url);
    await otherTab.getByText('Harbour board minutes').first().waitFor();

    // One Tab stop: the first row; the arrow keys move; the row's button opens it.
    const list = side().getByRole('list', { name: 'Workspaces' });
    await list.locator(':scope > li').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open Customs desk');
    await page.keyboard.press('Enter');
    await page.getByText('Customs seizure log').first().waitFor();
    await expect.poll(() => page.getByText('Harbour board minutes').count()).toBe(0);
    await expect.poll(() => page.title()).toBe('Customs desk — Sourcebook');
    await expect.poll(() => workspaceName(page)).toMatch(/Customs desk$/);
    // The views of the other workspace are forgotten: the right-hand pane is closed.
    expect(await side().count()).toBe(0);
    await screenshotsLightAndDark(page, 'workspace-switched-1440');
    expect(problems).toEqual([]);

    // The tab still showing Harbour: what it asks next is refused with what to do.
    await otherTab.getByRole('list', { name: 'Workspace tools' }).getByRole('button', { name: 'Switch workspace…' }).click();
    const refused = otherTab.locator('.side-pane').getByRole('alert');
    await refused.waitFor();
    await screenshotsLightAndDark(otherTab, 'workspace-switch-stale-tab-1024');
    expect(await refused.innerText()).toBe('Sourcebook has switched to “Customs desk” since this page was loaded (in another tab or window), so nothing was done here. Reload the page to work in “Customs desk”.');
    // Said once for the whole page too, with the way out.
    const strip = otherTab.locator('.sync-warning');
    expect(await strip.getAttribute('role')).toBe('alert');
    expect(await strip.innerText()).toMatch(/^Sourcebook has switched to “Customs desk”/);
    expect(await axeViolations(otherTab, { selector: '.sync-warning' })).toEqual([]);
    expect(await otherTab.locator('.toast').count()).toBe(0); // said once, not as a toast as well
    await strip.getByRole('button', { name: 'Reload' }).click();
    await otherTab.getByText('Customs seizure log').first().waitFor();
    expect(await otherTab.locator('.sync-warning').count()).toBe(0);
    await expect.poll(() => otherTab.title()).toBe('Customs desk — Sourcebook');
    await otherTab.close();
  });
});
