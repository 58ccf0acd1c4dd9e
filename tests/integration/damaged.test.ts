// A damaged workspace (issue #11): the damaged file is never written to; the command line
// exits non-zero, names the newest verified backup and prints the restore command, and
// restoring it moves the damaged file aside whole as "<name>.damaged-<UTC time>".
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openWorkspace, workspaceCounts } from '../../db/workspace';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-damaged-');
afterAll(() => tmp.cleanup());

describe('a damaged workspace', () => {
  it('is refused untouched, with the newest verified backup and the command that restores it', () => {
    const ws = tmp.path('Port inquiry.sourcebook');
    for (let i = 0; i < 40; i++) writeFileSync(tmp.path(`n${i}.txt`), `Note ${i} on the Kestrava terminal.\n\n${'Scanning rates fell. '.repeat(300)}\n`);
    expect(cli(ws, 'import', ...Array.from({ length: 40 }, (_, i) => tmp.path(`n${i}.txt`))).code).toBe(0);
    const backup = cli(ws, 'backup', '--json').json<{ path: string; verified: boolean }>();
    expect(backup.verified).toBe(true);
    const db = openWorkspace(ws);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    // Keep SQLite's header, scribble over the pages that hold the tables.
    const bytes = readFileSync(ws);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(ws, bytes);

    const human = cli(ws, 'sources');
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/is damaged/);
    expect(human.stderr).toContain(`The newest verified backup is ${backup.path}`);
    expect(human.stderr).toContain(`restore "${backup.path}"`);
    const json = cli(ws, 'sources', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'damaged', message: expect.stringContaining(backup.path) } });
    expect(readFileSync(ws).equals(bytes)).toBe(true);

    const restored = cli(ws, 'restore', backup.path, '--json');
    expect(restored.stderr).toBe('');
    const { previous } = restored.json<{ restored: string; previous: string }>();
    expect(previous).toMatch(/Port inquiry\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sourcebook$/);
    expect(readFileSync(previous).equals(bytes)).toBe(true);
    expect(existsSync(ws)).toBe(true);
    const back = openWorkspace(ws, { readonly: true });
    expect(workspaceCounts(back).sources).toBe(40);
    back.close();
  });
});
