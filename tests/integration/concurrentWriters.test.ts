// Two writers on one workspace at once (#11): two `sourcebook import` processes, or the
// served app taking uploads while the CLI imports. Each waits its turn; nobody sees
// "database is locked"; nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startHttpServer, type RunningServer } from '../../electron/ipc/http';
import { cli, cliAsync } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-concurrent-');
afterAll(() => tmp.cleanup());

/** `count` small text files, each with text of its own, in a new folder. */
function folder(name: string, count: number): string {
  const dir = tmp.path(name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `${name}-${String(i).padStart(3, '0')}.txt`), `${name} note ${i}\n\nObservation ${i} from ${name}: the quay crane ${i * 7 + 3} was inspected on day ${i % 28}.\n`);
  }
  return dir;
}

function countSources(ws: string): number {
  const db = new Database(ws, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

type Report = { imported: unknown[]; skipped: unknown[]; failed: { path: string; error: string }[] };

beforeAll(() => {
  writeFileSync(tmp.path('seed.txt'), 'Seed note\n\nThe workspace exists before the writers start.');
});

describe('two writers on one workspace', () => {
  it('CLI imports at once: all finish, every file is stored', async () => {
    // Whether two imports overlap is up to the scheduler: a few rounds, three at a time,
    // make it certain that some of them do.
    const folders = ['alpha', 'beta', 'delta'].map((name) => folder(name, 300));
    for (let round = 0; round < 3; round++) {
      const ws = tmp.path(`clis-${round}.sqlite`);
      expect(cli(ws, 'import', tmp.path('seed.txt')).code).toBe(0);
      const results = await Promise.all(folders.map((f) => cliAsync(ws, 'import', f, '--json')));
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const report = r.json<Report>();
        expect(report.failed).toEqual([]);
        expect(report.imported).toHaveLength(300);
      }
      expect(cli(ws, 'sources', '--json').json<unknown[]>()).toHaveLength(901);
    }
  });

  it('the served app takes uploads while the CLI imports: both finish, every file is stored', async () => {
    const ws = tmp.path('serve-and-cli.sqlite');
    expect(cli(ws, 'import', tmp.path('seed.txt')).code).toBe(0);
    const renderer = tmp.path('renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Sourcebook</title>');
    const server: RunningServer = await startHttpServer({ workspacePath: ws, rendererDir: renderer, sample: false });
    let uploads = 0;
    try {
      const upload = async (batch: number) => {
        const files = Array.from({ length: 10 }, (_, i) => ({ name: `upload-${batch}-${i}.txt`, data: Buffer.from(`Upload ${batch}.${i}\n\nA note sent from the browser, batch ${batch}, file ${i}.\n`).toString('base64') }));
        const response = await fetch(new URL('/api/sources:import', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': server.token },
          body: JSON.stringify({ files }),
        });
        return (await response.json()) as { ok: boolean; value?: Report; error?: string };
      };
      let finished = false;
      const running = cliAsync(ws, 'import', folder('gamma', 300), '--json').then((r) => ((finished = true), r));
      const replies: { ok: boolean; value?: Report; error?: string }[] = [];
      // Uploads one after another for as long as the CLI runs (and at least 5).
      for (let batch = 0; !finished || batch < 5; batch++) replies.push(await upload(batch));
      const r = await running;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.json<Report>().failed).toEqual([]);
      expect(r.json<Report>().imported).toHaveLength(300);
      uploads = replies.length;
      for (const reply of replies) {
        expect(reply.ok).toBe(true);
        expect(reply.value!.failed).toEqual([]);
        expect(reply.value!.imported).toHaveLength(10);
      }
    } finally {
      await server.close();
    }
    expect(countSources(ws)).toBe(1 + 300 + 10 * uploads);
  });
});
