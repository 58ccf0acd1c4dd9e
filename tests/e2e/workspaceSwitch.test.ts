// Switching workspaces from the page in a real Chromium (issue #11, browser mode): the
// sidebar's "Switch workspace…" lists the workspace served and the others offered (named
// when the server started, or recent in the app), by keyboard; opening one reloads the
// page on it. Axe on the view, no console errors, screenshots at two sizes, light and dark.
import type { Browser, Page } from 'playwright-core';
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

beforeAll(async () => {
  const harbour = workspaceHolding('Harbour inquiry.sourcebook', 'Harbour board minutes');
  const customs = workspaceHolding('Customs desk.sourcebook', 'Customs seizure log');
  server = await startHttpServer({ workspacePath: harbour, rendererDir: builtRenderer(), sample: false, otherWorkspaces: () => [customs, tmp.path('On a drive not connected.sourcebook')] });
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
  test('lists the workspaces offered, and opens one by keyboard: the page starts again on it', async () => {
    await page.getByRole('list', { name: 'Workspace tools' }).getByRole('button', { name: 'Switch workspace…' }).click();
    await expect.poll(() => side().locator('.side-title').textContent()).toContain('Workspaces');
    const list = side().getByRole('list', { name: 'Workspaces' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(3);
    expect(await list.locator(':scope > li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Harbour inquiry[\s\S]*Open now/),
      expect.stringMatching(/^Customs desk/),
      expect.stringMatching(/^On a drive not connected[\s\S]*No longer there/),
    ]);
    expect(await list.getByRole('button', { name: 'Open On a drive not connected' }).isDisabled()).toBe(true);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 700 });
      await screenshotsLightAndDark(page, `workspace-switch-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // One Tab stop: the first row; the arrow keys move; the row's button opens it.
    await list.locator(':scope > li').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open Customs desk');
    await page.keyboard.press('Enter');
    await page.getByText('Customs seizure log').first().waitFor();
    await expect.poll(() => page.getByText('Harbour board minutes').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
