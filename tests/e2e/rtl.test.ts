// Right-to-left sources in the reader: an Arabic paragraph reads right to left beside an
// English one, a passage selected in it with the mouse is saved as an excerpt exactly as
// it stands in the text, and the excerpt's quote reads right to left where it is shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { mouseSelect } from '../helpers/mouseSelect';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { addSources } from '../helpers/sources';

const TITLE = 'ميناء طرطوس';
const ENGLISH = 'Officials in Damascus said on Monday that the port of Tartus was closed.';
const ARABIC = 'قال مسؤولون في دمشق يوم الاثنين إن ميناء طرطوس أغلق أمام السفن التجارية حتى إشعار آخر.';
const PHRASE = 'ميناء طرطوس أغلق';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-rtl-',
    sample: false,
    prepare: (path) => void addSources(path, [{ title: TITLE, text: `${ENGLISH}\n\n${ARABIC}`, publisher: 'وكالة الأنباء', publishedAt: '2025-03-03', language: 'ar' }]),
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await recordProblems(page, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a right-to-left source', () => {
  test('reads right to left, and a passage selected in it becomes an excerpt as written', async () => {
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(TITLE) }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.locator('.reader-text').textContent()).toContain(PHRASE);

    const direction = (text: string) =>
      reader.locator('.reader-paragraph', { hasText: text }).evaluate((p) => ({ direction: getComputedStyle(p).direction, align: getComputedStyle(p).textAlign }));
    expect(await direction('ميناء')).toEqual({ direction: 'rtl', align: 'start' });
    expect((await direction('Officials')).direction).toBe('ltr');

    await mouseSelect(page, PHRASE);
    await page.keyboard.press('Control+Shift+E');
    const popover = page.getByRole('dialog', { name: 'Save excerpt' });
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator('.popover-quote').evaluate((q) => getComputedStyle(q).direction)).toBe('rtl');
    await popover.getByRole('button', { name: 'Save excerpt' }).click();
    await expect.poll(() => popover.count()).toBe(0);

    const mark = reader.locator('.reader-text mark', { hasText: PHRASE });
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.textContent()).toBe(PHRASE);
    const [excerpt] = await server.api<{ quote: string; start: number; end: number }[]>('excerpts:list', {});
    expect(excerpt.quote).toBe(PHRASE);
    const text = `${ENGLISH}\n\n${ARABIC}`;
    expect(text.slice(excerpt.start, excerpt.end)).toBe(PHRASE);
    await screenshotsLightAndDark(page, 'rtl-reader');
    expect(problems).toEqual([]);
  });
});
