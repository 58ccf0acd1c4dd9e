// The Trash and the backups in a real Chromium against the real server and the sample
// workspace: an excerpt deleted from the reader (its citation in the brief shows deleted)
// and brought back by the toast's Undo, and by Ctrl+Z; a source deleted, listed in the
// Trash view and restored from it into the library; Delete forever and Empty Trash; Back up
// now adding a verified backup, and a restore bringing back the state of a backup (an
// entity added after it is gone). Both views: keyboard (one Tab stop, arrows), axe, no
// console errors, screenshots at two sizes in light and dark.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { axeViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface ExcerptRow {
  id: string;
  sourceId: string;
  quote: string;
}
interface SourceRow {
  id: string;
  title: string;
}
interface BriefRow {
  id: string;
  title: string;
}
interface TrashRow {
  kind: string;
  id: string;
  title: string;
}
interface BackupRow {
  path: string;
  verified: boolean;
  reason: string;
}

const reader = () => page.getByRole('region', { name: 'Reader' });
const library = () => page.getByRole('listbox', { name: 'Sources' });
const side = () => page.locator('.side-pane');
const toasts = () => page.locator('.toasts .toast');
const citation = (excerptId: string) => page.locator(`.editor-content .citation[data-excerpt-id="${excerptId}"]`);
const highlightOf = (excerptId: string) => reader().locator(`mark[data-ids~="${excerptId}"]`);

async function shots(name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshotsLightAndDark(page, `trash-${name}-1440`);
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshotsLightAndDark(page, `trash-${name}-1024`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Takes focus off any control, so a key press goes to the page. */
async function blur() {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openSource(title: string) {
  await library().getByRole('option', { name: new RegExp(title.slice(0, 30)) }).click();
  await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toContain(title);
}

async function openView(name: 'Trash' | 'Backups') {
  await page.getByRole('list', { name: 'Workspace tools' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect.poll(() => side().locator('.side-title').textContent()).toContain(name);
}

/** An excerpt the open brief cites, with its source. */
let cited: ExcerptRow;
let citedSource: SourceRow;

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-trash-', sample: true });
  browser = await launchChromium();
  // bypassCSP: axe-core is injected as a script for the accessibility checks.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true, colorScheme: 'light' });
  await recordProblems(page, problems);
  await page.goto(server.url);
  const brief = (await server.api<BriefRow[]>('briefs:list', {}))[0];
  await page.getByRole('list', { name: 'Briefs' }).getByRole('button', { name: brief.title }).click();
  await page.locator('.editor-content .citation').first().waitFor({ timeout: 15_000 });
  const citedId = await page.locator('.editor-content .citation').first().getAttribute('data-excerpt-id');
  const excerpts = await server.api<ExcerptRow[]>('excerpts:list', {});
  cited = excerpts.find((e) => e.id === citedId)!;
  citedSource = (await server.api<SourceRow[]>('sources:list', {})).find((s) => s.id === cited.sourceId)!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Trash', () => {
  test('an excerpt deleted in the reader: its citation shows deleted; the toast’s Undo brings it back', async () => {
    await openSource(citedSource.title);
    await highlightOf(cited.id).first().dispatchEvent('click');
    const panel = page.getByRole('region', { name: 'Excerpt' });
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.getByRole('button', { name: 'Delete excerpt' }).click();

    await expect.poll(() => citation(cited.id).first().getAttribute('data-state')).toBe('deleted');
    await expect.poll(() => highlightOf(cited.id).count()).toBe(0);
    const toast = toasts().filter({ hasText: 'to the Trash.' });
    await expect.poll(() => toast.textContent()).toContain(`Moved “${cited.quote.slice(0, 20)}`);
    await shots('01-undo-toast');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => citation(cited.id).first().getAttribute('data-state')).not.toBe('deleted');
    await expect.poll(() => highlightOf(cited.id).count()).toBeGreaterThan(0);
    await expect.poll(() => toasts().filter({ hasText: 'Restored “' }).count()).toBe(1);
    expect((await server.api<TrashRow[]>('trash:list', {})).map((t) => t.id)).not.toContain(cited.id);
  });

  test('Ctrl+Z outside any text field undoes the last delete; inside one it is the field’s own', async () => {
    await highlightOf(cited.id).first().dispatchEvent('click');
    const panel = page.getByRole('region', { name: 'Excerpt' });
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.getByRole('button', { name: 'Delete excerpt' }).click();
    await expect.poll(() => citation(cited.id).first().getAttribute('data-state')).toBe('deleted');

    // In the search box, Ctrl+Z is the text's undo: nothing is restored.
    await page.locator('input[aria-label="Search"]').focus();
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect((await server.api<TrashRow[]>('trash:list', {})).map((t) => t.id)).toContain(cited.id);

    await blur();
    await page.keyboard.press('Control+z');
    await expect.poll(() => citation(cited.id).first().getAttribute('data-state')).not.toBe('deleted');
    expect((await server.api<TrashRow[]>('trash:list', {})).map((t) => t.id)).not.toContain(cited.id);
    // Only once: a second Ctrl+Z has nothing left to undo.
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(200);
    expect(await highlightOf(cited.id).count()).toBeGreaterThan(0);
  });

  test('a source deleted shows in the Trash view; Restore brings it back into the library', async () => {
    await reader().getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Source details' });
    await dialog.getByRole('button', { name: 'Delete source…' }).click();
    await dialog.getByRole('button', { name: 'Delete source and its excerpts' }).click();
    await expect.poll(() => library().getByRole('option', { name: new RegExp(citedSource.title.slice(0, 30)) }).count()).toBe(0);
    await expect.poll(() => toasts().filter({ hasText: `Moved “${citedSource.title.slice(0, 30)}` }).count()).toBe(1);
    // The sidebar counts what the Trash holds.
    const trashButton = page.getByRole('list', { name: 'Workspace tools' }).getByRole('button', { name: /^Trash/ });
    await expect.poll(() => trashButton.locator('.count').textContent()).toBe('1');

    // Two more items, so the keyboard has somewhere to go: an entity and a brief (through the API, before the view loads).
    const entity = await server.api<{ id: string }>('entities:create', { name: 'Trashed Example Org', type: 'organization', aliases: [] });
    await server.api('entities:delete', { id: entity.id });
    const spare = await server.api<{ id: string }>('briefs:create', { title: 'Spare brief' });
    await server.api('briefs:delete', { id: spare.id });

    await openView('Trash');
    const list = side().getByRole('list', { name: 'Deleted items' });
    await expect.poll(() => list.locator('li').count()).toBe(3);
    // Most recently deleted first.
    expect(await list.locator('li .trash-kind').allTextContents()).toEqual(['Brief', 'Entity', 'Source']);
    const row = list.locator(`li[data-trash-id="${citedSource.id}"]`);
    expect(await row.locator('.trash-title').textContent()).toBe(citedSource.title);
    expect(await row.locator('time').textContent()).toMatch(/^deleted (just now|\d+ seconds? ago)$/);
    expect(await row.locator('time').getAttribute('title')).toMatch(/^Deleted /);
    await shots('02-trash');
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);

    // One Tab stop: Tab from the header lands on the first row; arrows move between rows.
    await list.locator('li').first().focus();
    expect(await list.locator('li[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-trash-id'))).toBe(await list.locator('li').nth(1).getAttribute('data-trash-id'));
    expect(await list.locator('li').nth(1).getAttribute('tabindex')).toBe('0');
    expect(await list.locator('li').first().getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-trash-id'))).toBe(await list.locator('li').first().getAttribute('data-trash-id'));

    await row.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => library().getByRole('option', { name: new RegExp(citedSource.title.slice(0, 30)) }).count()).toBe(1);
    await expect.poll(() => citation(cited.id).first().getAttribute('data-state')).not.toBe('deleted');
  });

  test('Delete forever asks first; Empty Trash says it cannot be undone and backs up first', async () => {
    const list = side().getByRole('list', { name: 'Deleted items' });
    const first = list.locator('li').first();
    const id = await first.getAttribute('data-trash-id');
    await first.getByRole('button', { name: 'Delete forever' }).click();
    await first.getByRole('group', { name: 'Delete forever' }).getByRole('button', { name: 'Delete forever' }).click();
    await expect.poll(() => list.locator(`li[data-trash-id="${id}"]`).count()).toBe(0);
    expect((await server.api<TrashRow[]>('trash:list', {})).map((t) => t.id)).not.toContain(id);

    const backupsBefore = (await server.api<BackupRow[]>('backups:list', {})).length;
    await side().getByRole('button', { name: 'Empty Trash…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Empty the Trash?' });
    expect(await dialog.textContent()).toContain('This cannot be undone');
    expect(await dialog.textContent()).toContain('A backup of the workspace is made first');
    await shots('03-empty-dialog');
    expect(await axeViolations(page, { selector: 'dialog[open]' })).toEqual([]);
    await dialog.getByRole('button', { name: 'Empty Trash' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => side().locator('.empty-state').textContent()).toContain('Nothing in the Trash');
    expect(await side().locator('.empty-state').textContent()).toContain('Deleted sources, excerpts, briefs and entities stay here for 30 days.');
    expect((await server.api<BackupRow[]>('backups:list', {})).length).toBe(backupsBefore + 1);
    await shots('04-trash-empty');
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
  });

  test('several items selected from the keyboard are restored together', async () => {
    const entity = await server.api<{ id: string; name: string }>('entities:create', { name: 'Selected Example Org', type: 'organization', aliases: [] });
    await server.api('entities:delete', { id: entity.id });
    const brief = await server.api<{ id: string }>('briefs:create', { title: 'Selected brief' });
    await server.api('briefs:delete', { id: brief.id });
    // Another view and back: the Trash is read again.
    await openView('Backups');
    await openView('Trash');
    const list = side().getByRole('list', { name: 'Deleted items' });
    await expect.poll(() => list.locator('li').count()).toBe(2);
    await list.locator('li').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    const bar = side().getByRole('toolbar', { name: 'Selected items' });
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('2 selected');
    expect(await list.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await shots('05-trash-selected');
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
    await bar.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => side().locator('.empty-state').count()).toBe(1);
    expect(await server.api<TrashRow[]>('trash:list', {})).toEqual([]);
    expect((await server.api<{ name: string }[]>('entities:list', {})).map((e) => e.name)).toContain('Selected Example Org');
  });
});

describe('backups', () => {
  test('Back up now adds a verified backup at the top of the list', async () => {
    await openView('Backups');
    const list = side().getByRole('list', { name: 'Backups' });
    // Counted once the list has loaded (on a busy machine it may still say "Loading…").
    await expect.poll(() => side().locator('.loading').count()).toBe(0);
    const before = await list.locator('li').count();
    await side().getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => list.locator('li').count()).toBe(before + 1);
    const top = list.locator('li').first();
    expect(await top.locator('.backup-reason').textContent()).toBe('Made by hand');
    expect(await top.locator('.backup-check').textContent()).toContain('Verified');
    expect(await top.textContent()).toMatch(/\d+ sources · \d+ excerpts · \d+ entit(y|ies) · \d+ briefs?/);
    expect(await top.textContent()).toMatch(/\d+(\.\d)? (MB|kB)/);
    expect((await server.api<BackupRow[]>('backups:list', {}))[0]).toMatchObject({ verified: true, reason: 'manual' });
    await shots('05-backups');
    expect(await axeViolations(page, { selector: '.side-pane' })).toEqual([]);
  });

  test('restoring a backup brings its state back (an entity added after it is gone), the state before kept', async () => {
    const list = side().getByRole('list', { name: 'Backups' });
    const backupPath = await list.locator('li').first().getAttribute('data-backup-path');
    await server.api('entities:create', { name: 'Added After Backup Ltd', type: 'organization', aliases: [] });
    expect((await server.api<{ name: string }[]>('entities:list', {})).map((e) => e.name)).toContain('Added After Backup Ltd');

    await list.locator(`li[data-backup-path="${backupPath}"]`).getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    expect(await dialog.textContent()).toContain('The current state is backed up first');
    expect(await dialog.textContent()).toContain('will be replaced by the backup of');
    await shots('06-restore-dialog');
    expect(await axeViolations(page, { selector: 'dialog[open]' })).toEqual([]);
    const count = await list.locator('li').count();
    await dialog.getByRole('button', { name: 'Restore backup' }).click();

    await expect.poll(() => toasts().filter({ hasText: 'Restored the backup of' }).textContent(), { timeout: 15_000 }).toContain('The state before it is kept as a backup.');
    expect((await server.api<{ name: string }[]>('entities:list', {})).map((e) => e.name)).not.toContain('Added After Backup Ltd');
    // The state before the restore is a backup now, listed at the top.
    await expect.poll(() => list.locator('li').count()).toBe(count + 1);
    expect(await list.locator('li').first().locator('.backup-reason').textContent()).toBe('Before restoring a backup');
    // The views follow: the entities list no longer shows it, the brief is still open.
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ }).click();
    await expect.poll(() => side().getByRole('listbox', { name: 'Entities' }).textContent()).not.toContain('Added After Backup Ltd');
    await openView('Backups');
    await shots('07-restored');
  });

  test('the views are in the command palette', async () => {
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: /Command/ });
    await expect.poll(() => palette.isVisible()).toBe(true);
    await page.keyboard.type('trash');
    await page.keyboard.press('Enter');
    await expect.poll(() => side().locator('.side-title').textContent()).toContain('Trash');
  });

  test('no console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
