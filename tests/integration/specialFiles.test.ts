// Only regular files are read (issue #11's probe): a named pipe used to hang the import,
// /dev/zero was read without bound (4.9 GB in 33 s), and a folder import silently left
// out symbolic links, pipes and hidden files. Each is now reported as skipped, with why,
// and the rest of the import goes on. Real files, pipes and links, the real command line.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-special-');
afterAll(() => tmp.cleanup());

type Report = { imported: { path: string }[]; skipped: { path: string; reason: string }[]; failed: { path: string; error: string }[] };

describe('import reads regular files only', () => {
  it('skips a named pipe and a device named on the command line, without waiting or reading them', () => {
    const fifo = tmp.path('pipe.txt');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(tmp.path('note.txt'), 'A note on the Kestrava terminal.\n');
    const started = Date.now();
    const r = cli(tmp.path('ws1.sourcebook'), 'import', fifo, '/dev/zero', tmp.path('note.txt'), '--json');
    expect(Date.now() - started).toBeLessThan(60_000);
    const report = r.json<Report>();
    expect(report.imported.map((i) => i.path)).toEqual([tmp.path('note.txt')]);
    expect(report.skipped).toEqual([
      { path: fifo, reason: 'not a regular file (a named pipe)' },
      { path: '/dev/zero', reason: 'not a regular file (a device)' },
    ]);
  });

  it('reports, inside a folder, links, pipes and hidden entries instead of leaving them out silently', () => {
    const folder = tmp.path('reports');
    mkdirSync(join(folder, '.git'), { recursive: true });
    writeFileSync(join(folder, '.git', 'notes.txt'), 'internal');
    writeFileSync(join(folder, '.draft.txt'), 'a hidden draft');
    writeFileSync(join(folder, 'minutes.txt'), 'Harbour board minutes.\n');
    symlinkSync(tmp.path('note.txt'), join(folder, 'linked.txt'));
    symlinkSync(folder, join(folder, 'loop'));
    execFileSync('mkfifo', [join(folder, 'pipe.md')]);
    const report = cli(tmp.path('ws2.sourcebook'), 'import', folder, '--json').json<Report>();
    expect(report.imported.map((i) => i.path)).toEqual([join(folder, 'minutes.txt')]);
    expect(report.skipped.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: join(folder, '.draft.txt'), reason: 'hidden file: not imported' },
      { path: join(folder, '.git'), reason: 'hidden folder: not imported' },
      { path: join(folder, 'linked.txt'), reason: 'a symbolic link: not followed' },
      { path: join(folder, 'loop'), reason: 'a symbolic link: not followed' },
      { path: join(folder, 'pipe.md'), reason: 'not a regular file (a named pipe)' },
    ]);
    expect(report.failed).toEqual([]);
  });

  it('refuses a special file as the new text of a source', () => {
    const ws = tmp.path('ws3.sourcebook');
    writeFileSync(tmp.path('first.txt'), 'The first text.\n');
    const id = cli(ws, 'import', tmp.path('first.txt'), '--json').json<Report & { imported: { id: string }[] }>().imported[0].id;
    const r = cli(ws, 'source', 'replace', id, '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a regular file/);
  });
});

describe('long quotes', () => {
  it('saves an excerpt of a 30,000+ character passage given with --quote-file', () => {
    const ws = tmp.path('ws4.sourcebook');
    const paragraph = 'The harbour board met on Tuesday and the Kestrava concession’s terms were read aloud in full. ';
    writeFileSync(tmp.path('long.txt'), `Minutes.\n\n${paragraph.repeat(600)}\n`);
    const id = cli(ws, 'import', tmp.path('long.txt'), '--json').json<{ imported: { id: string }[] }>().imported[0].id;
    const quote = paragraph.repeat(400).trim();
    expect(quote.length).toBeGreaterThan(30_000);
    writeFileSync(tmp.path('quote.txt'), quote);
    const r = cli(ws, 'excerpt', 'add', '--source', id, '--quote-file', tmp.path('quote.txt'), '--json');
    expect(r.stderr).toBe('');
    expect(r.json<{ start: number; end: number }>()).toMatchObject({ start: 10, end: 10 + quote.length });
    expect(cli(ws, 'excerpt', 'add', '--source', id, '--quote', 'x', '--quote-file', tmp.path('quote.txt')).code).toBe(2);
  });
});
