// npm run bench:backup — backing up and verifying a workspace of 2,000 sources (issue
// #11's figure): a generated corpus imported into a fresh workspace file, then, in the
// same run, best of BENCH_ROUNDS:
//   backup: `backupNow` — SQLite's online backup API into the backups folder, the copy
//     made self-contained, then verified (opened read-only, integrity_check including the
//     FTS5 indexes, counts) and recorded;
//   verify alone: `verifyBackup` on that copy;
//   floor: a plain copy of the checkpointed workspace file (`copyFileSync`), what a person
//     would do by hand, with no check at all.
// Figures, not a test: the machine is shared and noisy.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../db/workspace';
import { verifyBackup } from '../../db/backup';
import { importAll, type ImportInput } from '../../electron/services/importer';
import { backupNow } from '../../electron/services/backup';
import { sharedParsePool } from '../../electron/services/import/parsePool';
import { article, asText, prng } from './corpus';

const N = Number(process.env.BENCH_SOURCES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const rand = prng(20261204);
const inputs: ImportInput[] = Array.from({ length: N }, (_, i) => {
  const bytes = Buffer.from(asText(article(rand, i, 600 + Math.floor(rand() * 300))));
  return { path: `a-${i}.txt`, name: `a-${i}.txt`, size: bytes.length, read: () => bytes };
});

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-bench-backup-'));
const path = join(dir, 'bench.sourcebook');
const db = openWorkspace(path);
await importAll(db, inputs);
db.pragma('wal_checkpoint(TRUNCATE)');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function best(fn: () => unknown | Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

let last = '';
const backup = await best(async () => {
  last = (await backupNow(db, path, { reason: 'automatic' })).path;
});
const verify = await best(() => {
  if (!verifyBackup(last).verified) throw new Error('the backup did not verify');
});
let n = 0;
const floor = await best(() => copyFileSync(path, join(dir, `copy-${n++}.sourcebook`)));

console.log(`workspace: ${N} sources, ${mb(statSync(path).size)}; best of ${ROUNDS}`);
console.log(`backup (online backup API + verify + record): ${backup.toFixed(0)} ms`);
console.log(`verify alone (integrity_check with FTS5, counts): ${verify.toFixed(0)} ms`);
console.log(`floor, a plain file copy with no check: ${floor.toFixed(0)} ms — backup is ${(backup / floor).toFixed(1)}× the floor`);
db.close();
await sharedParsePool()?.close();
rmSync(dir, { recursive: true, force: true });
