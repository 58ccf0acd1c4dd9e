// Panes in real Chromium against the real server and the sample workspace: the sidebar
// resized by keyboard and mouse, remembered across a reload, collapsed and restored; the
// brief's side panels (Outline, Excerpts, Check brief, History) beside the text, never over
// it, resizable and remembered; focus mode by its shortcut; and a 1024×700 window where the
// excerpt form's entity field is wide enough to read and the reader's excerpts sit beside or
// under the text. axe finds nothing serious on those screens, light and dark.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { axeViolations } from '../helpers/axe';
import { mouseSelect } from '../helpers/mouseSelect';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

type Box = { x: number; y: number; width: number; height: number };

const sourcesList = () => page.getByRole('listbox', { name: 'Sources' });
const sidebar = () => page.getByRole('navigation', { name: 'Library and briefs' });
const sidebarEdge = () => page.getByRole('separator', { name: 'Resize the sidebar' });
const panelEdge = () => page.getByRole('separator', { name: "Resize the brief's side panel" });
const box = async (selector: string): Promise<Box> => (await page.locator(selector).first().boundingBox())!;
const valueNow = async () => Number(await sidebarEdge().getAttribute('aria-valuenow'));

/** Two boxes share no pixel (a pixel of border allowed). */
function apart(a: Box, b: Box): boolean {
  return a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1 || a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1;
}

/** axe in the light theme and in the dark one: what is serious or critical in either. */
async function axeLightAndDark(): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    found.push(...(await axeViolations(page)).map((v) => `${scheme}: ${v.id} ${v.targets.join(', ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-panes-' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
  await sourcesList().getByRole('option').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Panes', () => {
  test('the sidebar is resized by keyboard and mouse, remembered across a reload, collapsed and restored', async () => {
    expect(Math.round((await sidebar().boundingBox())!.width)).toBe(248);
    expect(await valueNow()).toBe(248);

    // Keyboard: two steps wider.
    await sidebarEdge().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(valueNow).toBe(280);
    expect(Math.round((await sidebar().boundingBox())!.width)).toBe(280);

    // Mouse: dragged 100 px further.
    const edge = (await sidebarEdge().boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 50, edge.y + 200, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 + 100, edge.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(valueNow).toBe(380);
    expect(Math.round((await sidebar().boundingBox())!.width)).toBe(380);
    // The work beside it starts where the sidebar ends: nothing is covered.
    expect(apart((await sidebar().boundingBox())!, await box('.pane.reader'))).toBe(true);

    // Remembered.
    await page.reload();
    await sourcesList().getByRole('option').first().waitFor();
    expect(Math.round((await sidebar().boundingBox())!.width)).toBe(380);
    await screenshotsLightAndDark(page, 'panes-sidebar-wide-1440');

    // Enter collapses it; the edge stays to bring it back at the same width.
    await sidebarEdge().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sidebar().count()).toBe(0);
    expect(await valueNow()).toBe(0);
    expect((await box('.pane.reader')).x).toBeLessThan(12);
    await page.keyboard.press('Enter');
    await sidebar().waitFor();
    expect(Math.round((await sidebar().boundingBox())!.width)).toBe(380);
    // Ctrl+\ still toggles it (View ▸ Toggle Sidebar).
    await page.locator('.pane.reader').first().click({ position: { x: 40, y: 10 } });
    await page.keyboard.press('Control+\\');
    await expect.poll(() => sidebar().count()).toBe(0);
    await page.keyboard.press('Control+\\');
    await sidebar().waitFor();
    // Home: the narrowest it goes, where its headers still fit.
    await sidebarEdge().focus();
    await page.keyboard.press('Home');
    await expect.poll(valueNow).toBe(180);
    await page.keyboard.press('End');
    await expect.poll(valueNow).toBe(480);
    // Back to the usual width for the next screens.
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(valueNow).toBe(180);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(valueNow).toBe(244);
    expect(problems).toEqual([]);
  });

  test('the brief’s side panels sit beside the text, resizable, remembered; axe light and dark', async () => {
    await page.getByRole('list', { name: 'Briefs' }).getByRole('button').first().click();
    await page.locator('.editor-content').waitFor();
    // At the default split a panel opening takes room from the reader, which keeps ≥ 440 px,
    // and sits beside the text; closed, the reader has its width back.
    const readerBefore = (await box('.pane.reader')).width;
    await page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Excerpts' }).click();
    await page.getByRole('region', { name: 'Excerpts to cite' }).waitFor();
    await expect.poll(async () => (await box('.pane.brief-pane')).width).toBeGreaterThan(680);
    const [besidePanel, besideText] = [await box('#brief-side-panel'), await box('.editor-scroll')];
    expect(apart(besidePanel, besideText)).toBe(true);
    expect(besidePanel.x).toBeGreaterThanOrEqual(besideText.x + besideText.width - 1);
    expect((await box('.pane.reader')).width).toBeGreaterThanOrEqual(440);
    await screenshotsLightAndDark(page, 'panes-brief-default-1440');
    await page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Excerpts' }).click();
    await expect.poll(async () => Math.round((await box('.pane.reader')).width)).toBe(Math.round(readerBefore));
    // The reader|brief split moved from the keyboard: the brief wide enough for its text and a panel beside it.
    await page.getByRole('separator', { name: 'Resize reader and brief' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await box('.pane.brief-pane')).width).toBeGreaterThan(680);
    const toolbarPanels = page.getByRole('group', { name: 'Panels' });

    for (const [button, region] of [
      ['Outline', null],
      ['Excerpts', 'Excerpts to cite'],
      ['Check brief', 'Check brief'],
      ['History', 'History'],
    ] as const) {
      const toggle = button === 'History' ? page.getByRole('button', { name: 'History', exact: true }) : toolbarPanels.getByRole('button', { name: button });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      if (region) await page.getByRole('region', { name: region }).waitFor();
      else await page.getByRole('navigation', { name: 'Outline' }).waitFor();
      // One panel at a time.
      expect(await page.locator('#brief-side-panel').count()).toBe(1);
      const panel = await box('#brief-side-panel');
      const text = await box('.editor-scroll');
      expect(apart(panel, text), `${button} panel over the text`).toBe(true);
      // Beside it, at the right, with room left to write.
      expect(panel.x).toBeGreaterThanOrEqual(text.x + text.width - 1);
      expect(text.width).toBeGreaterThanOrEqual(320);
      expect(apart(panel, await box('.editor-content'))).toBe(true);
    }

    // The panel's edge: ← widens it (it is at the right), remembered across a reload.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Excerpts' }).click();
    await page.getByRole('region', { name: 'Excerpts to cite' }).waitFor();
    const before = (await box('#brief-side-panel')).width;
    expect(Math.round(before)).toBe(340);
    await panelEdge().focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Math.round((await box('#brief-side-panel')).width)).toBe(372);
    expect(await panelEdge().getAttribute('aria-valuenow')).toBe('372');
    await page.reload();
    await page.getByRole('region', { name: 'Excerpts to cite' }).waitFor();
    expect(Math.round((await box('#brief-side-panel')).width)).toBe(372);
    expect(apart(await box('#brief-side-panel'), await box('.editor-scroll'))).toBe(true);
    await screenshotsLightAndDark(page, 'panes-brief-excerpts-1440');
    expect(await axeLightAndDark()).toEqual([]);

    // Enter on the edge closes the panel; the toolbar's button brings it back.
    await panelEdge().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#brief-side-panel').count()).toBe(0);
    await page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Check brief' }).click();
    await page.getByRole('region', { name: 'Check brief' }).waitFor();
    expect(Math.round((await box('#brief-side-panel')).width)).toBe(372);
    expect(problems).toEqual([]);
  });

  test('focus mode by its shortcut: the brief takes the window; Escape and the same keys leave it', async () => {
    await page.locator('.editor-content').click({ position: { x: 12, y: 12 } });
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => sidebar().count()).toBe(0);
    await expect.poll(() => page.locator('.pane.reader').first().isVisible()).toBe(false);
    const brief = await box('.pane.brief-pane');
    expect(brief.x).toBeLessThan(2);
    expect(brief.width).toBeGreaterThan(1430);
    // The keys did not break the line: the text is as it was, the caret still in it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('.editor-content'))).toBe(true);
    await screenshotsLightAndDark(page, 'panes-focus-1440');
    expect(await axeLightAndDark()).toEqual([]);

    await page.keyboard.press('Escape');
    await sidebar().waitFor();
    await expect.poll(() => page.locator('.pane.reader').first().isVisible()).toBe(true);

    // The same keys from outside the text, twice: in and out.
    await page.locator('.brief-header').click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => sidebar().count()).toBe(0);
    await page.keyboard.press('Control+Shift+Enter');
    await sidebar().waitFor();
    expect(problems).toEqual([]);
  });

  test('at 1024×700: the excerpt form’s entity field is readable, nothing lies over the text', async () => {
    // The split back where it was (the last test widened the brief).
    await page.getByRole('separator', { name: 'Resize reader and brief' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.setViewportSize({ width: 1024, height: 700 });
    await sourcesList().getByRole('option').first().click();
    const run = page.locator('.reader-text [data-start]').first();
    await run.waitFor();
    const words = ((await run.textContent()) ?? '').trim().split(/\s+/).slice(0, 2).join(' ');
    await mouseSelect(page, words);
    await page.keyboard.press('Control+Shift+E');
    const popover = page.getByRole('dialog', { name: 'Save excerpt' });
    await popover.waitFor();
    await popover.getByRole('button', { name: '+ Add entity' }).click();
    const name = popover.getByLabel('Entity 1 name');
    expect((await name.boundingBox())!.width).toBeGreaterThanOrEqual(150);
    await name.fill('Port Authority of Veldmark');
    // The form's Save button can be reached and is inside the window.
    const save = popover.getByRole('button', { name: 'Save excerpt' });
    await save.scrollIntoViewIfNeeded();
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(700);
    expect(saveBox.x + saveBox.width).toBeLessThanOrEqual(1024);
    await screenshotsLightAndDark(page, 'panes-excerpt-form-1024');
    expect(await axeLightAndDark()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);

    // The reader's header leaves the text most of the pane: a line for each of title, actions, details and briefs citing it.
    const header = await box('.reader-header');
    expect(header.height).toBeLessThanOrEqual(150);
    expect((await box('.reader-scroll')).height).toBeGreaterThan(header.height * 2);

    // The reader's excerpts: beside the text or under it, never over it.
    const excerptsButton = page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: /^Excerpts/ });
    if ((await excerptsButton.getAttribute('aria-pressed')) !== 'true') await excerptsButton.click();
    await page.locator('#excerpt-margin').waitFor();
    expect(apart(await box('#excerpt-margin'), await box('.reader-scroll'))).toBe(true);
    expect((await box('.reader-scroll')).height).toBeGreaterThan(200);

    // The brief's side panel in a narrow pane: under the text, never over it.
    const panel = await box('#brief-side-panel');
    expect(apart(panel, await box('.editor-scroll'))).toBe(true);
    await screenshotsLightAndDark(page, 'panes-1024');
    expect(await axeLightAndDark()).toEqual([]);

    // Titles cut short keep their whole text for the pointer.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.nav-item-title, .reader-title, .pane-tab-title, .excerpt-drag-source')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .filter((el) => !(el.title || el.closest('[title]')?.getAttribute('title')))
        .map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    expect(problems).toEqual([]);
  });
});
