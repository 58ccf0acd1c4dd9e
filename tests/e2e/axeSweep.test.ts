// axe-core over the main screens of the app, in light and dark, on the sample workspace
// (a brief citing excerpts, entities, the analysis views): each screen is opened as a
// person would, and its serious and critical violations are counted. The counts are
// printed (the closing note quotes them); the test asserts none are critical or serious.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations, type AxeViolation } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';

let server: AppServer;
let browser: Browser;
let page: Page;

const side = () => page.locator('.side-pane');
const analysis = (name: RegExp) => page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name });

/** The main screens, each reached from the one before. */
const SCREENS: [string, () => Promise<void>][] = [
  ['library and reader', async () => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().click();
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 }).waitFor();
  }],
  ['brief editor', async () => {
    await page.locator('.sidebar').getByRole('button').filter({ hasText: /./ }).first().waitFor();
    const brief = page.locator('.sidebar-section', { hasText: 'Briefs' }).getByRole('button').nth(1);
    await brief.click();
    await page.locator('.editor-content').waitFor();
  }],
  ['search results', async () => {
    await page.getByRole('combobox', { name: /Search/ }).first().fill('port');
    await page.waitForTimeout(600);
  }],
  ['entities list', async () => {
    await page.keyboard.press('Escape');
    await analysis(/^Entities/).click();
    await side().getByRole('listbox', { name: 'Entities' }).waitFor();
  }],
  ['entity page', async () => {
    await side().locator('.entity-row').first().click();
    await side().locator('.entity-summary').waitFor();
  }],
  ['matrix', async () => {
    await analysis(/^Matrix/).click();
    await page.waitForTimeout(500);
  }],
  ['link chart', async () => {
    await analysis(/^Link chart/).click();
    await page.waitForTimeout(1500);
  }],
  ['timeline', async () => {
    await analysis(/^Timeline/).click();
    await page.waitForTimeout(500);
  }],
  ['trash', async () => {
    await page.getByRole('button', { name: 'Trash' }).first().click();
    await page.waitForTimeout(300);
  }],
  ['backups', async () => {
    await page.getByRole('button', { name: 'Backups' }).first().click();
    await page.waitForTimeout(500);
  }],
  ['library table', async () => {
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('grid', { name: 'Sources' }).waitFor();
  }],
  ['command palette', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
  }],
];

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-axe-' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await page.goto(server.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility of the main screens', () => {
  test('no critical or serious axe violation on any main screen, light or dark', async () => {
    const found: Record<string, AxeViolation[]> = {};
    for (const [name, open] of SCREENS) {
      await open();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(300); // the theme's colours change with a transition
        const violations = await axeViolations(page);
        if (violations.length) found[`${name} (${scheme})`] = violations;
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const summary = Object.entries(found).map(([screen, v]) => `${screen}: ${v.map((x) => `${x.impact} ${x.id} ×${x.targets.length} [${x.targets.slice(0, 3).join(' | ')}]`).join('; ')}`);
    console.log(`axe over ${SCREENS.length} screens × 2 themes: ${summary.length ? `\n${summary.join('\n')}` : 'no critical or serious violation'}`);
    expect(summary).toEqual([]);
  });
});
