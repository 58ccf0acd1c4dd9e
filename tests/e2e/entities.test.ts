// Entities and analysis in a real Chromium against the real server and the sample
// workspace: an entity with an alias made in the UI and its mentions marked in the
// reader; a mention dismissed (and staying gone) and a mention's sentence excerpted; an
// alias added with a background rescan; the entity page's mentions grouped by source;
// suggestions; merge with Undo; the co-occurrence matrix and its passages; a relation
// drawn and the link chart's edges with their evidence, filters that keep the layout,
// SVG and PNG export; an event date set from the excerpt panel and shown on the timeline.
// No console errors and no CSP violations throughout, in light and dark.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { launchChromium } from '../helpers/chromium';
import { recordProblems } from '../helpers/pageProblems';
import { screenshotsLightAndDark } from '../helpers/screenshots';

const CONCESSION = 'Kestrava hands East Terminal to Halvard Maritime for 30 years';
const SEIZURE = 'Customs seize drone motors declared as sprayer parts at Kestrava';
const SCREENING = 'East Terminal screening gaps let dual-use cargo through, watchdog says';

let server: AppServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const shot = (name: string) => screenshotsLightAndDark(page, name);

interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  mentionCount: number;
  excerptCount: number;
}
interface SourceRow {
  id: string;
  title: string;
}
interface MentionRow {
  entityId: string;
  start: number;
  end: number;
}
interface ExcerptRow {
  id: string;
  quote: string;
  eventDate: string | null;
  entities: { id: string }[];
}

const entityNamed = async (name: string) => (await server.api<EntityRow[]>('entities:list', {})).find((e) => e.name === name);
const sourceTitled = async (title: string) => (await server.api<SourceRow[]>('sources:list', {})).find((s) => s.title === title)!;

const side = () => page.locator('.side-pane');
const reader = () => page.getByRole('region', { name: 'Reader' });

async function openEntities() {
  await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ }).click();
  await expect.poll(() => side().getByRole('listbox', { name: 'Entities' }).isVisible()).toBe(true);
}

async function openEntity(name: string) {
  await openEntities();
  await side().locator('.entity-row', { hasText: name }).first().click();
  await expect.poll(() => side().locator('.side-title').textContent()).toContain(name);
}

async function openSource(title: string) {
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(title.slice(0, 30)) }).click();
  await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toContain(title);
}

function mentionsOf(entityId: string): Locator {
  return reader().locator(`.reader-text .mention[data-entity-id="${entityId}"]`);
}

/** The rendered middle of a link chart edge, in page coordinates (cytoscape keeps its instance on the container). */
async function edgePoint(selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate((sel) => {
    const container = document.querySelector('.link-chart-canvas') as HTMLElement & { _cyreg: { cy: { edges(s: string): { renderedMidpoint(): { x: number; y: number } }[] } } };
    const edge = container._cyreg.cy.edges(sel)[0];
    const mid = edge.renderedMidpoint();
    const box = container.getBoundingClientRect();
    return { x: box.left + mid.x, y: box.top + mid.y };
  }, selector);
}

async function nodePositions(): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const container = document.querySelector('.link-chart-canvas') as HTMLElement & { _cyreg: { cy: { nodes(): { forEach(f: (n: { id(): string; position(): { x: number; y: number } }) => void): void } } } };
    const out: Record<string, { x: number; y: number }> = {};
    container._cyreg.cy.nodes().forEach((n) => {
      out[n.id()] = { ...n.position() };
    });
    return out;
  });
}

async function visibleEdgeCount(): Promise<number> {
  return page.evaluate(() => {
    const container = document.querySelector('.link-chart-canvas') as HTMLElement & { _cyreg: { cy: { edges(s: string): { length: number } } } };
    return container._cyreg.cy.edges(':visible').length;
  });
}

beforeAll(async () => {
  server = await startAppServer({ prefix: 'sourcebook-e2e-entities-', sample: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, colorScheme: 'light' });
  page = await context.newPage();
  await recordProblems(page, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('entities and analysis', () => {
  test('entities, mentions, suggestions, matrix, link chart, timeline', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Library' }).isVisible()).toBe(true);

    // The sidebar's Analysis section counts the sample's entities.
    const initial = await server.api<EntityRow[]>('entities:list', {});
    const entitiesButton = page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: /^Entities/ });
    await expect.poll(() => entitiesButton.textContent()).toContain(String(initial.length));

    // The list: every entity with its counts; filter by type and by text.
    await openEntities();
    const list = side().getByRole('listbox', { name: 'Entities' });
    await expect.poll(() => list.locator('.entity-row').count()).toBe(initial.length);
    await expect.poll(() => list.locator('.entity-row', { hasText: 'Halvard Maritime Holdings' }).textContent()).toMatch(/\d+ mentions?.*\d+ excerpts?/);
    await shot('e01-entities');
    await side().getByRole('radio', { name: /^Location/ }).click();
    await expect.poll(() => list.locator('.entity-row').count()).toBe(initial.filter((e) => e.type === 'location').length);
    await side().getByRole('radio', { name: /^All/ }).click();
    await side().getByLabel('Filter entities by name or alias').fill('sand');
    await expect.poll(() => list.locator('.entity-row').allTextContents()).toEqual([expect.stringContaining('Sandmere')]);
    await side().getByLabel('Filter entities by name or alias').fill('');

    // A new entity with an alias, made in the UI: its page lists its mentions, by source.
    await side().getByRole('button', { name: 'New entity' }).click();
    const form = side().getByRole('form', { name: 'New entity' });
    await form.getByLabel('Name').fill('Rasmus Kell');
    await form.getByLabel('Type').selectOption('person');
    await form.getByLabel(/^Aliases/).fill('Kell');
    await shot('e02-new-entity');
    await form.getByRole('button', { name: 'Create entity' }).click();
    await expect.poll(() => side().locator('.side-title').textContent()).toContain('Rasmus Kell');
    const kell = (await entityNamed('Rasmus Kell'))!;
    expect(kell.aliases).toEqual(['Kell']);
    const groups = side().locator('.mention-group');
    await expect.poll(() => groups.count()).toBe(2);
    expect((await groups.locator('.mention-group-title').allTextContents()).map((t) => t.replace(/\d+$/, '')).sort()).toEqual([CONCESSION, SCREENING].sort());
    await shot('e03-entity-page');

    // A mention opens the reader at that place: marked, and drawn as a mention (dotted, no fill).
    await groups.filter({ hasText: SCREENING }).locator('.mention-item').first().click();
    await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toContain(SCREENING);
    await expect.poll(() => mentionsOf(kell.id).count()).toBe(1);
    await expect.poll(() => reader().locator('.hl-passage').count()).toBeGreaterThan(0);
    const look = await mentionsOf(kell.id)
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return { line: s.textDecorationLine, style: s.textDecorationStyle, background: s.backgroundColor };
      });
    expect(look.line).toContain('underline');
    expect(look.style).toBe('dotted');
    // Other entities' mentions are marked too, each with its entity.
    expect(await reader().locator('.reader-text .mention').count()).toBeGreaterThan(3);
    await shot('e04-reader-mentions');

    // Dismiss a mention ("not a mention"): it disappears and stays gone.
    const concession = await sourceTitled(CONCESSION);
    await openSource(CONCESSION);
    await expect.poll(() => mentionsOf(kell.id).count()).toBe(1);
    const dismissedStart = Number(await mentionsOf(kell.id).first().getAttribute('data-mention'));
    await mentionsOf(kell.id).first().click();
    const popover = page.getByRole('dialog', { name: 'Mention of Rasmus Kell' });
    await expect.poll(() => popover.isVisible()).toBe(true);
    await shot('e05-mention-popover');
    await popover.getByRole('button', { name: 'Not a mention' }).click();
    await expect.poll(() => mentionsOf(kell.id).count()).toBe(0);
    await expect.poll(async () => (await server.api<MentionRow[]>('mentions:source', { sourceId: concession.id })).some((m) => m.start === dismissedStart)).toBe(false);
    await openSource(SEIZURE);
    await openSource(CONCESSION);
    await expect.poll(() => reader().locator('.reader-text .mention').count()).toBeGreaterThan(0);
    expect(await mentionsOf(kell.id).count()).toBe(0);

    // A new alias on an existing entity: the corpus is rescanned in the background.
    await openEntity('Marta Kovač');
    const marta = (await entityNamed('Marta Kovač'))!;
    await side().getByLabel('New alias').fill('Kovač');
    await side().getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => side().locator('.alias-name').allTextContents()).toEqual(['Kovač']);
    await expect.poll(async () => (await entityNamed('Marta Kovač'))!.mentionCount, { timeout: 15_000 }).toBe(marta.mentionCount + 2);
    await expect.poll(() => side().locator('.entity-summary').textContent(), { timeout: 10_000 }).toContain(`${marta.mentionCount + 2} mentions`);
    await openSource(SEIZURE);
    await expect.poll(() => mentionsOf(marta.id).count()).toBe(3);

    // A mention's sentence becomes an excerpt tagged with its entity (and opens in the reader).
    const halvard = (await entityNamed('Halvard Maritime Holdings'))!;
    const screening = await sourceTitled(SCREENING);
    await openSource(SCREENING);
    const before = await server.api<ExcerptRow[]>('excerpts:list', { sourceId: screening.id });
    const inResponse = mentionsOf(halvard.id).filter({ hasText: 'Halvard Maritime Holdings' });
    await expect.poll(() => inResponse.count()).toBe(1);
    await inResponse.click();
    await page.getByRole('dialog', { name: 'Mention of Halvard Maritime Holdings' }).getByRole('button', { name: 'Excerpt this sentence' }).click();
    let made: ExcerptRow | undefined;
    await expect
      .poll(async () => {
        const after = await server.api<ExcerptRow[]>('excerpts:list', { sourceId: screening.id });
        made = after.find((e) => !before.some((b) => b.id === e.id));
        return made?.quote ?? '';
      })
      .toContain('would end by June 2026');
    expect(made!.entities.map((e) => e.id)).toContain(halvard.id);
    const madeMark = reader().locator(`.reader-text mark[data-ids~="${made!.id}"]`);
    await expect.poll(() => madeMark.count()).toBeGreaterThan(0);

    // Its event date, from the dates its quote mentions, in the excerpt panel.
    await madeMark.first().click();
    const panel = reader().getByRole('region', { name: 'Excerpt' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const suggestion = panel.getByRole('button', { name: 'Jun 2026' });
    await expect.poll(() => suggestion.isVisible()).toBe(true);
    await suggestion.click();
    expect(await panel.getByLabel(/^Event date/).inputValue()).toBe('2026-06');
    await shot('e06-event-date');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await server.api<ExcerptRow[]>('excerpts:get', { ids: [made!.id] }))[0].eventDate).toBe('2026-06');
    // A second dated excerpt, typed by hand.
    const concessionExcerpt = (await server.api<ExcerptRow[]>('excerpts:list', { sourceId: concession.id })).find((e) => e.quote.startsWith('the terminal operator'))!;
    await openSource(CONCESSION);
    await reader().locator(`.reader-text mark[data-ids~="${concessionExcerpt.id}"]`).first().click();
    await reader().getByRole('region', { name: 'Excerpt' }).getByLabel(/^Event date/).fill('2025-06-11');
    await reader().getByRole('region', { name: 'Excerpt' }).getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await server.api<ExcerptRow[]>('excerpts:get', { ids: [concessionExcerpt.id] }))[0].eventDate).toBe('2025-06-11');

    // The entity page: profile edit, excerpts, mentions grouped by source, co-occurring entities.
    await openEntity('Halvard Maritime Holdings');
    await side().getByLabel('Description').fill('Terminal operator registered in the Sandmere free zone.');
    await side().getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await server.api<{ entity: { description: string } }>('entities:page', { id: halvard.id })).entity.description).toContain('Sandmere free zone');
    await expect.poll(() => side().locator('.mention-group').count()).toBe(3);
    await expect.poll(() => side().locator('.entity-page .evidence-item', { hasText: 'would end by June 2026' }).count()).toBe(1);
    const sandmereRow = side().locator('.co-table tr', { hasText: 'Sandmere' });
    await sandmereRow.getByRole('button', { name: /paragraphs with Sandmere/ }).click();
    const evidence = side().getByRole('complementary', { name: 'Evidence' });
    await expect.poll(() => evidence.locator('.evidence-item').count()).toBeGreaterThan(1);
    await shot('e07-entity-evidence');
    await page.keyboard.press('Escape');
    await expect.poll(() => evidence.count()).toBe(0);

    // Suggestions: accept one (type editable), reject another.
    await openEntities();
    await side().getByRole('button', { name: 'Suggestions' }).click();
    const brecht = side().getByRole('article', { name: 'Suggestion: Ilona Brecht' });
    await expect.poll(() => brecht.isVisible(), { timeout: 20_000 }).toBe(true);
    await shot('e08-suggestions');
    await brecht.getByLabel('Type of Ilona Brecht').selectOption('person');
    await brecht.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => (await entityNamed('Ilona Brecht'))?.mentionCount ?? 0).toBeGreaterThan(0);
    const dock = side().getByRole('article', { name: 'Suggestion: Dock workers' });
    if ((await dock.count()) > 0) {
      await dock.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => dock.count()).toBe(0);
      expect((await server.api<{ name: string }[]>('suggestions:list', {})).some((s) => s.name === 'Dock workers')).toBe(false);
    }

    // Merge (toast with Undo), then delete with an inline confirmation.
    await openEntity('Rasmus Kell');
    const brechtEntity = (await entityNamed('Ilona Brecht'))!;
    await side().getByLabel('Entity to merge into this one').selectOption(brechtEntity.id);
    await side().getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(async () => (await entityNamed('Ilona Brecht')) === undefined).toBe(true);
    await expect.poll(() => side().locator('.alias-name').allTextContents()).toContain('Ilona Brecht');
    await shot('e09-merged');
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await entityNamed('Ilona Brecht'))?.id).toBe(brechtEntity.id);
    await openEntity('Ilona Brecht');
    await side().getByRole('button', { name: 'Delete entity' }).click();
    await side().getByRole('button', { name: 'Delete Ilona Brecht' }).click();
    await expect.poll(async () => (await entityNamed('Ilona Brecht')) === undefined).toBe(true);
    await expect.poll(() => side().getByRole('listbox', { name: 'Entities' }).isVisible()).toBe(true);

    // The co-occurrence matrix: a cell opens its passages; a passage opens the reader.
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: 'Matrix' }).click();
    const cell = side().getByRole('button', { name: /^\d+ \d+, Halvard Maritime Holdings and Sandmere: \d+ excerpts?, \d+ paragraphs?/ });
    await expect.poll(() => cell.count()).toBe(1);
    await shot('e10-matrix');
    await cell.click();
    await expect.poll(() => evidence.locator('.evidence-item').count()).toBeGreaterThan(1);
    expect(await evidence.locator('h3').textContent()).toContain('Sandmere');
    await shot('e11-matrix-evidence');
    await evidence.locator('.evidence-paragraph').first().click();
    await expect.poll(() => reader().locator('.hl-passage').count()).toBeGreaterThan(0);
    // Tags × tags.
    await side().getByRole('radio', { name: 'Tags × tags' }).click();
    const tagCell = side().getByRole('button', { name: /^\d+, corporate\/ownership and customs\/seizures: \d+ excerpt/ });
    await expect.poll(() => tagCell.count()).toBe(1);
    await tagCell.click();
    await expect.poll(() => evidence.locator('.evidence-item').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await side().getByRole('radio', { name: 'Entities × entities' }).click();

    // The link chart: add a relationship from the UI, then click edges for their evidence.
    await side().getByRole('button', { name: 'Link chart' }).click();
    await expect.poll(() => page.locator('.link-chart-canvas canvas').count()).toBeGreaterThan(0);
    await side().getByRole('button', { name: 'Add relationship' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add relationship' });
    await dialog.getByLabel('From entity').selectOption(halvard.id);
    await dialog.getByLabel('Relationship').fill('operates');
    const eastTerminal = (await entityNamed('East Terminal'))!;
    await dialog.getByLabel('To entity').selectOption(eastTerminal.id);
    const choice = dialog.locator('.relation-excerpt', { hasText: 'the terminal operator controls the scanning schedule' });
    await expect.poll(() => choice.count()).toBe(1);
    await choice.locator('input').check();
    await shot('e12-add-relation');
    await dialog.getByRole('button', { name: 'Add relationship' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.querySelector('.link-chart-canvas') as HTMLElement & { _cyreg: { cy: { edges(s: string): { length: number } } } })._cyreg.cy.edges('.rel').length)).toBe(1);
    await page.waitForTimeout(300);
    await shot('e13-link-chart');

    // The relation edge: its excerpt.
    let at = await edgePoint('.rel');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => evidence.isVisible()).toBe(true);
    expect(await evidence.locator('h3').textContent()).toContain('operates');
    await expect.poll(() => evidence.locator('.evidence-item', { hasText: 'the terminal operator controls' }).count()).toBe(1);
    await shot('e14-edge-evidence');
    // A co-occurrence edge: excerpts and paragraphs.
    await page.keyboard.press('Escape');
    const sandmere = (await entityNamed('Sandmere'))!;
    at = await edgePoint(`[id = "co:${[halvard.id, sandmere.id].sort().join(':')}"]`);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => evidence.locator('.evidence-item').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // Filters hide and show; nothing moves.
    const positions = await nodePositions();
    const allEdges = await visibleEdgeCount();
    await side().getByLabel('Tag', { exact: true }).selectOption('corporate/ownership');
    await expect.poll(() => visibleEdgeCount()).toBeLessThan(allEdges);
    await shot('e15-link-chart-filtered');
    expect(await nodePositions()).toEqual(positions);
    await side().getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => visibleEdgeCount()).toBe(allEdges);
    await side().getByRole('button', { name: 'Person', exact: true }).click();
    await expect.poll(() => visibleEdgeCount()).toBeLessThanOrEqual(allEdges);
    await side().getByRole('button', { name: 'Person', exact: true }).click();
    await side().getByLabel('Event date from').fill('2026');
    await expect.poll(() => visibleEdgeCount()).toBeLessThan(allEdges);
    expect(await nodePositions()).toEqual(positions);
    await side().getByRole('button', { name: 'Clear filters' }).click();

    // The links list reaches every edge by keyboard.
    await side().getByRole('button', { name: 'Links list' }).click();
    const links = side().getByRole('complementary', { name: 'Links' });
    await expect.poll(() => links.locator('.link-item').count()).toBe(allEdges);
    await links.locator('.link-item').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => evidence.isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // Export: SVG and PNG downloads.
    const [svg] = await Promise.all([page.waitForEvent('download'), side().getByRole('button', { name: 'SVG', exact: true }).click()]);
    expect(svg.suggestedFilename()).toBe('link-chart.svg');
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    const [png] = await Promise.all([page.waitForEvent('download'), side().getByRole('button', { name: 'PNG', exact: true }).click()]);
    expect(png.suggestedFilename()).toBe('link-chart.png');
    expect(readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');

    // A node opens its entity page.
    const nodeAt = await page.evaluate((id) => {
      const container = document.querySelector('.link-chart-canvas') as HTMLElement & { _cyreg: { cy: { getElementById(i: string): { renderedPosition(): { x: number; y: number } } } } };
      const p = container._cyreg.cy.getElementById(id).renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, eastTerminal.id);
    await page.mouse.click(nodeAt.x, nodeAt.y);
    await expect.poll(() => side().locator('.side-title').textContent()).toContain('East Terminal');

    // The timeline: the dated excerpts, each opening its passage.
    await page.getByRole('list', { name: 'Entities and analysis views' }).getByRole('button', { name: 'Timeline' }).click();
    const marks = side().locator('.timeline-mark');
    await expect.poll(() => marks.count()).toBe(2);
    await expect.poll(() => side().locator('.timeline-list').textContent()).toContain('would end by June 2026');
    await shot('e16-timeline');
    await side().getByRole('radio', { name: 'One lane per entity' }).click();
    await expect.poll(() => side().locator('.lane-label', { hasText: 'Halvard Maritime Holdings' }).count()).toBe(1);
    await shot('e17-timeline-lanes');
    await side().locator(`.timeline-mark[data-excerpt-id="${made!.id}"]`).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => reader().getByRole('heading', { level: 2 }).textContent()).toContain(SCREENING);

    // Move an alias out into an entity of its own.
    await openEntity('Rasmus Kell');
    await side().getByRole('button', { name: 'Move Kell out into its own entity' }).click();
    await expect.poll(async () => (await entityNamed('Kell'))?.id ?? null).not.toBeNull();
    expect((await entityNamed('Rasmus Kell'))!.aliases).not.toContain('Kell');

    // Closing the pane brings the brief back.
    await side().getByRole('button', { name: 'Close and show the brief' }).click();
    await expect.poll(() => side().count()).toBe(0);

    expect(problems).toEqual([]);
  });
});
