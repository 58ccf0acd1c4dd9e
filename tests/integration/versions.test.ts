// Replacing a source's text keeps the old version and re-anchors every excerpt, each
// ending exact, moved, fuzzy or orphaned — through the CLI contract of the issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { openWorkspace } from '../../db/workspace';
import { listVersions } from '../../db/sources';

const tmp = tempDir('sourcebook-versions-');
const ws = tmp.path('ws.sqlite');
afterAll(() => tmp.cleanup());

const v1 = `Quarterly port security review

The harbour board met on Monday to review screening at the East Terminal.

Inspectors reported that 1.8 per cent of containers were opened in the last quarter.

The operator said its gate data reaches customs in daily batches, not in real time.

A spokesperson declined to comment on the ownership of the operator.
`;

// A sentence inserted at the top, the inspection figure reworded, the ownership
// paragraph deleted, and the gate-data paragraph unchanged.
const v2 = `Quarterly port security review

This review was corrected on 3 April.

The harbour board met on Monday to review screening at the East Terminal.

Inspectors reported that 1.9 per cent of containers were opened in the last quarter.

The operator said its gate data reaches customs in daily batches, not in real time.
`;

let sourceId = '';
const ids: Record<string, string> = {};

beforeAll(() => {
  writeFileSync(tmp.path('review.txt'), v1);
  writeFileSync(tmp.path('review-v2.txt'), v2);
  sourceId = cli(ws, 'import', tmp.path('review.txt'), '--json').json<{ imported: { id: string }[] }>().imported[0].id;
  const add = (key: string, quote: string) => {
    const r = cli(ws, 'excerpt', 'add', '--source', sourceId, '--quote', quote, '--json');
    expect(r.stderr).toBe('');
    ids[key] = r.json<{ id: string }>().id;
  };
  add('title', 'Quarterly port security review');
  add('board', 'The harbour board met on Monday');
  add('figure', 'Inspectors reported that 1.8 per cent of containers were opened in the last quarter.');
  add('gate', 'gate data reaches customs in daily batches');
  add('owner', 'A spokesperson declined to comment on the ownership of the operator.');
});

describe('source replace', () => {
  it('re-anchors every excerpt and reports each state', () => {
    const r = cli(ws, 'source', 'replace', sourceId, tmp.path('review-v2.txt'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = r.json<{ exact: number; moved: number; fuzzy: number; orphaned: number; excerpts: { id: string; state: string; score: number | null }[] }>();
    const state = Object.fromEntries(report.excerpts.map((x) => [x.id, x]));
    expect(state[ids.title].state).toBe('exact');
    expect(state[ids.board].state).toBe('moved');
    expect(state[ids.gate].state).toBe('moved');
    expect(state[ids.figure].state).toBe('fuzzy');
    expect(state[ids.figure].score).toBeGreaterThan(0.8);
    expect(state[ids.figure].score).toBeLessThan(1);
    expect(state[ids.owner].state).toBe('orphaned');
    expect({ exact: report.exact, moved: report.moved, fuzzy: report.fuzzy, orphaned: report.orphaned }).toEqual({ exact: 1, moved: 2, fuzzy: 1, orphaned: 1 });
  });

  it('lists each excerpt with the text now at its offsets, and an orphan with its old quote', () => {
    const rows = cli(ws, 'excerpts', '--source', sourceId, '--json').json<{ id: string; quote: string; start: number; end: number; state: string }[]>();
    const byId = Object.fromEntries(rows.map((x) => [x.id, x]));
    for (const key of ['title', 'board', 'gate', 'figure']) {
      const x = byId[ids[key]];
      expect(v2.slice(x.start, x.end), key).toBe(x.quote);
    }
    expect(byId[ids.figure].quote).toBe('Inspectors reported that 1.9 per cent of containers were opened in the last quarter.');
    expect(byId[ids.owner]).toMatchObject({ state: 'orphaned', quote: 'A spokesperson declined to comment on the ownership of the operator.' });
  });

  it('keeps the old version', () => {
    const db = openWorkspace(ws, { readonly: true });
    expect(listVersions(db, sourceId).map((v) => [v.version, v.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    db.close();
  });

  it('re-importing identical text leaves every excerpt where it is and adds no version', () => {
    const r = cli(ws, 'source', 'replace', sourceId, tmp.path('review-v2.txt'), '--json').json<{ exact: number; moved: number; fuzzy: number; orphaned: number }>();
    // The fuzzy one is still awaiting the analyst; it stays flagged rather than silently exact.
    expect(r.moved).toBe(0);
    expect(r.orphaned).toBe(1);
    const db = openWorkspace(ws, { readonly: true });
    expect(listVersions(db, sourceId)).toHaveLength(2);
    db.close();
  });

  it('refuses an unknown source or a file that cannot be imported, changing nothing', () => {
    expect(cli(ws, 'source', 'replace', 'src_nothere', tmp.path('review-v2.txt')).stderr).toMatch(/No source with id src_nothere/);
    writeFileSync(tmp.path('empty.txt'), '');
    const r = cli(ws, 'source', 'replace', sourceId, tmp.path('empty.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty file/);
  });
});

describe('source replace: paragraphs reordered', () => {
  // An editor's rework: the closing paragraph is moved to the top and the middle two swap.
  // Whole-paragraph excerpts get new context on both sides; a paragraph's first sentence
  // gets a new prefix and lands far away. Their words were unique in the old version and
  // still are, so each is followed, not flagged.
  const paragraphs = [
    'Dockworkers at Port Alder walked out on Thursday over the new shift rota.',
    'The union said the rota had been imposed without consultation. Its members would return only once talks resumed.',
    'Management said two cranes had stood idle for most of the night shift.',
    'Shipping lines were told to expect delays of up to three days.',
  ];
  const before = `Strike at Port Alder\n\n${paragraphs.join('\n\n')}\n`;
  const after = `Strike at Port Alder\n\n${[paragraphs[3], paragraphs[0], paragraphs[2], paragraphs[1]].join('\n\n')}\n`;

  it('follows whole paragraphs and paragraph openings that moved, at their new offsets', () => {
    writeFileSync(tmp.path('strike.txt'), before);
    writeFileSync(tmp.path('strike-v2.txt'), after);
    const id = cli(ws, 'import', tmp.path('strike.txt'), '--json').json<{ imported: { id: string }[] }>().imported[0].id;
    const quotes = [paragraphs[2], paragraphs[3], 'The union said the rota had been imposed without consultation.'];
    for (const quote of quotes) expect(cli(ws, 'excerpt', 'add', '--source', id, '--quote', quote).code).toBe(0);
    const report = cli(ws, 'source', 'replace', id, tmp.path('strike-v2.txt'), '--json').json<{ moved: number; fuzzy: number; orphaned: number }>();
    expect(report).toMatchObject({ moved: 3, fuzzy: 0, orphaned: 0 });
    const rows = cli(ws, 'excerpts', '--source', id, '--json').json<{ quote: string; start: number; end: number; state: string }[]>();
    expect(rows.map((x) => x.quote).sort()).toEqual([...quotes].sort());
    for (const x of rows) expect(after.slice(x.start, x.end)).toBe(x.quote);
  });
});

describe('grading', () => {
  it('grades a source, and its publisher’s next source shows the same reliability until graded itself', () => {
    writeFileSync(tmp.path('a.md'), '---\ntitle: First report\npublisher: Harbour Watch\n---\n\nThe first report says the cranes arrived.');
    writeFileSync(tmp.path('b.md'), '---\ntitle: Second report\npublisher: Harbour Watch\n---\n\nThe second report says the cranes are idle.');
    const [a, b] = cli(ws, 'import', tmp.path('a.md'), tmp.path('b.md'), '--json').json<{ imported: { id: string }[] }>().imported.map((i) => i.id);
    const graded = cli(ws, 'source', 'grade', a, '--reliability', 'b', '--json');
    expect(graded.json()).toEqual({ id: a, reliability: 'B' });
    const sources = cli(ws, 'sources', '--json').json<{ id: string; reliability: string | null; reliabilityFrom: string | null }[]>();
    expect(sources.find((s) => s.id === b)).toMatchObject({ reliability: 'B', reliabilityFrom: 'publisher' });
    cli(ws, 'source', 'grade', b, '--reliability', 'D');
    const after = cli(ws, 'sources', '--json').json<{ id: string; reliability: string | null }[]>();
    expect(after.find((s) => s.id === a)!.reliability).toBe('B');
    expect(after.find((s) => s.id === b)!.reliability).toBe('D');
    const bad = cli(ws, 'source', 'grade', a, '--reliability', 'G');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/A to F/);
  });

  it('records a credibility on an excerpt', () => {
    const r = cli(ws, 'excerpt', 'add', '--source', sourceId, '--quote', 'This review was corrected', '--credibility', '2', '--json');
    expect(r.stderr).toBe('');
    expect(cli(ws, 'excerpt', 'add', '--source', sourceId, '--quote', 'East Terminal', '--credibility', '7').stderr).toMatch(/1 to 6/);
  });
});
