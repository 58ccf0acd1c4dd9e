// The reader without a mouse, in a real Chromium: the text is a Tab stop with a caret;
// arrows move it and Shift+arrows select; Ctrl+Shift+E saves the selection as an excerpt
// and the keyboard comes back to the text; Enter at the caret opens the excerpt there;
// Alt+↓ / Alt+↑ go from excerpt to excerpt (round at the ends), saying where they are.
// axe on the reader; screenshots at 1440×900 and 1024×700.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { nextExcerpt } from '../../renderer/src/reader/excerptOrder';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshot, screenshotsLightAndDark } from '../helpers/screenshots';
import { addSources } from '../helpers/sources';

const FIRST = 'Customs officers at the East Terminal opened forty containers on Monday.';
const SECOND = 'The harbour board said screening would continue through the winter.';
const THIRD = 'A spokesman for the shipping line declined to comment on the inspections.';
const TEXT = `${FIRST}\n\n${SECOND}\n\n${THIRD}`;

let server: AppServer;
let browser: Browser;
let page: Page;
let sourceId: string;
const problems: string[] = [];
const reader = () => page.getByRole('region', { name: 'Reader' });
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 40) ?? null);
const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
const announced = () => reader().locator('p[role="status"]').textContent();

interface Excerpt {
  id: string;
  quote: string;
  start: number;
  end: number;
}

beforeAll(async () => {
  server = await startAppServer({
    prefix: 'sourcebook-e2e-reader-keys-',
    sample: false,
    prepare: (path) => {
      const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1} of the long report on the harbour and its inspections.`).join('\n\n');
      [sourceId] = addSources(path, [
        { title: 'Port inspections', text: TEXT, publisher: 'Coastal Ledger', language: 'en' },
        { title: 'Long report', text: long, language: 'en' },
      ]);
    },
  });
  // An excerpt already there: the third paragraph's first words.
  await server.api('excerpts:create', { sourceId, start: TEXT.indexOf('A spokesman'), end: TEXT.indexOf(' for the shipping'), tags: [], entities: [], note: '', credibility: null });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the reader from the keyboard', () => {
  test('next and previous excerpt go round at the ends', () => {
    const list = [
      { start: 50, end: 60 },
      { start: 5, end: 9 },
    ];
    expect(nextExcerpt(list, null, 1)).toEqual({ excerpt: list[1], index: 0, wrapped: false });
    expect(nextExcerpt(list, 5, 1)).toEqual({ excerpt: list[0], index: 1, wrapped: false });
    expect(nextExcerpt(list, 50, 1)).toEqual({ excerpt: list[1], index: 0, wrapped: true });
    expect(nextExcerpt(list, 5, -1)).toEqual({ excerpt: list[0], index: 1, wrapped: true });
    expect(nextExcerpt([], 5, -1)).toBeNull();
  });

  test('Tab to the text, move a caret, select with Shift, save with Ctrl+Shift+E, open with Enter, go between excerpts', async () => {
    // Open the source from the library with the keyboard: its list is one Tab stop.
    const library = page.getByRole('listbox', { name: 'Sources' });
    await library.getByRole('option', { name: /Port inspections/ }).waitFor();
    await library.focus();
    const current = () => library.evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
    for (let i = 0; i < 3 && !(await current()).includes('Port inspections'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await reader().getByRole('heading', { name: 'Port inspections' }).waitFor();

    // The text is a Tab stop, named and described.
    for (let i = 0; i < 40 && (await focused()) !== 'Source text'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Source text');
    const text = reader().getByRole('region', { name: 'Source text' });
    expect(await text.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toMatch(/Shift with an arrow selects/);

    // A caret at the start of the first line in view, drawn.
    const caret = reader().locator('.reader-caret');
    await expect.poll(() => caret.isVisible()).toBe(true);
    expect((await caret.boundingBox())!.height).toBeGreaterThan(12);
    const caretX = async () => (await caret.boundingBox())!.x;
    const x0 = await caretX();
    await page.keyboard.press('ArrowRight');
    await expect.poll(caretX).toBeGreaterThan(x0);
    await page.keyboard.press('Home');
    await expect.poll(caretX).toBe(x0);

    // Word by word to "officers", then select "officers at the East Terminal" with Shift.
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await expect.poll(selected).toBe('officers at the East Terminal');
    await reader().getByRole('button', { name: /Save excerpt/ }).waitFor();
    await screenshotsLightAndDark(page, 'reader-keyboard-selection');

    // Saved from the keyboard: the form takes the focus, Enter saves.
    await page.keyboard.press('Control+Shift+E');
    const popover = page.getByRole('dialog', { name: 'Save excerpt' });
    await popover.waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.save-popover'))).toBe(true);
    await page.keyboard.type('customs');
    await page.keyboard.press('Enter');
    await expect.poll(() => popover.count()).toBe(0);
    await expect.poll(() => server.api<Excerpt[]>('excerpts:list', { sourceId }).then((list) => list.map((e) => e.quote).sort())).toEqual(['A spokesman', 'officers at the East Terminal']);

    // The keyboard is back in the text, the caret at the end of the new excerpt: Enter opens it.
    await expect.poll(focused).toBe('Source text');
    const panel = reader().getByRole('region', { name: 'Excerpt' });
    // The saved excerpt reaches the text through a change event: Enter is pressed again until it has (a person is never this fast).
    await vi.waitFor(
      async () => {
        await page.keyboard.press('Enter');
        await panel.waitFor({ timeout: 1000 });
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await panel.locator('blockquote').textContent()).toBe('officers at the East Terminal');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('excerpt-panel-title');
    await page.keyboard.press('Escape');

    // Alt+↓ from the first excerpt goes to the second, and round to the first; Alt+↑ back.
    await text.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(announced).toMatch(/^Excerpt 2 of 2: A spokesman/);
    await expect.poll(focused).toBe('Source text');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('blockquote').textContent()).toBe('A spokesman');
    await page.keyboard.press('Escape');
    await text.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(announced).toMatch(/^Excerpt 1 of 2, back at the first: officers at the East Terminal/);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(announced).toMatch(/^Excerpt 2 of 2, back at the last: A spokesman/);

    // Escape gives up a selection, keeping the caret.
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selected).toBe('A');
    await page.keyboard.press('Escape');
    await expect.poll(selected).toBe('');
    await expect.poll(() => caret.isVisible()).toBe(true);

    // Both commands are in the palette's registry, with their keys, and in the shortcuts sheet.
    await page.keyboard.press('Control+/');
    const sheet = page.getByRole('dialog', { name: /shortcuts/i });
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Next Excerpt in Source');
    await page.keyboard.press('Escape');

    expect(await axeViolations(page, { selector: '.reader' })).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 700 });
    await text.focus();
    await page.keyboard.press('Shift+End');
    await screenshot(page, 'reader-keyboard-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(problems).toEqual([]);
  });

  test('Ctrl+End and Ctrl+Home reach the ends of a long text (drawn as they are reached), and Shift selects all between', async () => {
    await page.keyboard.press('Control+O');
    await page.keyboard.type('Long report');
    await page.getByRole('dialog').getByRole('option', { name: /Long report/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await reader().getByRole('heading', { name: 'Long report' }).waitFor();
    const text = reader().getByRole('region', { name: 'Source text' });
    await text.focus();
    const caretBlock = () => page.evaluate(() => window.getSelection()?.focusNode?.textContent ?? '');
    await page.keyboard.press('Control+End');
    await expect.poll(caretBlock).toContain('Paragraph 400 of');
    await page.keyboard.press('Control+Shift+Home');
    await expect.poll(caretBlock).toContain('Paragraph 1 of');
    await page.keyboard.press('Control+Shift+E');
    const popover = page.getByRole('dialog', { name: 'Save excerpt' });
    await popover.waitFor();
    expect(await popover.locator('.popover-quote').textContent()).toMatch(/^“Paragraph 1 of the long report.*…”$/s);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
