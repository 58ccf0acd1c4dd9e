// Sources in other scripts in a real Chromium against the real server: short passages in
// Arabic, Persian, Chinese, Russian and Spanish written by the team, imported through the
// page; the library shows each one's detected language, and the search box finds an Arabic
// word typed without its harakat, a two-character Chinese word inside running text and a
// Russian name typed in Latin letters, marking the words of the original text.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

const PASSAGES = [
  { name: 'arabic.txt', text: 'قالَ الوزيرُ إنّ العقوباتِ ستبقى ساريةً حتى استئنافِ المحادثاتِ مع الجانبِ الإيرانيّ في العاصمة.' },
  { name: 'persian.txt', text: 'وزیر امور خارجه گفت که تحریم‌ها تا از سرگیری مذاکرات هسته‌ای پابرجا خواهد ماند و کتاب تازه‌ای منتشر شد.' },
  { name: 'chinese.txt', text: '外交部发言人在记者会上表示，在谈判恢复之前，制裁将继续有效，双方仍在保持沟通。' },
  { name: 'russian.txt', text: 'Секретарь Совета безопасности Николай Патрушев заявил журналистам, что санкции останутся в силе до конца года.' },
  { name: 'spanish.txt', text: 'El ministro de Exteriores dijo que las sanciones seguirán vigentes hasta que se reanuden las conversaciones con Caracas.' },
];

const library = () => page.getByRole('listbox', { name: 'Sources' });

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-scripts-', sample: false });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Library' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types a query into the search box and returns the marked words of each result, by title. */
async function searchFor(query: string): Promise<{ title: string; marks: string[] }[]> {
  const box = page.getByRole('combobox', { name: 'Search' }).or(page.getByRole('searchbox', { name: 'Search' }));
  await page.keyboard.press('Control+k');
  await box.fill('');
  await box.pressSequentially(query);
  await page.keyboard.type(' '); // finished typing: the last word is a whole word, not a prefix
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return results.evaluateAll((options) =>
    options.map((o) => ({ title: o.querySelector('.search-result-title, strong, b')?.textContent ?? o.textContent ?? '', marks: [...o.querySelectorAll('mark')].map((m) => m.textContent ?? '') })),
  );
}

describe('sources in other scripts', () => {
  test('the library shows the language detected in each source', async () => {
    await page.getByLabel('Files to import').setInputFiles(PASSAGES.map((p) => ({ name: p.name, mimeType: 'text/plain', buffer: Buffer.from(p.text) })));
    const summary = page.getByRole('dialog', { name: /^(Imported|Nothing imported)/ });
    await expect.poll(() => summary.isVisible(), { timeout: 60_000 }).toBe(true);
    await summary.getByRole('button', { name: 'Close import summary' }).click();
    await expect.poll(() => library().getByRole('option').count()).toBe(PASSAGES.length);
    const tags = await library().locator('.language-tag').allTextContents();
    expect(tags.sort()).toEqual(['AR', 'ES', 'FA', 'RU', 'ZH']);
    expect(await library().locator('.language-tag').first().getAttribute('title')).toMatch(/^Language: \w+/);
    expect(await axeViolations(page, { selector: '[role="listbox"][aria-label="Sources"]' })).toEqual([]);
    await screenshotsLightAndDark(page, 'scripts-01-library');
  });

  test('search finds Arabic without harakat, Persian with Arabic letter forms, Chinese two-character words and a Russian name in Latin letters', async () => {
    expect((await searchFor('العقوبات')).flatMap((r) => r.marks)).toContain('العقوباتِ');
    // Typed with Arabic kaf and yeh: found in the Persian text written with ک and ی.
    expect((await searchFor('كتاب')).flatMap((r) => r.marks)).toContain('کتاب');
    expect((await searchFor('制裁')).flatMap((r) => r.marks)).toContain('制裁');
    expect((await searchFor('Patrushev')).flatMap((r) => r.marks)).toContain('Патрушев');
    await screenshotsLightAndDark(page, 'scripts-02-search');
    expect((await searchFor('lang:es sanciones')).flatMap((r) => r.marks)).toEqual(['sanciones']);
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  test('an entity’s Latin name matches its Cyrillic transliteration once its page’s switch is on', async () => {
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ }).click();
    const side = page.locator('.side-pane');
    await side.getByRole('button', { name: 'New entity' }).first().click();
    const form = side.getByRole('form', { name: 'New entity' });
    await form.getByLabel('Name').fill('Nikolai Patrushev');
    await form.getByLabel('Type').selectOption('person');
    await form.getByRole('button', { name: 'Create entity' }).click();
    await expect.poll(() => side.locator('.side-title').textContent()).toContain('Nikolai Patrushev');
    const toggle = side.getByRole('checkbox', { name: 'Also find Latin names written in Cyrillic' });
    expect(await toggle.isChecked()).toBe(false);
    expect(await side.locator('.mention-group').count()).toBe(0);
    await toggle.check();
    await expect.poll(() => side.locator('.mention-group').count()).toBe(1);
    expect(await side.locator('.mention-item').first().textContent()).toContain('Николай Патрушев');
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    await screenshotsLightAndDark(page, 'scripts-03-entity');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'scripts-04-entity-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await toggle.uncheck();
    await expect.poll(() => side.locator('.mention-group').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
