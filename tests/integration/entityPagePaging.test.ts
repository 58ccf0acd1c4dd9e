// An entity mentioned thousands of times: its page brings the totals and the first sources
// only, each source's mentions counted and shown in context, and pages on through the
// rest; its co-occurring entities are those of the whole matrix, for it alone. Through the
// real router on a real workspace file (sources written through the store, names found by
// the scan that entities:create runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../electron/services/session';
import { createRouter, type Router } from '../../electron/ipc/router';
import { chromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { insertSource } from '../../db/sources';
import { writeTransaction } from '../../db/workspace';
import type { EntityPage, MentionGroup } from '../../electron/services/views';
import { tempDir } from '../helpers/tmp';

const SOURCES = 120;
const tmp = tempDir('sourcebook-entity-paging-');
let session: Session;
let route: Router;
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const reply = await route(channel, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
};

beforeAll(async () => {
  session = await openSession(tmp.path('ws.sourcebook'), { printer: chromiumPrinter(), sample: false });
  route = createRouter(session, () => {});
  writeTransaction(session.db, () => {
    for (let i = 0; i < SOURCES; i++) {
      // Source i mentions Tartus (i % 4) + 1 times, and Halvard in its first paragraph.
      const lines = Array.from({ length: (i % 4) + 1 }, (_, k) => `Report ${k}: the port of Tartus was closed again.`);
      const text = `Halvard Maritime and Tartus, part ${String(i).padStart(3, '0')}\n\n${lines.join('\n\n')}`;
      insertSource(session.db, { title: `Tartus notes ${String(i).padStart(3, '0')}`, author: null, publisher: null, publishedAt: null, url: null, language: 'en', format: 'text', originalName: null, text, original: null });
    }
  });
});
afterAll(async () => {
  await session.close();
  tmp.cleanup();
});

describe('an entity page with many mentions', () => {
  it('brings the totals and the first sources, and pages on through the rest, each source once', async () => {
    const tartus = await call<{ id: string }>('entities:create', { name: 'Tartus', type: 'location' });
    const halvard = await call<{ id: string }>('entities:create', { name: 'Halvard Maritime', type: 'organization' });
    const expectedMentions = Array.from({ length: SOURCES }, (_, i) => (i % 4) + 2).reduce((a, b) => a + b, 0);

    const page = await call<EntityPage>('entities:page', { id: tartus.id });
    expect(page.mentionCount).toBe(expectedMentions);
    expect(page.mentionSourceCount).toBe(SOURCES);
    expect(page.mentions).toHaveLength(25);
    expect(page.mentions[0]).toMatchObject({ sourceTitle: 'Tartus notes 000', count: 2 });
    expect(page.mentions[0].mentions.map((m) => m.text)).toEqual(['Tartus', 'Tartus']);
    expect(page.mentions[0].mentions[1].before).toContain('the port of ');

    const rest: MentionGroup[] = [];
    for (let offset = page.mentions.length; ; offset += 50) {
      const next = await call<MentionGroup[]>('entities:mentionSources', { id: tartus.id, offset, limit: 50 });
      if (next.length === 0) break;
      rest.push(...next);
    }
    const all = [...page.mentions, ...rest];
    expect(all.map((g) => g.sourceTitle)).toEqual(Array.from({ length: SOURCES }, (_, i) => `Tartus notes ${String(i).padStart(3, '0')}`));
    expect(all.reduce((n, g) => n + g.count, 0)).toBe(expectedMentions);
    expect(all.every((g) => g.mentions.length === g.count)).toBe(true);

    // Its co-occurring entities: Halvard, in the first paragraph of every source.
    expect(page.cooccurring).toEqual([{ entity: { id: halvard.id, name: 'Halvard Maritime', type: 'organization' }, excerpts: 0, paragraphs: SOURCES }]);
    const { pairs } = await call<{ pairs: { a: string; b: string; excerpts: number; paragraphs: number }[] }>('analysis:cooccurrence', {});
    const cell = pairs.find((r) => [r.a, r.b].includes(tartus.id) && [r.a, r.b].includes(halvard.id));
    expect(cell && { excerpts: cell.excerpts, paragraphs: cell.paragraphs }).toEqual({ excerpts: 0, paragraphs: SOURCES });
  });

  it('refuses a window it cannot give with a message, and an unknown entity', async () => {
    expect((await route('entities:mentionSources', { id: 'ent_nothere', offset: 0, limit: 10 })).ok).toBe(false);
    expect((await route('entities:mentionSources', { id: 'ent_nothere', offset: -1, limit: 10 })).ok).toBe(false);
    expect((await route('entities:mentionSources', { id: 'ent_nothere', offset: 0, limit: 1000 })).ok).toBe(false);
  });
});
