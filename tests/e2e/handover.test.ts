// Handing work over in the app (issue #11), in a real Chromium against the real server: the
// open brief exported as an evidence package (a download holding the brief, what it cites,
// their sources and entities, every citation ok), and File ▸ Merge Workspace… bringing a
// colleague's workspace in (its source in the library, the backup made first listed).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtRenderer, startAppServer, type AppServer } from '../helpers/appServer';
import { startHttpServer } from '../../electron/ipc/http';
import { axeViolations } from '../helpers/axe';
import { screenshotsLightAndDark } from '../helpers/screenshots';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { openWorkspace, workspaceCounts } from '../../db/workspace';
import { importPaths } from '../../electron/services/importer';
import { addEntity } from '../../electron/services/entities';
import { checkBrief } from '../../electron/services/export/exportBrief';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-handover-', sample: true });
  browser = await launchChromium();
  // bypassCSP: axe-core is injected as a script for the accessibility checks.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, bypassCSP: true });
  await recordProblems(page, problems);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('handing work over', () => {
  test('the open brief exports as an evidence package that opens elsewhere with every citation resolved', async () => {
    const brief = (await server.api<{ id: string; title: string }[]>('briefs:list', {}))[0];
    await page.getByRole('list', { name: 'Briefs' }).getByRole('button', { name: brief.title }).click();
    await page.locator('.editor-content .citation').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Export options' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Evidence package (.sourcebook)', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/-evidence\.sourcebook$/);
    const saved = join(server.dir, 'received.sourcebook');
    await download.saveAs(saved);
    const db = openWorkspace(saved);
    try {
      const cited = checkBrief(db, brief.id);
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.map((c) => c.status)).not.toContain('deleted');
      const counts = workspaceCounts(db);
      expect(counts.briefs).toBe(1);
      expect(counts.sources).toBeGreaterThan(0);
      expect(counts.sources).toBeLessThanOrEqual((await server.api<unknown[]>('sources:list', {})).length);
    } finally {
      db.close();
    }
  });

  test('Merge Workspace… brings a colleague’s workspace in, backed up first', async () => {
    const theirs = join(server.dir, 'colleague.sourcebook');
    writeFileSync(join(server.dir, 'cable.txt'), 'Cable from the Kestrava consulate.\n\nThe terminal audit was delayed again.\n');
    const db = openWorkspace(theirs);
    await importPaths(db, [join(server.dir, 'cable.txt')]);
    db.close();
    await page.getByTestId('merge-input').setInputFiles(theirs);
    const toast = page.locator('.toasts .toast').filter({ hasText: 'Merged “colleague.sourcebook”' });
    await expect.poll(() => toast.textContent(), { timeout: 30_000 }).toContain('1 source added');
    await expect.poll(() => page.getByRole('listbox', { name: 'Sources' }).textContent()).toContain('cable.txt');
    await toast.getByRole('button', { name: 'Backups' }).click();
    await expect.poll(() => page.locator('.side-pane').textContent()).toMatch(/before merging/i);
    expect(problems).toEqual([]);
  });
});

describe('entities a merge would not place by guess', () => {
  test('wait above the entities list, and the analyst keeps one as a new entity', async () => {
    const ours = (await server.api<{ name: string; type: string }[]>('entities:list', {}))[0];
    const other = ours.type === 'location' ? 'organization' : 'location';
    const theirs = join(server.dir, 'clash.sourcebook');
    const db = openWorkspace(theirs);
    addEntity(db, ours.name, other);
    db.close();
    await page.getByTestId('merge-input').setInputFiles(theirs);
    await expect.poll(() => page.locator('.toasts .toast').filter({ hasText: 'Merged “clash.sourcebook”' }).textContent(), { timeout: 30_000 }).toContain('1 entity not merged by guess');
    await page.getByRole('button', { name: /^Entities/ }).first().click();
    const card = page.getByRole('region', { name: 'Entities to review after a merge' });
    await expect.poll(() => card.textContent()).toContain(`${ours.name} (`);
    expect(await axeViolations(page, { selector: '.entity-reviews' })).toEqual([]);
    await screenshotsLightAndDark(page, 'entity-review-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshotsLightAndDark(page, 'entity-review-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await card.getByRole('button', { name: 'Keep as new…' }).click();
    await card.getByRole('textbox', { name: /New entity’s name/ }).fill(`${ours.name} (their ${other})`);
    await card.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(() => page.getByRole('listbox', { name: 'Entities', exact: true }).textContent()).toContain(`${ours.name} (their ${other})`);
    await expect.poll(() => card.count()).toBe(0);
  });
});

describe('a workspace in a synced folder', () => {
  test('opens with a visible warning that names the sync client, under the top bar', async () => {
    const folder = join(server.dir, 'Dropbox', 'cases');
    mkdirSync(folder, { recursive: true });
    const synced = await startHttpServer({ workspacePath: join(folder, 'Port inquiry.sourcebook'), rendererDir: builtRenderer(), sample: false });
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    try {
      await tab.goto(synced.url);
      const warning = tab.getByRole('alert').filter({ hasText: 'Dropbox' });
      await expect.poll(() => warning.textContent()).toContain('Live sync can corrupt a database while it is open');
      expect(await warning.textContent()).toContain(folder);
      // It sits above the work, not over it.
      const strip = (await warning.boundingBox())!;
      const main = (await tab.locator('.main').boundingBox())!;
      expect(strip.y + strip.height).toBeLessThanOrEqual(main.y + 1);
      expect(await axeViolations(tab, { selector: '.sync-warning' })).toEqual([]);
      await screenshotsLightAndDark(tab, 'sync-warning-1440');
      await tab.setViewportSize({ width: 1024, height: 700 });
      await screenshotsLightAndDark(tab, 'sync-warning-1024');
      await warning.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => tab.getByRole('alert').filter({ hasText: 'Dropbox' }).count()).toBe(0);
    } finally {
      await tab.close();
      await synced.close();
    }
  });
});
