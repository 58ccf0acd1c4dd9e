import { describe, expect, test } from 'vitest';
import { formatEventDate, isEventDate, overlaps, spanOf, ticks } from '../../../renderer/src/analysis/dates';
import { excerptFiltersOn, NO_FILTERS, visibleGraph, type GraphFilters } from '../../../renderer/src/analysis/graphFilter';
import type { GraphData, SourceMention } from '../../../renderer/src/entities/model';
import { normalizeMentions, splitAtMentions } from '../../../renderer/src/entities/mentions';
import { segmentsOf } from '../../../renderer/src/reader/layout';
import type { ExcerptView } from '../../../renderer/src/types';
import { setDateStyle } from '../../../renderer/src/ui/format';

const mention = (start: number, end: number, entityId = 'ent_a'): SourceMention => ({ entityId, entityName: entityId, entityType: 'person', start, end });

describe('mentions cut into the reader’s segments', () => {
  test('a mention inside a plain run becomes its own run; offsets stay contiguous', () => {
    const segments = segmentsOf({ start: 0, end: 40 }, []);
    const out = splitAtMentions(segments, [mention(10, 15)]);
    expect(out.map((s) => [s.start, s.end, s.mention?.start ?? null])).toEqual([
      [0, 10, null],
      [10, 15, 10],
      [15, 40, null],
    ]);
  });

  test('an excerpt boundary inside a mention splits it; both pieces know the mention and keep the excerpt ids', () => {
    const segments = segmentsOf({ start: 0, end: 40 }, [{ id: 'exc_1', start: 12, end: 30 }]);
    const out = splitAtMentions(segments, [mention(10, 15)]);
    expect(out.map((s) => [s.start, s.end, s.mention?.start ?? null, s.ids.join(',')])).toEqual([
      [0, 10, null, ''],
      [10, 12, 10, ''],
      [12, 15, 10, 'exc_1'],
      [15, 30, null, 'exc_1'],
      [30, 40, null, ''],
    ]);
  });

  test('mentions outside the block are ignored; overlapping mentions keep the first, longest', () => {
    expect(normalizeMentions([mention(5, 9), mention(0, 12), mention(12, 14), mention(3, 3)]).map((m) => [m.start, m.end])).toEqual([
      [0, 12],
      [12, 14],
    ]);
    const out = splitAtMentions(segmentsOf({ start: 100, end: 120 }, []), normalizeMentions([mention(0, 12), mention(130, 140)]));
    expect(out.map((s) => [s.start, s.end, s.mention])).toEqual([[100, 120, null]]);
  });
});

describe('event dates', () => {
  test('YYYY, YYYY-MM and YYYY-MM-DD are spans of a year, a month, a day', () => {
    expect(isEventDate('2025')).toBe(true);
    expect(isEventDate('2025-02-29')).toBe(false);
    expect(isEventDate('2024-02-29')).toBe(true);
    expect(isEventDate('2025-13')).toBe(false);
    expect(spanOf('2025')).toEqual({ start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1), precision: 'year' });
    expect(spanOf('2025-03')).toEqual({ start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 3, 1), precision: 'month' });
    expect(spanOf('2025-03-04')?.precision).toBe('day');
    setDateStyle('en-GB');
    expect(formatEventDate('2025-03-04')).toBe('4 Mar 2025');
    expect(formatEventDate('2025-03')).toBe('Mar 2025');
    setDateStyle('system');
  });

  test('a range overlaps partly covered spans; open ends', () => {
    expect(overlaps('2025', '2025-06', '')).toBe(true);
    expect(overlaps('2024-12-31', '2025', '')).toBe(false);
    expect(overlaps('2025-06-11', '', '2025-05')).toBe(false);
    expect(overlaps(null, '', '')).toBe(true);
    expect(overlaps(null, '2020', '')).toBe(false);
  });

  test('ticks: years over a long range, months (January labelled with the year) over a short one', () => {
    const long = ticks(Date.UTC(2000, 0, 1), Date.UTC(2020, 0, 1), 600);
    expect(long.filter((t) => t.label).every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    const short = ticks(Date.UTC(2025, 4, 1), Date.UTC(2026, 2, 1), 800);
    expect(short.some((t) => t.label === '2026' && t.major)).toBe(true);
    expect(short.some((t) => t.label === 'Jul')).toBe(true);
  });
});

function excerpt(id: string, patch: Partial<ExcerptView>): ExcerptView {
  return { id, tags: [], reliability: null, credibility: null, eventDate: null, entities: [], ...patch } as ExcerptView;
}

describe('link chart filters', () => {
  const graph: GraphData = {
    nodes: [
      { id: 'ent_a', name: 'A', type: 'organization', excerpts: 2, mentions: 3 },
      { id: 'ent_b', name: 'B', type: 'location', excerpts: 1, mentions: 2 },
      { id: 'ent_c', name: 'C', type: 'person', excerpts: 1, mentions: 1 },
    ],
    edges: [
      { id: 'co:ent_a:ent_b', source: 'ent_a', target: 'ent_b', kind: 'cooccurrence', label: null, weight: 3, excerptIds: ['exc_1', 'exc_2'], paragraphs: 1 },
      { id: 'co:ent_a:ent_c', source: 'ent_a', target: 'ent_c', kind: 'cooccurrence', label: null, weight: 1, excerptIds: [], paragraphs: 1 },
      { id: 'rel_1', source: 'ent_c', target: 'ent_b', kind: 'relation', label: 'owns', weight: 1, excerptIds: ['exc_2'], paragraphs: 0 },
    ],
    excerpts: [
      excerpt('exc_1', { tags: ['customs/seizures'], reliability: 'B', credibility: 2, eventDate: '2025-11-03' }),
      excerpt('exc_2', { tags: ['corporate'], reliability: 'C', credibility: 3, eventDate: '2024' }),
    ],
  };
  const f = (patch: Partial<GraphFilters>): GraphFilters => ({ ...NO_FILTERS, ...patch });

  test('no filters: every edge with its excerpts and paragraphs', () => {
    const v = visibleGraph(graph, NO_FILTERS);
    expect([...v.edges.keys()]).toEqual(['co:ent_a:ent_b', 'co:ent_a:ent_c', 'rel_1']);
    expect(v.edges.get('co:ent_a:ent_b')).toEqual({ excerptIds: ['exc_1', 'exc_2'], paragraphs: 1, weight: 3 });
    expect(v.nodes.size).toBe(3);
  });

  test('a tag (with its children) recomputes evidence; paragraphs stop counting; an edge with none left hides', () => {
    const v = visibleGraph(graph, f({ tag: 'customs' }));
    expect(excerptFiltersOn(f({ tag: 'customs' }))).toBe(true);
    expect([...v.edges.entries()]).toEqual([['co:ent_a:ent_b', { excerptIds: ['exc_1'], paragraphs: 0, weight: 1 }]]);
    expect([...v.nodes].sort()).toEqual(['ent_a', 'ent_b']);
  });

  test('grades and dates', () => {
    expect([...visibleGraph(graph, f({ reliability: new Set(['C']) })).edges.keys()]).toEqual(['co:ent_a:ent_b', 'rel_1']);
    expect([...visibleGraph(graph, f({ credibility: new Set([2]) })).edges.keys()]).toEqual(['co:ent_a:ent_b']);
    expect([...visibleGraph(graph, f({ from: '2025' })).edges.keys()]).toEqual(['co:ent_a:ent_b']);
    expect([...visibleGraph(graph, f({ to: '2024-06' })).edges.keys()]).toEqual(['co:ent_a:ent_b', 'rel_1']);
  });

  test('a hidden type hides its nodes and every edge touching them', () => {
    const v = visibleGraph(graph, f({ hiddenTypes: new Set(['person']) }));
    expect([...v.edges.keys()]).toEqual(['co:ent_a:ent_b']);
    expect(v.nodes.has('ent_c')).toBe(false);
  });
});
