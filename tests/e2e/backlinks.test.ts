// The brief's Backlinks panel in real Chromium against the real server and the sample
// workspace, from the keyboard: a second brief citing one of the sample brief's excerpts
// is listed under "Briefs citing the same evidence"; the panel opens from the command
// palette with the focus in it, ↓ and Enter open the other brief. axe light and dark,
// screenshots at 1440×900 and 1024×700.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** The first citation's excerpt id in a serialized brief. */
function firstCitation(node: unknown): { excerptId: string; quoteAtCitation: string } | null {
  const n = node as { type?: string; excerptId?: string; quoteAtCitation?: string; children?: unknown[]; root?: unknown };
  if (n.type === 'citation' && n.excerptId) return { excerptId: n.excerptId, quoteAtCitation: n.quoteAtCitation ?? '' };
  for (const child of n.children ?? (n.root ? [n.root] : [])) {
    const found = firstCitation(child);
    if (found) return found;
  }
  return null;
}

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-backlinks-' });
  // A second brief citing the sample brief's first excerpt.
  const [sample] = await server.api<{ id: string; title: string }[]>('briefs:list', {});
  const { document } = await server.api<{ document: unknown }>('briefs:get', { id: sample.id });
  const cited = firstCitation(document)!;
  const second = await server.api<{ id: string }>('briefs:create', { title: 'Second look at the terminal' });
  const doc = {
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'As reported ', format: 0, detail: 0, mode: 'normal', style: '' }, { type: 'citation', version: 1, ...cited }] }],
    },
  };
  await server.api('briefs:save', { id: second.id, document: doc });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await page.getByRole('list', { name: 'Briefs' }).getByRole('button').first().waitFor();
  await page.getByRole('list', { name: 'Briefs' }).getByRole('button', { name: new RegExp(sample.title.slice(0, 20)) }).click();
  await page.getByRole('textbox', { name: 'Brief title' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Backlinks', () => {
  test('opens from the palette with the focus in it; Enter on a brief sharing the evidence opens it', async () => {
    const title = page.getByRole('textbox', { name: 'Brief title' });
    const sampleTitle = await title.inputValue();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Backlinks');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Backlinks' });
    await panel.waitFor();
    const evidence = panel.getByRole('list', { name: 'Briefs citing the same evidence' });
    await expect.poll(() => evidence.getByRole('listitem').count()).toBe(1);
    expect(await evidence.getByRole('listitem').first().getAttribute('aria-label')).toBe('Second look at the terminal: 1 excerpt and 1 source in common');
    // The sources the sample brief cites, most cited first, with their counts.
    const sources = panel.getByRole('list', { name: 'Sources it cites' });
    expect(await sources.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await sources.getByRole('listitem').first().getAttribute('aria-label')).toMatch(/: \d+ citations?$/);
    // The focus went into the panel: its first list's row.
    expect(await page.evaluate(() => document.activeElement?.closest('[aria-label="Briefs citing the same evidence"]') !== null)).toBe(true);
    await screenshotsLightAndDark(page, 'backlinks-1440');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(200);
      expect(await axeViolations(page, { selector: '#brief-side-panel' })).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'backlinks-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    await evidence.getByRole('listitem').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => title.inputValue()).toBe('Second look at the terminal');
    // And from there, the sample brief is its backlink.
    await expect.poll(() => page.getByRole('list', { name: 'Briefs citing the same evidence' }).getByRole('listitem').first().getAttribute('aria-label')).toMatch(new RegExp(`^${sampleTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 excerpt`));
    expect(problems).toEqual([]);
  });
});
