// A first run shows the team's sample workspace, imported through the real pipeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from '../../electron/services/session';
import { listSources } from '../../db/sources';
import { getExcerpts, listExcerpts } from '../../db/excerpts';
import { getBrief, listBriefs } from '../../db/briefs';
import type { BriefDocument } from '../../db/brief/document';
import { citationsOf } from '../../db/brief/walk';
import { resourcesDir } from '../../electron/services/resources';
import { tempDir } from '../helpers/tmp';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const manifest = JSON.parse(readFileSync(join(resourcesDir(), 'sample', 'manifest.json'), 'utf8')) as {
  sources: unknown[];
  excerpts: { quote: string }[];
  brief: { title: string };
};

describe('sample workspace', () => {
  it('fills a brand-new workspace with the sample sources, graded excerpts and a brief whose citations all resolve', async () => {
    const s = await openSession(tmp.path('ws.sqlite'), { printer: chromiumPrinter() });
    try {
      const sources = listSources(s.db);
      expect(sources).toHaveLength(manifest.sources.length);
      expect(sources.every((x) => x.title.length > 0 && x.reliability !== null)).toBe(true);
      const excerpts = listExcerpts(s.db);
      expect(excerpts.map((x) => x.quote).sort()).toEqual(manifest.excerpts.map((x) => x.quote).sort());
      const [summary] = listBriefs(s.db);
      expect(summary.title).toBe(manifest.brief.title);
      const doc = getBrief(s.db, summary.id)!.document as BriefDocument;
      const cited = citationsOf(doc).map((c) => c.excerptId);
      expect(cited.length).toBeGreaterThanOrEqual(4);
      expect(getExcerpts(s.db, cited)).toHaveLength(cited.length);
    } finally {
      await s.close();
    }
  });

  it('is added once: reopening, or a workspace with content, gets no second copy', async () => {
    const path = tmp.path('ws.sqlite');
    await (await openSession(path, { printer: chromiumPrinter() })).close();
    const again = await openSession(path, { printer: chromiumPrinter() });
    expect(listSources(again.db)).toHaveLength(manifest.sources.length);
    expect(listBriefs(again.db)).toHaveLength(1);
    await again.close();
  });

  it('is not added when asked for an empty workspace', async () => {
    const s = await openSession(tmp.path('empty.sqlite'), { printer: chromiumPrinter(), sample: false });
    expect(listSources(s.db)).toEqual([]);
    await s.close();
  });
});

describe('sample workspace, once deleted', () => {
  it('does not come back after the user deleted all of it', async () => {
    const path = tmp.path('ws.sqlite');
    const first = await openSession(path, { printer: chromiumPrinter() });
    first.db.exec('DELETE FROM briefs; DELETE FROM sources;');
    await first.close();
    const again = await openSession(path, { printer: chromiumPrinter() });
    expect(listSources(again.db)).toEqual([]);
    expect(listBriefs(again.db)).toEqual([]);
    await again.close();
  });
});
