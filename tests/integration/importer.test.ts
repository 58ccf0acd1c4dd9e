// The importer against files that misbehave on disk: each file is its own transaction,
// so one that fails leaves nothing behind and never stops the others.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { openWorkspace, type Db } from '../../db/workspace';
import { listSources } from '../../db/sources';
import { importAll, inputsFromPaths, type ImportInput } from '../../electron/services/importer';
import { tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openWorkspace(tmp.path('ws.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const files = (paths: string[]) => [...inputsFromPaths(paths)].filter((i): i is ImportInput => 'read' in i);

describe('importer', () => {
  it('imports a changed copy of a source, saying it may be a new version of it (same address, or same file name and title)', async () => {
    const page = (day: string) =>
      `<html><head><title>Quay report</title><link rel="canonical" href="https://news.example/quay-report"></head><body><article><p>The harbour board approved the concession on ${day}, after a long debate about the cranes and the screening of containers at the East Terminal.</p></article></body></html>`;
    writeFileSync(tmp.path('quay.html'), page('Tuesday'));
    const first = await importAll(db, files([tmp.path('quay.html')]));
    expect(first.imported[0].warnings).toBeUndefined();
    writeFileSync(tmp.path('quay-corrected.html'), page('Wednesday'));
    const second = await importAll(db, files([tmp.path('quay-corrected.html')]));
    expect(second.imported).toHaveLength(1);
    expect(second.imported[0].warnings).toEqual([expect.stringMatching(new RegExp(`^same web address as “Quay report” \\(${first.imported[0].id}\\).*new version.*Replace text`))]);
    expect(second.imported[0].versionOf).toEqual({ id: first.imported[0].id, title: 'Quay report' });

    mkdirSync(tmp.path('saved-again'));
    writeFileSync(tmp.path('notes.txt'), 'Field notes\n\nThe crane arrived on Monday.');
    writeFileSync(tmp.path('saved-again/notes.txt'), 'Field notes\n\nThe crane arrived on Monday morning.');
    writeFileSync(tmp.path('saved-again/other.txt'), 'Field notes\n\nThe crane left on Friday.');
    const notes = await importAll(db, files([tmp.path('notes.txt'), tmp.path('saved-again')]));
    const byPath = Object.fromEntries(notes.imported.map((i) => [i.path, i]));
    expect(byPath[tmp.path('notes.txt')].warnings).toBeUndefined();
    expect(byPath[tmp.path('saved-again/notes.txt')].warnings).toEqual([expect.stringMatching(/^same file name and title as “Field notes”/)]);
    // Same title, another file name: not taken for a version.
    expect(byPath[tmp.path('saved-again/other.txt')].warnings).toBeUndefined();
    expect(listSources(db)).toHaveLength(5);
  });

  it('reports a file that vanishes between listing and reading, and imports the rest', async () => {
    writeFileSync(tmp.path('a.txt'), 'First note\n\nThe crane arrived.');
    writeFileSync(tmp.path('gone.txt'), 'Second note\n\nThe crane left.');
    writeFileSync(tmp.path('c.txt'), 'Third note\n\nThe crane broke.');
    const inputs = files([tmp.path('a.txt'), tmp.path('gone.txt'), tmp.path('c.txt')]);
    rmSync(tmp.path('gone.txt'));
    const report = await importAll(db, inputs);
    expect(report.imported.map((i) => i.title)).toEqual(['First note', 'Third note']);
    expect(report.failed).toEqual([{ path: tmp.path('gone.txt'), error: 'cannot read the file: the file no longer exists' }]);
    expect(listSources(db)).toHaveLength(2);
  });

  it('refuses a 200 MB file by its size, before reading it', async () => {
    const path = tmp.path('huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const report = await importAll(db, files([path]));
    expect(report.skipped).toEqual([{ path, reason: 'file is 200.0 MB; Sourcebook imports files up to 32.0 MB' }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(listSources(db)).toEqual([]);
  });

  it('imports a folder recursively, skipping hidden entries and unsupported files', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(tmp.path('box/sub'), { recursive: true });
    mkdirSync(tmp.path('box/.git'));
    writeFileSync(tmp.path('box/one.md'), '# One\n\nAlpha.');
    writeFileSync(tmp.path('box/sub/two.txt'), 'Two\n\nBeta.');
    writeFileSync(tmp.path('box/.git/config.txt'), 'Hidden\n\nGamma.');
    writeFileSync(tmp.path('box/photo.jpg'), 'not imported');
    const report = await importAll(db, files([tmp.path('box')]));
    expect(report.imported.map((i) => i.title).sort()).toEqual(['One', 'Two']);
  });
});
