// Entities across the corpus through the CLI contract: aliases, mentions by the full
// rules, merge, co-occurrence, relations with evidence, suggestions and the timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-entities-');
const ws = tmp.path('ws.sqlite');
afterAll(() => tmp.cleanup());

const a = `Caracas visit reported

Tarek El Aissami met Iranian officials in Caracas on Monday. El Aissami’s office confirmed the meeting.

Later, Maduro’s guards were replaced, according to two officials. Alejandro Castro Espín was not present.
`;
const b = `Havana talks noted

Castro Espin travelled to Caracas. TAREK EL AISSAMI did not attend; Iran sent a deputy minister.

The minister met Nicolás Maduro and Alejandro Castro Espín in one session.
`;

let sourceA = '';
let sourceB = '';
const id: Record<string, string> = {};

beforeAll(() => {
  writeFileSync(tmp.path('a.txt'), a);
  writeFileSync(tmp.path('b.txt'), b);
  [sourceA, sourceB] = cli(ws, 'import', tmp.path('a.txt'), tmp.path('b.txt'), '--json').json<{ imported: { id: string }[] }>().imported.map((i) => i.id);
});

const addEntity = (name: string, type: string, ...aliases: string[]) => {
  const r = cli(ws, 'entity', 'add', name, '--type', type, ...aliases.flatMap((x) => ['--alias', x]), '--json');
  expect(r.stderr).toBe('');
  return r.json<{ id: string }>().id;
};

describe('entities and mentions', () => {
  it('finds mentions case- and diacritic-insensitively, whole words, possessives, longest alias winning', () => {
    id.elAissami = addEntity('Tareck El Aissami', 'person', 'Tarek El Aissami', 'El Aissami');
    id.castro = addEntity('Alejandro Castro Espín', 'person', 'Castro Espín');
    id.iran = addEntity('Iran', 'location');
    id.maduro = addEntity('Nicolás Maduro', 'person', 'Maduro');

    const mentions = (entity: string) => cli(ws, 'mentions', '--entity', entity, '--json').json<{ sourceId: string; start: number; end: number; text: string }[]>();
    const elAissami = mentions(id.elAissami);
    expect(elAissami.map((m) => m.text)).toEqual(['Tarek El Aissami', 'El Aissami', 'TAREK EL AISSAMI']);
    for (const m of elAissami) expect((m.sourceId === sourceA ? a : b).slice(m.start, m.end)).toBe(m.text);
    expect(mentions(id.castro).map((m) => m.text)).toEqual(['Alejandro Castro Espín', 'Castro Espin', 'Alejandro Castro Espín']);
    // "Iranian" is not a mention of Iran; "Iran sent" is.
    expect(mentions(id.iran).map((m) => m.text)).toEqual(['Iran']);
    expect(mentions(id.maduro).map((m) => m.text)).toEqual(['Maduro', 'Nicolás Maduro']);

    const entities = cli(ws, 'entities', '--json').json<{ id: string; name: string; type: string; aliases: string[]; mentions: number; excerpts: number }[]>();
    expect(entities.find((e) => e.id === id.elAissami)).toEqual({
      id: id.elAissami,
      name: 'Tareck El Aissami',
      type: 'person',
      aliases: ['El Aissami', 'Tarek El Aissami'],
      mentions: 3,
      excerpts: 0,
    });
  });

  it('scans the corpus again when an alias is added', () => {
    id.caracas = addEntity('Caracas', 'location');
    expect(cli(ws, 'mentions', '--entity', id.caracas, '--json').json<unknown[]>()).toHaveLength(3); // the title line counts too
    id.havana = addEntity('Havana', 'location');
    const r = cli(ws, 'entity', 'alias', id.caracas, 'Havana talks');
    expect(r.code).toBe(0);
    expect(cli(ws, 'mentions', '--entity', id.caracas, '--json').json<{ text: string }[]>().map((m) => m.text)).toContain('Havana talks');
  });

  it('merges an entity into another: mentions and aliases follow the survivor', () => {
    id.nm = addEntity('N. Maduro', 'person');
    const r = cli(ws, 'entity', 'merge', id.maduro, id.nm, '--json');
    expect(r.stderr).toBe('');
    const entities = cli(ws, 'entities', '--json').json<{ id: string; aliases: string[] }[]>();
    expect(entities.find((e) => e.id === id.nm)).toBeUndefined();
    expect(entities.find((e) => e.id === id.maduro)!.aliases).toContain('N. Maduro');
    expect(cli(ws, 'entity', 'merge', id.maduro, 'ent_nothere').stderr).toMatch(/No entity with id ent_nothere/);
  });

  it('counts co-occurrence in excerpts and in paragraphs', () => {
    const x = cli(ws, 'excerpt', 'add', '--source', sourceA, '--quote', 'Tarek El Aissami met Iranian officials in Caracas', '--entity', 'Tareck El Aissami', '--entity', 'Caracas', '--date', '2024-03-11', '--json');
    expect(x.stderr).toBe('');
    id.x1 = x.json<{ id: string }>().id;
    const rows = cli(ws, 'cooccurrence', '--json').json<{ a: string; b: string; excerpts: number; paragraphs: number }[]>();
    const pair = (p: string, q: string) => rows.find((r) => (r.a === p && r.b === q) || (r.a === q && r.b === p));
    expect(pair(id.elAissami, id.caracas)).toMatchObject({ excerpts: 1, paragraphs: 2 });
    expect(pair(id.castro, id.maduro)).toMatchObject({ excerpts: 0, paragraphs: 2 });
    for (const r of rows) expect(r.a < r.b).toBe(true);
  });

  it('records a relation backed by an excerpt, and refuses one without real evidence', () => {
    const r = cli(ws, 'relation', 'add', id.elAissami, id.iran, '--label', 'met officials of', '--evidence', id.x1, '--json');
    expect(r.stderr).toBe('');
    expect(r.json<{ id: string }>().id).toMatch(/^rel_/);
    expect(cli(ws, 'relation', 'add', id.elAissami, id.iran, '--label', 'x', '--evidence', 'exc_nothere').stderr).toMatch(/No excerpt with id exc_nothere/);
  });

  it('lists dated excerpts in date order, and refuses a date that is not one', () => {
    const y = cli(ws, 'excerpt', 'add', '--source', sourceB, '--quote', 'Castro Espin travelled to Caracas', '--date', '2023-11', '--json').json<{ id: string }>();
    expect(cli(ws, 'timeline', '--json').json()).toEqual([
      { date: '2023-11', excerptId: y.id },
      { date: '2024-03-11', excerptId: id.x1 },
    ]);
    expect(cli(ws, 'excerpt', 'add', '--source', sourceB, '--quote', 'deputy minister', '--date', '2024-02-30').stderr).toMatch(/not a date/);
  });

  it('suggests names that are not entities yet, with counts', () => {
    const s = cli(ws, 'suggestions', '--json').json<{ name: string; type: string; count: number }[]>();
    for (const x of s) expect(Object.keys(x).sort()).toEqual(['count', 'name', 'type']);
    const names = s.map((x) => x.name);
    expect(names).not.toContain('Caracas');
    expect(names).not.toContain('Tarek El Aissami');
  });
});
