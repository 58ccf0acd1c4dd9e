// Nothing deleted by accident (issue #11): every delete of a source, excerpt, brief or
// entity moves it to the Trash with everything that hung on it, and restoring puts it
// all back — ids, versions with their original bytes, tags, entity links, mentions,
// relations, history, search — so citations come back to life. Real workspace files,
// the real command line for the CLI's shapes.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openWorkspace, type Db } from '../../db/workspace';
import { getSource, listVersions } from '../../db/sources';
import { getEntity } from '../../db/entities';
import { mentionsOfEntity } from '../../db/mentions';
import { listRelations } from '../../db/relations';
import { search } from '../../db/search';
import { listSnapshots, snapshotNow } from '../../electron/services/briefHistory';
import { importPaths } from '../../electron/services/importer';
import { createExcerptFromQuote, removeExcerpt, requireExcerpt } from '../../electron/services/excerpts';
import { addEntity, removeEntity } from '../../electron/services/entities';
import { addRelationWithEvidence } from '../../electron/services/relations';
import { createBriefFromMarkdown, removeBrief, requireBrief } from '../../electron/services/briefs';
import { removeSource } from '../../electron/services/sources';
import { checkBrief } from '../../electron/services/export/exportBrief';
import { replaceSourceText } from '../../electron/services/versions';
import { deleteForever, listTrash, purgeOldTrash, restoreFromTrash } from '../../electron/services/trash';
import { listBackups } from '../../electron/services/backup';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-trash-');
afterAll(() => tmp.cleanup());

const MINUTES = 'Harbour board minutes.\n\nThe Kestrava terminal concession was approved on Tuesday by Mira Halden.\n\nObjections from the dockworkers were noted.\n';
let n = 0;
let db: Db;
let path: string;

/** A fresh workspace with one imported source, an excerpt tagged with an entity, a relation and a brief citing the excerpt. */
async function workspace() {
  path = tmp.path(`ws${++n}.sourcebook`);
  writeFileSync(tmp.path(`minutes${n}.txt`), MINUTES);
  db = openWorkspace(path);
  const report = await importPaths(db, [tmp.path(`minutes${n}.txt`)]);
  const sourceId = report.imported[0].id;
  const halden = addEntity(db, 'Mira Halden', 'person', ['Halden']);
  const kestrava = addEntity(db, 'Kestrava', 'location');
  const excerpt = createExcerptFromQuote(db, sourceId, 'concession was approved on Tuesday by Mira Halden', undefined, { tags: ['Concessions'], entities: [{ name: 'Mira Halden', type: 'person' }], note: 'key vote' });
  const relation = addRelationWithEvidence(db, { fromId: halden.id, toId: kestrava.id, label: 'approved', evidence: [excerpt.id] });
  const brief = createBriefFromMarkdown(db, 'Port brief', `The vote [[cite:${excerpt.id}]].`);
  return { sourceId, halden, kestrava, excerpt, relation, brief };
}

const integrity = () => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join();

beforeEach(() => {
  if (db?.open) db.close();
});

describe('the Trash', () => {
  it('keeps a deleted excerpt whole: its citation shows deleted, then comes back to life with its tags and entities', async () => {
    const { excerpt, brief } = await workspace();
    expect(removeExcerpt(db, excerpt.id)).toBe(true);
    expect(checkBrief(db, brief.id).map((c) => c.status)).toEqual(['deleted']);
    expect(listTrash(db)).toEqual([{ kind: 'excerpt', id: excerpt.id, title: excerpt.quote, deletedAt: expect.any(String) }]);
    expect(restoreFromTrash(db, excerpt.id)).toMatchObject({ kind: 'excerpt', id: excerpt.id });
    const back = requireExcerpt(db, excerpt.id);
    expect(back).toMatchObject({ quote: excerpt.quote, note: 'key vote', tags: excerpt.tags, start: excerpt.start });
    expect(excerpt.tags).toHaveLength(1);
    expect(back.entities.map((e) => e.name)).toEqual(['Mira Halden']);
    expect(checkBrief(db, brief.id).map((c) => c.status)).not.toContain('deleted');
    expect(search(db, 'key vote').some((h) => h.kind === 'excerpt')).toBe(true);
    expect(listTrash(db)).toEqual([]);
    expect(integrity()).toBe('ok');
  });

  it('keeps a deleted source with its versions, original bytes, excerpts, mentions and search entry', async () => {
    const { sourceId, excerpt, halden, brief } = await workspace();
    const versionsBefore = listVersions(db, sourceId);
    const textBefore = getSource(db, sourceId)!.text;
    const mentionsBefore = mentionsOfEntity(db, halden.id).length;
    expect(mentionsBefore).toBeGreaterThan(0);
    expect(removeSource(db, sourceId)).toBe(true);
    expect(getSource(db, sourceId)).toBeNull();
    expect(mentionsOfEntity(db, halden.id)).toEqual([]);
    expect(search(db, 'dockworkers')).toEqual([]);
    expect(checkBrief(db, brief.id).map((c) => c.status)).toEqual(['deleted']);

    restoreFromTrash(db, sourceId);
    expect(getSource(db, sourceId)?.text).toBe(textBefore);
    expect(listVersions(db, sourceId)).toEqual(versionsBefore);
    expect(requireExcerpt(db, excerpt.id).tags).toEqual(excerpt.tags);
    expect(mentionsOfEntity(db, halden.id).length).toBe(mentionsBefore);
    expect(search(db, 'dockworkers').map((h) => h.id)).toContain(sourceId);
    expect(checkBrief(db, brief.id).map((c) => c.status)).not.toContain('deleted');
    expect(integrity()).toBe('ok');
  });

  it('finds names added while a source was in the Trash once it is back', async () => {
    const { sourceId } = await workspace();
    removeSource(db, sourceId);
    const board = addEntity(db, 'Harbour board', 'organization');
    restoreFromTrash(db, sourceId);
    expect(mentionsOfEntity(db, board.id).map((m) => m.sourceId)).toEqual([sourceId]);
  });

  it('keeps a deleted entity with its aliases, excerpt links, mentions and relations', async () => {
    const { halden, excerpt, relation } = await workspace();
    const mentions = mentionsOfEntity(db, halden.id).length;
    expect(removeEntity(db, halden.id)).toBe(true);
    expect(getEntity(db, halden.id)).toBeNull();
    expect(requireExcerpt(db, excerpt.id).entities).toEqual([]);
    expect(listRelations(db)).toEqual([]);

    restoreFromTrash(db, halden.id);
    expect(getEntity(db, halden.id)).toMatchObject({ name: 'Mira Halden', aliases: ['Halden'] });
    expect(requireExcerpt(db, excerpt.id).entities.map((e) => e.id)).toEqual([halden.id]);
    expect(mentionsOfEntity(db, halden.id).length).toBe(mentions);
    expect(listRelations(db).map((r) => r.id)).toEqual([relation]);
    expect(integrity()).toBe('ok');
  });

  it('keeps a deleted brief with its history', async () => {
    const { brief } = await workspace();
    snapshotNow(db, brief.id);
    const history = listSnapshots(db, brief.id);
    removeBrief(db, brief.id);
    expect(search(db, 'Port brief')).toEqual([]);
    restoreFromTrash(db, brief.id);
    expect(requireBrief(db, brief.id).title).toBe('Port brief');
    expect(listSnapshots(db, brief.id)).toEqual(history);
    expect(search(db, 'Port brief').map((h) => h.id)).toContain(brief.id);
  });

  it('says what to restore first when an excerpt’s source is in the Trash too, and refuses a name taken meanwhile', async () => {
    const { sourceId, excerpt, kestrava } = await workspace();
    removeExcerpt(db, excerpt.id);
    removeSource(db, sourceId);
    expect(() => restoreFromTrash(db, excerpt.id)).toThrow(new RegExp(`belongs to source ${sourceId}.*restore that first`));
    expect(listTrash(db).map((t) => t.id).sort()).toEqual([excerpt.id, sourceId].sort());
    restoreFromTrash(db, sourceId);
    restoreFromTrash(db, excerpt.id);
    expect(requireExcerpt(db, excerpt.id).sourceId).toBe(sourceId);

    removeEntity(db, kestrava.id);
    addEntity(db, 'Kestrava', 'location');
    expect(() => restoreFromTrash(db, kestrava.id)).toThrow(/Cannot restore/);
    expect(listTrash(db).map((t) => t.id)).toEqual([kestrava.id]);
    expect(integrity()).toBe('ok');
  });

  it('re-anchors a restored excerpt on the text its source has now', async () => {
    const { sourceId, excerpt } = await workspace();
    removeExcerpt(db, excerpt.id);
    const edited = `Preface added later.\n\n${MINUTES}`;
    await replaceSourceText(db, sourceId, { path: 'minutes.txt', name: 'minutes.txt', size: edited.length, read: () => Buffer.from(edited) });
    expect(getSource(db, sourceId)!.version).toBe(2);
    restoreFromTrash(db, excerpt.id);
    const back = requireExcerpt(db, excerpt.id);
    expect(back.version).toBe(2);
    expect(edited.slice(back.start, back.end)).toBe(excerpt.quote);
    expect(back.state).toBe('moved');
  });

  it('purges what has been in the Trash longer than 30 days, and deletes one item for good', async () => {
    const { excerpt, brief } = await workspace();
    removeExcerpt(db, excerpt.id);
    removeBrief(db, brief.id);
    expect(purgeOldTrash(db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(deleteForever(db, brief.id)).toEqual({ deleted: true });
    expect(() => restoreFromTrash(db, brief.id)).toThrow(/Nothing with id .* is in the Trash/);
    expect(purgeOldTrash(db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(listTrash(db)).toEqual([]);
  });
});

describe('sourcebook trash', () => {
  it('lists, restores and empties through the command line with the documented shapes', async () => {
    const { excerpt, brief } = await workspace();
    db.close();
    expect(cli(path, 'excerpt', 'delete', excerpt.id, '--json').json()).toEqual({ id: excerpt.id, deleted: true });
    expect(cli(path, 'check', brief.id, '--json').json<{ citations: { status: string }[] }>().citations.map((c) => c.status)).toEqual(['deleted']);
    const listed = cli(path, 'trash', '--json');
    expect(listed.code).toBe(0);
    expect(listed.json()).toEqual([{ kind: 'excerpt', id: excerpt.id, title: excerpt.quote, deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);

    const restored = cli(path, 'trash', 'restore', excerpt.id);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored excerpt/);
    expect(cli(path, 'check', brief.id, '--json').json<{ citations: { status: string }[] }>().citations.map((c) => c.status)).not.toContain('deleted');
    expect(cli(path, 'trash', 'restore', excerpt.id).stderr).toMatch(/Nothing with id .* is in the Trash/);

    cli(path, 'excerpt', 'delete', excerpt.id);
    const emptied = cli(path, 'trash', 'empty', '--json');
    expect(emptied.json()).toEqual({ deleted: 1 });
    expect(cli(path, 'trash', '--json').json()).toEqual([]);
    // A bulk delete is backed up first: the excerpt is still in that backup.
    const [backup] = listBackups(path);
    expect(backup).toMatchObject({ verified: true, reason: 'before emptying the Trash' });
    const copy = openWorkspace(backup.path, { readonly: true });
    expect(copy.prepare('SELECT id FROM trash').pluck().all()).toEqual([excerpt.id]);
    copy.close();
  });
});
