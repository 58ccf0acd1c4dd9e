import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inAsyncTransaction, workspaceCounts, type Db } from '../../db/workspace';
import type { EntityType, Reliability } from '../../db/domain';
import { updateSourceMeta } from '../../db/sources';
import { getSetting, setSetting } from '../../db/settings';
import { resourcesDir } from './resources';
import { importOne } from './importer';
import { createExcerptFromQuote } from './excerpts';
import { createBriefFromMarkdown } from './briefs';

// The sample workspace a first run shows, so the app is never an empty box. Its content
// is written by the team in resources/sample/ and imported through the same pipeline as
// a user's files, so it also proves that pipeline on every first start.

interface Manifest {
  sources: { file: string; reliability?: Reliability }[];
  excerpts: { source: string; quote: string; tags?: string[]; entities?: { name: string; type: EntityType }[]; note?: string; credibility?: number }[];
  brief: { title: string; file: string };
}

const OFFERED = 'sample.offered';

/**
 * True on a workspace's first run only: it holds nothing and the sample was never added
 * (a user who deleted the sample does not get it back).
 */
export function wantsSample(db: Db): boolean {
  if (getSetting(db, OFFERED)) return false;
  const held = workspaceCounts(db);
  return held.sources + held.briefs === 0;
}

export async function seedSample(db: Db): Promise<void> {
  const dir = join(resourcesDir(), 'sample');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  // One transaction for the whole sample (importOne's own transactions nest as
  // savepoints): a failure leaves the workspace as empty as it was.
  await inAsyncTransaction(db, async () => {
    const sourceIds = new Map<string, string>();
    for (const s of manifest.sources) {
      const path = join(dir, s.file);
      const bytes = readFileSync(path);
      const outcome = await importOne(db, { path, name: s.file, size: bytes.length, read: () => bytes });
      if (outcome.kind !== 'imported') throw new Error(`Sample source ${s.file} did not import: ${JSON.stringify(outcome)}`);
      if (s.reliability) updateSourceMeta(db, outcome.id, { reliability: s.reliability });
      sourceIds.set(s.file, outcome.id);
    }
    const excerptIds = manifest.excerpts.map((x) => {
      const sourceId = sourceIds.get(x.source);
      if (!sourceId) throw new Error(`Sample excerpt names an unknown source ${x.source}`);
      return createExcerptFromQuote(db, sourceId, x.quote, undefined, {
        tags: x.tags ?? [],
        entities: x.entities ?? [],
        note: x.note ?? '',
        credibility: x.credibility ?? null,
      }).id;
    });
    const markdown = readFileSync(join(dir, manifest.brief.file), 'utf8').replace(/\[\[cite:@(\d+)\]\]/g, (whole, n: string) => {
      const id = excerptIds[Number(n) - 1];
      if (!id) throw new Error(`Sample brief cites excerpt @${n}, which the manifest does not have`);
      return `[[cite:${id}]]`;
    });
    createBriefFromMarkdown(db, manifest.brief.title, markdown);
    setSetting(db, OFFERED, new Date().toISOString());
  });
}
