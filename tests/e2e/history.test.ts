// A brief's history in the app: snapshots listed, viewable, and a restore that keeps the
// text it replaces.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-history-e2e-', sample: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('brief history', () => {
  test('restores an earlier snapshot and keeps the replaced text in the history', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByLabel('Title of the new brief').fill('Port memo');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Brief text' });
    await editor.click();
    await page.keyboard.type('First draft of the memo.');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Take a snapshot now' }).click();
    await expect.poll(() => history.locator('.history-item').count()).toBeGreaterThanOrEqual(2);

    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Second thoughts added later.');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The newest snapshot holds the first draft: view it, then restore it.
    const newest = history.locator('.history-item').first();
    await newest.getByRole('button', { name: 'View' }).click();
    await expect.poll(() => history.getByLabel('Snapshot text').textContent()).toBe('First draft of the memo.');
    await newest.getByRole('button', { name: 'Restore…' }).click();
    await newest.getByRole('button', { name: 'Restore this version' }).click();

    const restoredEditor = page.getByRole('textbox', { name: 'Brief text' });
    await expect.poll(() => restoredEditor.textContent()).toBe('First draft of the memo.');
    // The text it replaced is kept, as the snapshot taken before the restore. The History
    // panel is still open (the brief's right-hand panel is remembered), its list read again.
    await expect.poll(() => page.getByRole('button', { name: 'History', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const again = page.getByRole('region', { name: 'History' });
    const beforeRestore = again.locator('.history-item', { hasText: 'before a restore' }).first();
    await beforeRestore.getByRole('button', { name: 'View' }).click();
    await expect.poll(() => again.getByLabel('Snapshot text').textContent()).toBe('First draft of the memo. Second thoughts added later.');
    expect(errors).toEqual([]);
  });
});
