// Handing work over between machines (issue #11): `sourcebook merge OTHER --json` and
// `sourcebook package BRIEF_ID --out FILE`, on real workspace files through the real
// command line. A colleague's workspace holds the same article imported on their machine
// (same text, another id), a source of their own, an alias of an entity we both have and
// a place we hold as another type; their brief cites excerpts on both sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openWorkspace, workspaceCounts, type Db } from '../../db/workspace';
import { getExcerpt } from '../../db/excerpts';
import { getEntity, listEntities } from '../../db/entities';
import { getBrief } from '../../db/briefs';
import { mentionsOfEntity } from '../../db/mentions';
import { importPaths } from '../../electron/services/importer';
import { createExcerptFromQuote } from '../../electron/services/excerpts';
import { addEntity } from '../../electron/services/entities';
import { createBriefFromMarkdown } from '../../electron/services/briefs';
import { gradeSource } from '../../electron/services/grading';
import { replaceSourceText } from '../../electron/services/versions';
import { checkBrief } from '../../electron/services/export/exportBrief';
import { cli } from '../helpers/cli';
import { openSession } from '../../electron/services/session';
import { createRouter } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-merge-');
afterAll(() => tmp.cleanup());

const MINUTES = 'Harbour board minutes.\n\nThe Kestrava terminal concession was approved on Tuesday by Mira Halden.\n\nObjections from the dockworkers were noted.\n';
const AUDIT = 'Terminal audit.\n\nScanning rates at Kestrava fell after M. Halden signed the handover.\n';
const ours = tmp.path('ours.sourcebook');
const theirs = tmp.path('theirs.sourcebook');
const ids: Record<string, string> = {};

async function importText(db: Db, name: string, text: string): Promise<string> {
  writeFileSync(tmp.path(name), text);
  const id = (await importPaths(db, [tmp.path(name)])).imported[0].id;
  gradeSource(db, id, 'B');
  return id;
}

const statuses = (db: Db, briefId: string) => checkBrief(db, briefId).map((c) => c.status);
const integrity = (db: Db) => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join();

beforeAll(async () => {
  const a = openWorkspace(ours);
  ids.oursMinutes = await importText(a, 'minutes-a.txt', MINUTES);
  ids.halden = addEntity(a, 'Mira Halden', 'person', ['Halden']).id;
  ids.kestravaOrg = addEntity(a, 'Kestrava', 'organization').id;
  ids.oursExcerpt = createExcerptFromQuote(a, ids.oursMinutes, 'Objections from the dockworkers were noted', undefined, { credibility: 2 }).id;
  a.close();

  const b = openWorkspace(theirs);
  ids.theirMinutes = await importText(b, 'minutes-b.txt', MINUTES);
  ids.audit = await importText(b, 'audit.txt', AUDIT);
  ids.theirHalden = addEntity(b, 'Halden', 'person', ['M. Halden']).id;
  ids.kestravaPlace = addEntity(b, 'Kestrava', 'location').id;
  ids.vote = createExcerptFromQuote(b, ids.theirMinutes, 'concession was approved on Tuesday by Mira Halden', undefined, { credibility: 2, tags: ['vote'], entities: [{ name: 'Halden', type: 'person' }] }).id;
  ids.rates = createExcerptFromQuote(b, ids.audit, 'Scanning rates at Kestrava fell', undefined, { credibility: 3, entities: [{ name: 'Kestrava', type: 'location' }] }).id;
  ids.theirBrief = createBriefFromMarkdown(b, 'Handover brief', `The vote [[cite:${ids.vote}]] and the rates [[cite:${ids.rates}]].`).id;
  b.close();
});

describe('sourcebook merge', () => {
  it('brings a colleague’s workspace in: the same article is one source, a shared name one entity, a clash queued for review', () => {
    const r = cli(ours, 'merge', theirs, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = r.json<Record<string, unknown>>();
    expect(report).toEqual({
      sources: { added: 1, matched: 1 },
      excerpts: { added: 2, matched: 0 },
      entities: { added: 0, matched: 1, review: 1 },
      briefs: { added: 1 },
      backup: expect.stringContaining('ours backups'),
    });
    const db = openWorkspace(ours);
    try {
      // Their excerpt on the same article joined our source; their brief's citations are all alive.
      expect(getExcerpt(db, ids.vote)?.sourceId).toBe(ids.oursMinutes);
      expect(getExcerpt(db, ids.vote)?.tags).toEqual(['vote']);
      expect(getExcerpt(db, ids.vote)?.entities.map((e) => e.id)).toEqual([ids.halden]);
      expect(getBrief(db, ids.theirBrief)?.title).toBe('Handover brief');
      expect(statuses(db, ids.theirBrief)).toEqual(['ok', 'ok']);
      // Their alias joined our entity, and is looked for across the corpus.
      expect(getEntity(db, ids.halden)?.aliases.sort()).toEqual(['Halden', 'M. Halden']);
      expect(mentionsOfEntity(db, ids.halden).map((m) => m.text)).toContain('M. Halden');
      // Kestrava the place was not merged with Kestrava the organization by guess.
      expect(listEntities(db).filter((e) => e.name === 'Kestrava').map((e) => e.type)).toEqual(['organization']);
      expect(getEntity(db, ids.kestravaPlace)).toBeNull();
      expect(integrity(db)).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('changes nothing when the same file is merged again', () => {
    const before = (() => {
      const db = openWorkspace(ours, { readonly: true });
      try {
        return workspaceCounts(db);
      } finally {
        db.close();
      }
    })();
    const r = cli(ours, 'merge', theirs, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ sources: { added: 0, matched: 2 }, excerpts: { added: 0, matched: 2 }, entities: { added: 0, matched: 1 }, briefs: { added: 0 } });
    const db = openWorkspace(ours, { readonly: true });
    expect(workspaceCounts(db)).toEqual(before);
    db.close();
  });

  it('refuses a file that is not a workspace, and the workspace itself, saying so', () => {
    writeFileSync(tmp.path('notes.txt'), 'not a workspace');
    const r = cli(ours, 'merge', tmp.path('notes.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a Sourcebook workspace/);
    expect(cli(ours, 'merge', ours).stderr).toMatch(/cannot be merged into itself/);
  });
});

describe('sourcebook entity reviews', () => {
  it('lists the entity a merge would not place by guess, and merges it where the analyst says', () => {
    const queued = cli(ours, 'entity', 'reviews', '--json').json<{ id: string; name: string; type: string; candidates: string[]; excerpts: number }[]>();
    expect(queued).toEqual([{ id: ids.kestravaPlace, name: 'Kestrava', type: 'location', aliases: [], candidates: [ids.kestravaOrg], excerpts: 1, cameFrom: theirs }]);
    expect(cli(ours, 'entity', 'review', ids.kestravaPlace).code).toBe(2); // no decision given
    const r = cli(ours, 'entity', 'review', ids.kestravaPlace, '--as', 'Kestrava (city)', '--json');
    expect(r.stderr).toBe('');
    const { entity } = r.json<{ entity: { id: string; name: string } }>();
    expect(entity.name).toBe('Kestrava (city)');
    const db = openWorkspace(ours);
    // Their excerpt about the place is tagged with the new entity.
    expect(getExcerpt(db, ids.rates)?.entities.map((e) => e.name)).toContain('Kestrava (city)');
    db.close();
    expect(cli(ours, 'entity', 'reviews', '--json').json()).toEqual([]);
  });
});

describe('sourcebook package', () => {
  const pkg = tmp.path('handover-evidence.sourcebook');

  it('writes the brief with exactly what it needs, which opens with every citation ok', () => {
    const r = cli(ours, 'package', ids.theirBrief, '--out', pkg, '--json');
    expect(r.stderr).toBe('');
    expect(r.json()).toMatchObject({ path: pkg, sources: { added: 2 }, excerpts: { added: 2 }, briefs: { added: 1 } });
    const db = openWorkspace(pkg);
    try {
      // Mira Halden, and Kestrava the place (kept as a new entity in the review above).
      expect(workspaceCounts(db)).toEqual({ sources: 2, excerpts: 2, entities: 2, briefs: 1 });
      expect(getExcerpt(db, ids.oursExcerpt)).toBeNull(); // not cited: not packaged
      expect(statuses(db, ids.theirBrief)).toEqual(['ok', 'ok']);
      expect(integrity(db)).toBe('ok');
    } finally {
      db.close();
    }
    expect(cli(ours, 'package', ids.theirBrief, '--out', pkg).stderr).toMatch(/already exists/);
  });

  it('merges into an empty workspace on another machine with every citation ok', () => {
    const fresh = tmp.path('elsewhere.sourcebook');
    openWorkspace(fresh).close();
    expect(cli(fresh, 'merge', pkg, '--json').json()).toMatchObject({ sources: { added: 2 }, excerpts: { added: 2 }, briefs: { added: 1 } });
    const db = openWorkspace(fresh);
    expect(statuses(db, ids.theirBrief)).toEqual(['ok', 'ok']);
    db.close();
  });

  it('re-anchors an excerpt made on another copy of a source’s text on the text here', async () => {
    // The package travels, its copy of the minutes is revised there and a new passage kept.
    const travelled = tmp.path('travelled.sourcebook');
    expect(cli(ours, 'package', ids.theirBrief, '--out', travelled).code).toBe(0);
    const away = openWorkspace(travelled);
    const revised = `Revised by the secretary.\n\n${MINUTES}`;
    await replaceSourceText(away, ids.oursMinutes, { path: 'm.txt', name: 'm.txt', size: revised.length, read: () => Buffer.from(revised) });
    const made = createExcerptFromQuote(away, ids.oursMinutes, 'The Kestrava terminal concession', undefined, {}).id;
    away.close();

    expect(cli(ours, 'merge', travelled, '--json').json()).toMatchObject({ excerpts: { added: 1 } });
    const db = openWorkspace(ours);
    const x = getExcerpt(db, made)!;
    const text = (db.prepare(`SELECT text FROM source_versions WHERE source_id = ? AND version = ?`).pluck().get(ids.oursMinutes, x.version) as string);
    expect(x.sourceId).toBe(ids.oursMinutes);
    expect(text.slice(x.start, x.end)).toBe('The Kestrava terminal concession');
    expect(x.state).not.toBe('orphaned');
    db.close();
  });
});

describe('the app\'s Export Evidence Package and Merge Workspace (export:package, workspace:merge)', () => {
  it('hands the package over as bytes, which merge into another workspace with every citation ok', async () => {
    const from = await openSession(ours, { printer: chromiumPrinter(), sample: false });
    const pkg = await createRouter(from, () => {})('export:package', { briefId: ids.theirBrief });
    await from.close();
    expect(pkg).toMatchObject({ ok: true, value: { fileName: 'handover-brief-evidence.sourcebook' } });
    const data = (pkg as { value: { packageBase64: string } }).value.packageBase64;

    const to = await openSession(tmp.path('colleague.sourcebook'), { printer: chromiumPrinter(), sample: false });
    const route = createRouter(to, () => {});
    try {
      const merged = await route('workspace:merge', { file: { name: 'handover-brief-evidence.sourcebook', data } });
      expect(merged).toMatchObject({ ok: true, value: { sources: { added: 2 }, excerpts: { added: 2 }, briefs: { added: 1 }, backup: expect.any(String) } });
      expect((await route('briefs:check', { id: ids.theirBrief })) as unknown).toMatchObject({ ok: true, value: [{ status: 'ok' }, { status: 'ok' }] });
      const junk = await route('workspace:merge', { file: { name: 'notes.sourcebook', data: Buffer.from('not a workspace').toString('base64') } });
      expect(junk).toEqual({ ok: false, error: expect.stringMatching(/^notes\.sourcebook is not a Sourcebook workspace/) });
    } finally {
      await to.close();
    }
  });
});
