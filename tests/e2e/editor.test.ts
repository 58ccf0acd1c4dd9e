// The brief editor in a real Chromium against the real server: the slash menu (a heading,
// a table, Tab between cells), find and replace (never touching a citation), the outline,
// the word count, paste (and a drop) from a web page cleaned of anything executable, a citation
// switched to a block quote and back, an excerpt dragged from the side panel into the
// text, the check panel (a deleted citation listed as deleted, a row selecting its
// citation), a changed citation's word diff, and an `@` mention of an entity.
// No console errors and no CSP violations; screenshots in light and dark while developing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { citationNode, paragraphNode, rootNode, textNode } from '../../db/brief/document';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';

const SOURCE_TEXT = [
  'Harbor log, Vellmar, week 14.',
  'On Tuesday night the harbor pilots reported that the aircraft flew without navigation lights over the gas terminal.',
  'The Nordhavn Spirit, a liquefied gas carrier, was moored at berth four during both sightings.',
  'A port official said the drones were small quadcopters launched from the north shore.',
  'Customs later found sprayer parts declared as agricultural equipment in a container.',
].join('\n\n');

const QUOTE_LIGHTS = 'the aircraft flew without navigation lights';
const QUOTE_SHIP = 'The Nordhavn Spirit, a liquefied gas carrier';
const QUOTE_DRONES = 'the drones were small quadcopters';
const QUOTE_CUSTOMS = 'Customs later found sprayer parts';
/** What the brief remembers for the drones excerpt: older wording, so it reads as changed. */
const OLD_QUOTE_DRONES = 'the drones were large quadcopters';

let server: AppServer;
let browser: Browser;
let page: Page;
let briefId: string;
let entityId: string;
let sourceTitle: string;
const ids: Record<'lights' | 'ship' | 'drones' | 'customs' | 'deleted', string> = { lights: '', ship: '', drones: '', customs: '', deleted: '' };
const problems: string[] = [];

const shot = (name: string) => screenshotsLightAndDark(page, `editor-${name}`);

const cite = (excerptId: string, quoteAtCitation: string) => citationNode(excerptId, quoteAtCitation, 'Harbor log');

const FILLER =
  'Analysts compared the pilot reports with the port schedule and the weather record for each night of the week in question, and noted where they agreed.';

/** The brief as stored now. */
async function storedDocument(): Promise<string> {
  const brief = await server.api<{ document: unknown }>('briefs:get', { id: briefId });
  return JSON.stringify(brief.document);
}

async function waitSaved() {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBe(1);
}

const editor = () => page.getByRole('textbox', { name: 'Brief text' });
const citations = (): Locator => page.locator('.editor-content .citation');

/** Where the text of a block starts or ends, on screen, once it is scrolled into view and laid out. */
async function textEdge(block: Locator, edge: 'start' | 'end'): Promise<{ x: number; y: number }> {
  await block.scrollIntoViewIfNeeded();
  // Blocks out of view are laid out only when near it (content-visibility): let it settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await block.scrollIntoViewIfNeeded();
  return block.evaluate((el, edge) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length) texts.push(n as Text);
    const text = edge === 'start' ? texts[0] : texts[texts.length - 1];
    const range = document.createRange();
    const at = edge === 'start' ? 0 : text.data.length - 1;
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const r = range.getBoundingClientRect();
    return { x: edge === 'start' ? r.left + 1 : r.right + 2, y: r.top + r.height / 2 };
  }, edge);
}

/** Puts the caret at the very end of the brief (which ends with a paragraph), as a click there would. */
async function caretToEnd() {
  const point = await textEdge(page.locator('.editor-content > p').last(), 'end');
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(150);
}

/** Puts the caret at the very start of the brief (which starts with a paragraph). */
async function caretToStart() {
  const point = await textEdge(page.locator('.editor-content > p').first(), 'start');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press('Home');
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-editor-e2e-' });

  // A source, its grade, five excerpts (one deleted again) and an entity, through the API.
  const report = await server.api<{ imported: { id: string }[] }>('sources:import', {
    files: [{ name: 'harbor-log.txt', data: Buffer.from(SOURCE_TEXT, 'utf8').toString('base64') }],
  });
  const sourceId = report.imported[0].id;
  await server.api('sources:grade', { id: sourceId, reliability: 'B' });
  const source = await server.api<{ text: string; title: string }>('sources:get', { id: sourceId });
  sourceTitle = source.title;
  const excerpt = async (quote: string, tags: string[], credibility: number | null) => {
    const start = source.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" not in the imported text`);
    const x = await server.api<{ id: string }>('excerpts:create', { sourceId, start, end: start + quote.length, tags, credibility });
    return x.id;
  };
  ids.lights = await excerpt(QUOTE_LIGHTS, ['lights'], 2);
  ids.ship = await excerpt(QUOTE_SHIP, ['vessel'], 2);
  ids.drones = await excerpt(QUOTE_DRONES, ['drones'], 3);
  ids.customs = await excerpt(QUOTE_CUSTOMS, ['customs', 'dual-use'], null);
  ids.deleted = await excerpt('the harbor pilots reported', ['pilots'], 2);
  await server.api('excerpts:delete', { id: ids.deleted });
  entityId = (await server.api<{ id: string }>('entities:create', { name: 'Nordhavn Spirit', type: 'other', aliases: ['the Spirit'] })).id;

  // A brief that already cites some of them: the lights twice, the drones with older wording, the deleted one.
  const brief = await server.api<{ id: string }>('briefs:create', { title: 'Harbor drones: editor test' });
  briefId = brief.id;
  const briefDocument = rootNode([
    paragraphNode([textNode('Pilots saw unlit aircraft over the terminal '), cite(ids.lights, QUOTE_LIGHTS), textNode(' and the lights went out near the berth.')]),
    paragraphNode([textNode('Small craft were seen from the shore '), cite(ids.drones, OLD_QUOTE_DRONES), textNode(' on two nights.')]),
    paragraphNode([textNode('An early report mentioned the pilots '), cite(ids.deleted, 'the harbor pilots reported'), textNode(' but was withdrawn.')]),
    paragraphNode([textNode('Repeat of the first point '), cite(ids.lights, QUOTE_LIGHTS), textNode(' for emphasis.')]),
    ...Array.from({ length: 24 }, (_, i) => paragraphNode([textNode(`${i + 1}. ${FILLER}`)])),
  ]);
  await server.api('briefs:save', { id: briefId, document: briefDocument });

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await recordProblems(page, problems);
  await page.addInitScript(
    ({ brief }) => {
      // Open on the brief, with the brief pane wide (the reader narrow) — once, not on reloads.
      if (!sessionStorage.getItem('editor-test-started')) {
        sessionStorage.setItem('editor-test-started', '1');
        localStorage.setItem('sourcebook.view', JSON.stringify({ sourceId: null, briefId: brief }));
        localStorage.setItem('sourcebook.split', '28');
      }
    },
    { brief: briefId },
  );
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the brief editor', () => {
  test('citations are numbered in order of first citation, live from their excerpts', async () => {
    await expect.poll(() => citations().count(), { timeout: 15_000 }).toBe(4);
    await expect.poll(() => citations().locator('.citation-number').allTextContents()).toEqual(['1', '2', '3', '1']);
    // The drones excerpt says something else now than when cited: marked, with a word diff on hover.
    const drones = page.locator(`.editor-content .citation[data-excerpt-id="${ids.drones}"]`);
    await expect.poll(() => drones.getAttribute('data-state')).toBe('changed');
    await drones.hover();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.locator('del').allTextContents()).toContain('large');
    expect(await tooltip.locator('ins').allTextContents()).toContain('small');
    await shot('01-changed-diff');
    await page.mouse.move(5, 500);
    // The deleted one stays, plainly, with the quote it had.
    const deleted = page.locator(`.editor-content .citation[data-excerpt-id="${ids.deleted}"]`);
    await expect.poll(() => deleted.getAttribute('data-state')).toBe('deleted');
    expect(await deleted.textContent()).toContain('the harbor pilots reported');
  });

  test('the word count in the status bar leaves citations out', async () => {
    const count = page.locator('.word-count');
    // 4 sentences around the citations + 24 numbered filler paragraphs.
    const around = [
      'Pilots saw unlit aircraft over the terminal and the lights went out near the berth.',
      'Small craft were seen from the shore on two nights.',
      'An early report mentioned the pilots but was withdrawn.',
      'Repeat of the first point for emphasis.',
    ];
    const words = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;
    const expected = around.reduce((n, s) => n + words(s), 0) + 24 * (1 + words(FILLER));
    await expect.poll(() => count.getAttribute('data-words')).toBe(String(expected));
    await caretToEnd();
    await page.keyboard.type(' Three more words', { delay: 15 });
    await expect.poll(() => count.getAttribute('data-words')).toBe(String(expected + 3));
    expect(await count.textContent()).toMatch(/words$/);
  });

  test('find and replace: count, next, replace all — the citations keep their quotes', async () => {
    await caretToStart();
    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Find' });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('lights');
    const count = page.locator('.find-count');
    // "the lights went out" only: the citation quotes ("…navigation lights") are not text.
    await expect.poll(() => count.textContent()).toBe('1 of 1');
    await find.fill('terminal');
    await expect.poll(() => count.textContent()).toBe('1 of 1');
    await find.fill('the');
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/);
    const total = Number((await count.textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(24);
    await find.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`);
    await find.fill('analysts');
    await expect.poll(() => count.textContent()).toBe('1 of 24');
    await page.getByRole('button', { name: 'Match case' }).click();
    await expect.poll(() => count.textContent()).toBe('No matches');
    await page.getByRole('button', { name: 'Match case' }).click();

    await find.fill('lights');
    await find.press('Control+h');
    const replace = page.getByRole('textbox', { name: 'Replace with' });
    await expect.poll(() => replace.isVisible()).toBe(true);
    await replace.fill('beams');
    await shot('04-find-replace');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => count.textContent()).toBe('No matches');
    await expect.poll(() => editor().textContent()).toContain('the beams went out');
    // Replace a word in the numbered paragraphs, one at a time.
    await find.fill('Analysts');
    await expect.poll(() => count.textContent()).toBe('1 of 24');
    await replace.fill('Reviewers');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => count.textContent()).toBe('1 of 23');
    await page.getByRole('button', { name: 'Close find' }).click();
    await waitSaved();
    const stored = await storedDocument();
    expect(stored).toContain('the beams went out');
    expect(stored.match(/Reviewers compared/g)).toHaveLength(1);
    // Citation nodes untouched: their quotes still say "lights".
    expect(stored.match(new RegExp(`"quoteAtCitation":"${QUOTE_LIGHTS}"`, 'g'))).toHaveLength(2);
    await expect.poll(() => citations().count()).toBe(4);
  });

  test('paste from a web page keeps structure and drops anything executable', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.evaluate(() => {
      const html = `<meta charset="utf-8"><style>p{color:red}</style>
        <h2 onclick="window.__pwned='h2'">Pasted heading</h2>
        <p style="background:url(https://example.com/x.png)">Hello <b>bold</b> and <i>italic</i>,
          <a href="javascript:window.__pwned='link'">a bad link</a>,
          <a href="https://example.org/report" onmouseover="window.__pwned='hover'">a good link</a>.
          <img src="x" onerror="window.__pwned='img'"></p>
        <script>window.__pwned='script'</script>
        <iframe src="https://example.com/"></iframe>
        <ul><li>first point</li><li>second point</li></ul>
        <table><tr><th>Vessel</th><th>Berth</th></tr><tr><td>Nordhavn Spirit</td><td>4</td></tr></table>
        <p>After the table.</p>`;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Pasted heading Hello bold');
      const target = document.querySelector('.editor-content')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const content = page.locator('.editor-content');
    await expect.poll(() => content.locator('h2', { hasText: 'Pasted heading' }).count()).toBe(1);
    expect(await content.locator('.ed-bold', { hasText: 'bold' }).count()).toBe(1);
    expect(await content.locator('.ed-italic', { hasText: 'italic' }).count()).toBe(1);
    expect(await content.locator('li', { hasText: 'second point' }).count()).toBe(1);
    expect(await content.locator('table', { hasText: 'Nordhavn Spirit' }).count()).toBe(1);
    expect(await content.locator('a[href="https://example.org/report"]').count()).toBe(1);
    expect(await content.textContent()).toContain('a bad link');
    expect(await content.locator('a[href^="javascript"], script, iframe, img, style, [onclick], [onerror], [onmouseover]').count()).toBe(0);
    await content.locator('h2', { hasText: 'Pasted heading' }).click();
    await content.locator('a[href="https://example.org/report"]').hover();
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await shot('06-paste');
    await waitSaved();
    const stored = await storedDocument();
    expect(stored).not.toMatch(/javascript:|onerror|onclick|<script|url\(/i);
    expect(stored).toContain('https://example.org/report');
  });

  test('text dragged in from another page is cleaned like a paste', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    const before = problems.length;
    // A drag from outside arrives as the browser's `insertFromDrop` input with the drag's data.
    await page.evaluate(() => {
      const html = `<h3 onclick="window.__pwned='drop-h3'" style="background:url(https://example.com/d.png)">Dropped heading</h3>
        <p>Dropped <b>text</b> with <a href="javascript:window.__pwned='drop-link'">a bad link</a>
          <img src="x" onerror="window.__pwned='drop-img'"></p>`;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Dropped heading Dropped text');
      const target = document.querySelector('.editor-content')!;
      target.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromDrop', dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const content = page.locator('.editor-content');
    await expect.poll(() => content.locator('h3', { hasText: 'Dropped heading' }).count()).toBe(1);
    expect(await content.locator('.ed-bold', { hasText: 'text' }).count()).toBeGreaterThan(0);
    expect(await content.locator('a[href^="javascript"], img, [onclick], [onerror], [style*="url("]').count()).toBe(0);
    await content.locator('h3', { hasText: 'Dropped heading' }).click();
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    // The cleaner parses only neutralised markup: the page's CSP heard of no inline handler or style.
    expect(problems.slice(before)).toEqual([]);
    await waitSaved();
    expect(await storedDocument()).not.toMatch(/javascript:|onerror|onclick|url\(/i);
  });

  test('the outline lists the headings; a click brings one into view', async () => {
    // A first heading, made with the keyboard: a new line at the top, Ctrl+Alt+1.
    await caretToStart();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('Findings', { delay: 15 });
    await page.keyboard.press('Control+Alt+1');
    await expect.poll(() => page.locator('.editor-content h1').first().textContent()).toBe('Findings');
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect.poll(() => outline.getByRole('button').allTextContents()).toEqual(['Findings', 'Pasted heading', 'Dropped heading']);
    await page.locator('.editor-scroll').evaluate((el) => (el.scrollTop = 0));
    const heading = page.locator('.editor-content h2', { hasText: 'Pasted heading' });
    const inView = () =>
      heading.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('.editor-scroll')!.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
    expect(await inView()).toBe(false);
    await outline.getByRole('button', { name: 'Pasted heading' }).click();
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);
    // The caret went to the heading: typing lands in it.
    await page.keyboard.type('Still ', { delay: 15 });
    await expect.poll(() => heading.textContent()).toBe('Still Pasted heading');
    await shot('05-outline');
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
  });

  test('a citation switches to a block quote and back (menu, then shortcut)', async () => {
    const first = citations().first();
    await first.scrollIntoViewIfNeeded();
    await first.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Citation' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    await shot('07-citation-menu');
    await menu.getByRole('menuitemradio', { name: /Block quote/ }).click();
    const block = page.locator(`.editor-content .citation-block[data-excerpt-id="${ids.lights}"]`);
    await expect.poll(() => block.count()).toBe(1);
    expect(await block.locator('blockquote').textContent()).toBe(QUOTE_LIGHTS);
    expect(await block.locator('.citation-block-source').textContent()).toBe(sourceTitle);
    expect(await block.locator('.grade').textContent()).toBe('B2');
    expect(await block.locator('.citation-number').textContent()).toBe('1');
    await shot('08-citation-block');
    await waitSaved();
    expect(await storedDocument()).toContain(`"excerptId":"${ids.lights}","quoteAtCitation":"${QUOTE_LIGHTS}","sourceTitleAtCitation":"Harbor log","form":"block"`);

    // Select the block (a click on its quote) and switch it back with Ctrl+Alt+B.
    await block.locator('blockquote').click();
    await expect.poll(() => block.evaluate((el) => el.parentElement!.classList.contains('is-selected'))).toBe(true);
    await page.keyboard.press('Control+Alt+b');
    await expect.poll(() => block.count()).toBe(0);
    await expect.poll(() => citations().first().getAttribute('data-state')).toBe('ok');
    await waitSaved();
    expect(await storedDocument()).not.toContain('"form":"block"');
  });

  test('an excerpt dragged from the side panel is cited where it is dropped', async () => {
    await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Excerpts to cite' });
    // Every excerpt in the workspace (a new one holds a sample too); this source's four.
    await expect.poll(() => panel.locator('.excerpt-drag').count()).toBeGreaterThan(4);
    await panel.getByLabel('Source', { exact: true }).selectOption({ label: sourceTitle });
    await expect.poll(() => panel.locator('.excerpt-drag').count()).toBe(4);
    await panel.getByLabel('Tag', { exact: true }).selectOption('customs');
    await expect.poll(() => panel.locator('.excerpt-drag').count()).toBe(1);
    await panel.getByLabel('Tag', { exact: true }).selectOption('');
    await panel.getByLabel('Filter excerpts').fill('nordhavn');
    await expect.poll(() => panel.locator('.excerpt-drag').count()).toBe(1);
    await shot('09-excerpts-panel');

    const target = page.locator('.editor-content p', { hasText: 'Small craft' });
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    // Drop just after "Small craft" (measured in the page).
    const point = await target.evaluate((p) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = (node.textContent ?? '').indexOf('Small craft');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at + 'Small craft'.length);
          range.setEnd(node, at + 'Small craft'.length + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + 1, y: r.top + r.height / 2 };
        }
      }
      throw new Error('no text');
    });
    expect(point.y).toBeGreaterThan(box.y);
    await panel.locator('.excerpt-drag').first().dragTo(page.locator('.editor-content'), {
      targetPosition: { x: point.x - (await page.locator('.editor-content').boundingBox())!.x, y: point.y - (await page.locator('.editor-content').boundingBox())!.y },
    });
    const dropped = target.locator(`.citation[data-excerpt-id="${ids.ship}"]`);
    await expect.poll(() => dropped.count()).toBe(1);
    expect((await target.textContent())!.startsWith('Small craft')).toBe(true);
    // It is the third distinct excerpt in order of first citation now.
    await expect.poll(() => dropped.locator('.citation-number').textContent()).toBe('2');
    await expect.poll(() => citations().locator('.citation-number').allTextContents()).toEqual(['1', '2', '3', '4', '1']);
    // The panel shows which excerpts this brief cites.
    await expect.poll(() => panel.locator('.excerpt-drag-cited').count()).toBe(1);
    await shot('10-dropped');
    await waitSaved();
    expect(await storedDocument()).toContain(`"excerptId":"${ids.ship}"`);
  });

  test('the check panel lists every citation with its status; a row selects its citation', async () => {
    await page.getByRole('button', { name: 'Check brief' }).click();
    const panel = page.getByRole('region', { name: 'Check brief' });
    const rows = panel.locator('.check-row');
    await expect.poll(() => rows.count()).toBe(5);
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))).toEqual(['ok', 'ok', 'changed', 'deleted', 'ok']);
    const deletedRow = rows.filter({ hasText: 'the harbor pilots reported' });
    expect(await deletedRow.locator('.check-status').textContent()).toBe('deleted');
    expect(await deletedRow.textContent()).toContain('The excerpt was deleted');
    await shot('11-check');
    await page.locator('.editor-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await deletedRow.click();
    const host = page.locator(`.editor-content .citation-host:has(.citation[data-excerpt-id="${ids.deleted}"])`);
    await expect.poll(() => host.evaluate((el) => el.classList.contains('is-selected'))).toBe(true);
    expect(
      await host.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('.editor-scroll')!.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }),
    ).toBe(true);
    // "Only citations that need attention": the changed and the deleted one.
    await panel.getByLabel('Only citations that need attention').check();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Close check panel' }).click();
  });

  test('Enter right after typing a [[ query cites the match for all of it, not for what the menu last showed', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    const cited = page.locator(`.editor-content .citation[data-excerpt-id="${ids.customs}"]`);
    const before = await cited.count();
    // No pause anywhere: the search answers ~120 ms after the last key, the Enter comes at once.
    await page.keyboard.type('Found: [[sprayer parts');
    await page.keyboard.press('Enter');
    await expect.poll(() => cited.count()).toBe(before + 1);
    const paragraph = page.locator('.editor-content > p').last();
    expect(await paragraph.locator(`.citation[data-excerpt-id="${ids.customs}"]`).count()).toBe(1);
    expect(await paragraph.textContent()).not.toMatch(/\[\[|sprayer parts|rts/);
    await expect.poll(() => page.locator('.citation-menu').count()).toBe(0);
    await page.keyboard.type('then more text', { delay: 10 });
    await expect.poll(() => paragraph.textContent()).toContain('then more text');
  });

  test('@ offers entities; choosing one inserts a chip that links to the entity', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('The carrier @Nordh', { delay: 15 });
    const menu = page.locator('.mention-menu');
    // The menu has caught up with the whole query (typing may be ahead of it).
    await expect.poll(() => menu.getAttribute('data-query'), { timeout: 10_000 }).toBe('Nordh');
    await expect.poll(() => menu.getByRole('option').count(), { timeout: 10_000 }).toBe(1);
    await shot('12-mention-menu');
    await page.keyboard.press('Enter');
    const chip = page.locator(`.editor-content .entity-mention[data-entity-id="${entityId}"]`);
    await expect.poll(() => chip.count()).toBe(1);
    await page.waitForTimeout(100);
    expect(await chip.textContent()).toBe('Nordhavn Spirit');
    await page.keyboard.type('left on Friday.', { delay: 15 });
    await expect.poll(() => chip.locator('xpath=ancestor::p').textContent()).toBe('The carrier Nordhavn Spirit left on Friday.');
    await waitSaved();
    expect(await storedDocument()).toContain(`{"type":"entity-mention","version":1,"entityId":"${entityId}","name":"Nordhavn Spirit"}`);
    // An alias finds it too.
    await page.keyboard.type(' See @the Sp', { delay: 15 });
    await expect.poll(() => menu.getAttribute('data-query')).toBe('the Sp');
    await expect.poll(() => menu.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Escape');
    await shot('13-mention');
    // The chip opens the entity's page.
    await chip.click();
    await expect.poll(() => page.locator('.side-pane-entity').count()).toBe(1);
    await page.locator(`.nav-item[data-brief-id="${briefId}"]`).click();
    await expect.poll(() => editor().isVisible()).toBe(true);
  });

  test('shortcuts: lists nest with Tab and Shift+Tab, Ctrl+B bolds, Ctrl+K opens the link field (not the search)', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('first point', { delay: 15 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('nested point', { delay: 15 });
    const nested = page.locator('.editor-content ul ul li', { hasText: 'nested point' });
    await expect.poll(() => nested.count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('back out', { delay: 15 });
    await expect.poll(() => page.locator('.editor-content > ul > li', { hasText: 'back out' }).count()).toBe(1);
    expect(await page.locator('.editor-content ul ul li', { hasText: 'back out' }).count()).toBe(0);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' strong', { delay: 15 });
    await expect.poll(() => page.locator('.editor-content li .ed-bold', { hasText: 'strong' }).count()).toBe(1);
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.getByLabel('Link address').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Link address');
    await shot('16-lists');
    await page.keyboard.press('Escape');
    // Two Enters leave the list: the brief ends with a paragraph again.
    await page.locator('.editor-content li', { hasText: 'back out' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('After the list.', { delay: 15 });
    await expect.poll(() => page.locator('.editor-content > p').last().textContent()).toBe('After the list.');
  });

  test('Markdown shortcuts: headings, lists, a quote, a rule, bold, italic and code as they are typed', async () => {
    await expect.poll(() => editor().isVisible()).toBe(true);
    // Right after the lists test, the brief ends with the paragraph "After the list.".
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('### Assessment', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content h3', { hasText: 'Assessment' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('- berth four', { delay: 10 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('berth five', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content > ul > li', { hasText: /^berth (four|five)$/ }).count()).toBe(2);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1. numbered', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content > ol > li', { hasText: 'numbered' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('> quoted line', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content blockquote', { hasText: 'quoted line' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('--- ', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content hr').count()).toBeGreaterThan(0);
    await page.keyboard.type('A **firm** and *likely* reading of `AIS` data. ', { delay: 10 });
    await expect.poll(() => page.locator('.editor-content .ed-bold', { hasText: 'firm' }).count()).toBe(1);
    await expect.poll(() => page.locator('.editor-content .ed-italic', { hasText: 'likely' }).count()).toBe(1);
    await expect.poll(() => page.locator('.editor-content .ed-code', { hasText: 'AIS' }).count()).toBe(1);
    await waitSaved();
    const stored = await storedDocument();
    expect(stored).toContain('"tag":"h3"');
    expect(stored).toContain('"listType":"bullet"');
    expect(stored).toContain('"listType":"number"');
    expect(stored).toContain('"type":"quote"');
    expect(stored).toContain('"type":"horizontalrule"');
    // The brief still exports: the stored document is one every exporter reads.
    const md = await server.api<{ markdown: string }>('export:md', { briefId });
    expect(md.markdown).toMatch(/### Assessment[\s\S]*- berth four[\s\S]*> quoted line/);
    await shot('17-markdown-shortcuts');
  });

  test('the slash menu inserts a heading and a table; Tab moves between cells', async () => {
    await caretToEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('/head', { delay: 15 });
    const menu = page.locator('.slash-menu');
    await expect.poll(() => menu.getAttribute('data-query')).toBe('head');
    expect(await menu.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Heading 1'), expect.stringContaining('Heading 2'), expect.stringContaining('Heading 3')]);
    await shot('02-slash-menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.count()).toBe(0);
    await page.waitForTimeout(100);
    await page.keyboard.type('Open questions', { delay: 15 });
    await expect.poll(() => page.locator('.editor-content h2').last().textContent()).toBe('Open questions');
    // The slash and its query are gone, not left in the heading.
    expect(await editor().textContent()).not.toContain('/head');

    await page.keyboard.press('Enter');
    await page.keyboard.type('/table', { delay: 15 });
    // The menu has caught up with the whole query (typing may be ahead of it).
    await expect.poll(() => menu.getAttribute('data-query')).toBe('table');
    expect(await menu.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    // The pasted table, and this one.
    await expect.poll(() => page.locator('.editor-content table').count()).toBe(2);
    const table = page.locator('.editor-content table').last();
    expect(await table.locator('tr').count()).toBe(3);
    expect(await table.locator('tr').first().locator('th').count()).toBe(3);
    await page.waitForTimeout(100);
    await page.keyboard.type('Who', { delay: 15 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('What', { delay: 15 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('When', { delay: 15 });
    await expect.poll(() => table.locator('tr').first().locator('th').allTextContents()).toEqual(['Who', 'What', 'When']);
    await shot('03-table');
    await waitSaved();
    const stored = await storedDocument();
    expect(stored).toContain('"type":"table"');
    expect(stored).toContain('"tag":"h3"');
  });

  test('the export menu: HTML, Markdown and Word with a banner; strict refuses a brief with bad citations', async () => {
    await page.getByRole('button', { name: 'Export options' }).click();
    const menu = page.getByRole('form', { name: 'Export brief' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    await menu.getByLabel('Banner (optional)').fill('INTERNAL — EDITOR TEST');
    await shot('15-export-menu');
    const exportAs = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: label, exact: true }).click()]);
      const path = join(server.dir, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), path };
    };
    const html = await exportAs('HTML');
    expect(html.name).toMatch(/\.html$/);
    const htmlText = readFileSync(html.path, 'utf8');
    expect(htmlText).toContain('INTERNAL — EDITOR TEST');
    expect(htmlText).toContain('Harbor drones: editor test');
    await page.getByRole('button', { name: 'Export options' }).click();
    const md = await exportAs('Markdown');
    expect(md.name).toMatch(/\.md$/);
    expect(readFileSync(md.path, 'utf8')).toContain('Harbor drones: editor test');
    await page.getByRole('button', { name: 'Export options' }).click();
    const docx = await exportAs('Word (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    expect(readFileSync(docx.path).subarray(0, 2).toString('latin1')).toBe('PK');
    // Strict: this brief cites a deleted excerpt and a changed one — no file, a reason.
    await page.getByRole('button', { name: 'Export options' }).click();
    await menu.getByLabel(/^Strict/).check();
    await menu.getByRole('button', { name: 'HTML', exact: true }).click();
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringMatching(/not ok|strict/i));
    // Said in titles and quotes, never ids or commands.
    const refusal = (await page.locator('.toast').allTextContents()).find((t) => /not exported/i.test(t))!;
    expect(refusal).toMatch(/^.*“Harbor drones: editor test” was not exported, because strict export is on/);
    expect(refusal).toMatch(/“[^”]+”.*: its excerpt (was deleted|has changed since it was cited)/);
    expect(refusal).not.toMatch(/exc_|src_|brf_|--strict|sourcebook check/);
    // The menu stays open on a refusal, to change the options.
    await menu.getByLabel(/^Strict/).uncheck();
    await menu.getByLabel('Banner (optional)').fill('');
    await page.keyboard.press('Escape');
  });

  test('an excerpt lists the briefs that cite it (“Cited in”), each opening its brief', async () => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: sourceTitle }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.locator('.reader-text').textContent(), { timeout: 10_000 }).toContain('Nordhavn Spirit');
    await reader.locator('.reader-text mark', { hasText: 'liquefied gas carrier' }).first().click();
    const citedIn = page.locator('.excerpt-panel .cited-in');
    await expect.poll(() => citedIn.textContent(), { timeout: 10_000 }).toContain('Harbor drones: editor test');
    await shot('14-cited-in');
    await citedIn.getByRole('button', { name: 'Harbor drones: editor test' }).click();
    await expect.poll(() => page.getByLabel('Brief title').inputValue()).toBe('Harbor drones: editor test');
  });

  test('no console errors and no CSP violations along the way', () => {
    expect(problems).toEqual([]);
  });
});
