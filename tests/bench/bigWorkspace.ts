// Workspaces of 10,000 and 50,000 generated articles for the scale benchmarks, imported
// through the app's own importer (parsed, hashed, stored and indexed as a person's import
// is). Building 50,000 takes about a minute, so a built workspace is kept in the temporary
// folder, named by its size, the schema version and a digest of its files, and reused until BENCH_FRESH=1.
// The plain texts themselves are returned too: the floors are built from the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace, removeWorkspaceFiles } from '../../db/workspace';
import { removeSessionMarks } from '../../db/sessionMarks';
import { latestVersion } from '../../db/migrations';
import { importAll, type ImportInput } from '../../electron/services/importer';
import { sharedParsePool } from '../../electron/services/import/parsePool';
import { article, asText, prng } from './corpus';

export interface GeneratedFile {
  name: string;
  bytes: Buffer;
}

/** N articles of 600–900 words, the same on every machine. */
export function generatedArticles(n: number, seed = 20261205): GeneratedFile[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => ({ name: `article-${i}.txt`, bytes: Buffer.from(asText(article(rand, i, 600 + Math.floor(rand() * 300)))) }));
}

export const benchDir = (): string => {
  const dir = join(tmpdir(), 'sourcebook-bench-cache');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** The path of a workspace holding `files`, imported through the importer (cached, see above). */
export async function bigWorkspace(label: string, files: GeneratedFile[]): Promise<{ path: string; importSeconds: number | null }> {
  // Named by what it holds too: a generator that changes must not measure a stale corpus.
  const digest = createHash('sha1');
  for (const f of files) digest.update(f.name).update(f.bytes);
  const path = join(benchDir(), `${label}-${files.length}-schema${latestVersion}-${digest.digest('hex').slice(0, 10)}.sourcebook`);
  if (existsSync(path) && process.env.BENCH_FRESH !== '1') return { path, importSeconds: null };
  const partial = `${path}.building`;
  removeWorkspaceFiles(partial);
  const db = openWorkspace(partial);
  const inputs: ImportInput[] = files.map((f) => ({ path: f.name, name: f.name, size: f.bytes.length, read: () => f.bytes }));
  const t0 = performance.now();
  const report = await importAll(db, inputs, { exclusive: true });
  const importSeconds = (performance.now() - t0) / 1000;
  db.close();
  await sharedParsePool()?.close();
  if (report.imported.length !== files.length) throw new Error(`imported ${report.imported.length} of ${files.length}: ${JSON.stringify(report.failed.slice(0, 3))}`);
  removeWorkspaceFiles(path);
  renameSync(partial, path);
  removeSessionMarks(partial);
  // Opened and closed once under its own name, so it carries a clean close like any workspace in use.
  openWorkspace(path).close();
  return { path, importSeconds };
}
