// An entity page with many mentions in a real Chromium: it opens with the totals and the
// first sources, and "Show more sources" brings the rest, a page at a time. axe on it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { addSources } from '../helpers/sources';

const SOURCES = 90;
let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const side = () => page.locator('.side-pane');

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-entity-paging-',
    sample: false,
    prepare: (path) =>
      void addSources(
        path,
        Array.from({ length: SOURCES }, (_, i) => ({
          title: `Tartus notes ${String(i).padStart(2, '0')}`,
          text: `Tartus, part ${i}\n\n${'The port of Tartus was closed again. '.repeat((i % 3) + 1).trim()}`,
          language: 'en',
        })),
      ),
  });
  await server.api('entities:create', { name: 'Tartus', type: 'location' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an entity page with many mentions', () => {
  test('opens with the totals and the first sources, and pages on', async () => {
    const mentions = Array.from({ length: SOURCES }, (_, i) => (i % 3) + 2).reduce((a, b) => a + b, 0);
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ }).click();
    await side().locator('.entity-row', { hasText: 'Tartus' }).first().click();
    await expect.poll(() => side().locator('.entity-summary').textContent()).toContain(`${mentions} mentions in ${SOURCES} sources`);
    const groups = side().locator('.mention-group');
    expect(await groups.count()).toBe(25);
    const more = side().getByRole('button', { name: `Show more sources (${SOURCES - 25} more)` });
    await more.click();
    await expect.poll(() => groups.count()).toBe(75);
    await side().getByRole('button', { name: `Show more sources (${SOURCES - 75} more)` }).click();
    await expect.poll(() => groups.count()).toBe(SOURCES);
    expect(await side().getByRole('button', { name: /Show more sources/ }).count()).toBe(0);
    expect(await groups.last().getByRole('heading').textContent()).toContain(`Tartus notes ${SOURCES - 1}`);
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    await screenshotsLightAndDark(page, 'entity-paging');
    expect(problems).toEqual([]);
  });
});
