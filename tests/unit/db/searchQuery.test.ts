import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/workspace';
import { migrations } from '../../../db/migrations';
import { insertSource, updateSourceMeta } from '../../../db/sources';
import { search } from '../../../db/search';
import { parseSearchQuery } from '../../../db/searchQuery';
import { insertExcerpt } from '../../../db/excerpts';
import { createBrief } from '../../../db/briefs';
import { paragraphNode, rootNode, textNode } from '../../../db/brief/document';

describe('the search language', () => {
  it('quotes every word, so FTS5 syntax typed by a person is only words', () => {
    expect(parseSearchQuery('NEAR(a b) OR ^c').fts).toBe('("NEAR" OR "неар" OR "нэар") AND "a" AND ("b" OR "c")');
    // Words with a letter Russian transliteration never writes (c, h, w…) have no Cyrillic spelling to look for.
    expect(parseSearchQuery('cranes "East Terminal" crowch*').fts).toBe('"cranes" AND "East Terminal" AND "crowch"*');
    expect(parseSearchQuery('cranes OR which crew').fts).toBe('("cranes" OR "which") AND "crew"');
    expect(parseSearchQuery('cranes -"night shift"').fts).toBe('("cranes") NOT ("night shift")');
    expect(parseSearchQuery('chow', { asYouType: true })).toMatchObject({ fts: '"chow"*', shortestPrefix: 4 });
    expect(parseSearchQuery('chow ', { asYouType: true })).toMatchObject({ fts: '"chow"', shortestPrefix: Infinity });
    // A Latin word also looks for the Cyrillic it may transliterate, every spelling with its star.
    expect(parseSearchQuery('Patru', { asYouType: true }).fts).toBe('("Patru"* OR "патру"*)');
  });

  it('reads filters, with quoted values, and leaves an unknown field as words', () => {
    const q = parseSearchQuery('publisher:"Coastal Ledger" tag:military entity:Patrushev title:port before:2025-06 after:2024 kind:excerpts re:cranes');
    expect(q.filters).toEqual({ title: ['port'], publisher: ['Coastal Ledger'], tag: ['military'], entity: ['Patrushev'], before: '2025-06', after: '2024', date: null, added: null, state: [], kinds: ['excerpt'], language: [], grade: [] });
    expect(parseSearchQuery('date:2024-03 added:2026-11 state:Fuzzy state:lost').filters).toMatchObject({ date: '2024-03', added: '2026-11', state: ['fuzzy'] });
    expect(q.fts).toBe('"re" AND "cranes"');
    expect(parseSearchQuery('before:yesterday').filters.before).toBeNull();
  });
});

describe('search with the language', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const put = (title: string, text: string, publisher: string | null, publishedAt: string | null) =>
    insertSource(db, { title, author: null, publisher, publishedAt, url: null, language: null, format: 'text', originalName: null, text, original: null });
  const ledger = put('Cranes idle at the East Terminal', 'The cranes stood idle during the strike.', 'Coastal Ledger', '2024-03-02');
  const watch = put('Tug crews return', 'Tugs and cranes worked through the night shift.', 'Harbour Watch', '2025-07-09');
  const post = put('Lease signed', 'The terminal lease was signed; cranes to follow.', 'The Kestrava Post', null);
  updateSourceMeta(db, post, { title: 'Lease signed for the port' });
  const ids = (query: string) => search(db, query).map((h) => h.id);

  it('excludes, alternates and narrows by publisher, title and date', () => {
    expect(ids('cranes').sort()).toEqual([ledger, watch, post].sort());
    expect(ids('cranes -strike').sort()).toEqual([watch, post].sort());
    expect(ids('strike OR lease').sort()).toEqual([ledger, post].sort());
    expect(ids('cranes publisher:ledger')).toEqual([ledger]);
    expect(ids('publisher:"Harbour Watch"')).toEqual([watch]);
    expect(ids('title:port')).toEqual([post]);
    expect(ids('cranes after:2025')).toEqual([watch]);
    expect(ids('cranes before:2025-01')).toEqual([ledger]);
    expect(ids('kind:brief cranes')).toEqual([]);
    expect(ids('-cranes')).toEqual([]);
  });

  it('keeps highlights of the words found, and none for a result found by filters alone', () => {
    const [hit] = search(db, 'strike');
    expect(hit.snippet.slice(hit.highlights[0][0], hit.highlights[0][1])).toBe('strike');
    const [byFilter] = search(db, 'publisher:ledger');
    expect(byFilter).toMatchObject({ id: ledger, highlights: [] });
  });
});

describe('stemming, by the source’s language', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const put = (title: string, text: string, language: string | null) =>
    insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language, format: 'text', originalName: null, text, original: null });
  const es = put('Caracas', 'La sanción fue anunciada ayer por el ministerio.', 'es-VE');
  const en = put('Harbour', 'Cranes were seized at the port; the seizing went on.', 'en');
  const other = put('Mixed', 'sanción seized', null);
  const ids = (query: string) => search(db, query).map((h) => h.id);

  it('finds the other forms of a word in Spanish sources only; a quoted word stays exact', () => {
    expect(ids('sanciones')).toEqual([es]);
    expect(ids('"sanciones"')).toEqual([]);
    expect(ids('sancionar')).toEqual([es]);
    // English sources too ("seize" finds "seized"); a source of no known language matches the word as typed only.
    expect(ids('seize')).toEqual([en]);
    expect(ids('seized').sort()).toEqual([en, other].sort());
    expect(ids('"seize"')).toEqual([]);
    const [hit] = search(db, 'sanciones');
    expect(hit.snippet.slice(...hit.highlights[0])).toBe('sanción');
  });

  it('follows a change of language', () => {
    updateSourceMeta(db, other, { language: 'es' });
    expect(ids('sanciones').sort()).toEqual([es, other].sort());
  });

  it('in a workspace all in one stemmed language, looks for the forms without telling sources apart, and finds the same', () => {
    const one = new Database(':memory:');
    migrate(one, migrations);
    const a = insertSource(one, { title: 'Port', author: null, publisher: null, publishedAt: null, url: null, language: 'en-GB', format: 'text', originalName: null, text: 'New sanctions were announced.', original: null });
    const b = insertSource(one, { title: 'Dock', author: null, publisher: null, publishedAt: null, url: null, language: null, format: 'text', originalName: null, text: 'A sanctioned vessel left.', original: null });
    expect(search(one, 'sanction').map((h) => h.id).sort()).toEqual([a, b].sort());
    expect(parseSearchQuery('sanction', { stemming: ['en'], soleLanguage: 'en' }).ftsSources).not.toContain('lang');
    expect(parseSearchQuery('sanction', { stemming: ['en', 'es'] }).ftsSources).toContain('lang : "en"');
  });
});

describe('Russian inflections', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const put = (title: string, text: string, language: string | null) =>
    insertSource(db, { title, author: null, publisher: null, publishedAt: null, url: null, language, format: 'text', originalName: null, text, original: null });
  const statement = put('Заявление', 'Секретарь Совбеза Патрушеву доложили о новых санкциях против танкеров.', 'ru');
  const meeting = put('Встреча', 'Встреча Патрушева с делегацией прошла в Москве; санкции обсуждались.', 'ru');
  const english = put('Harbour', 'Patrushev was named in the report.', 'en');
  const ids = (query: string) => search(db, query).map((h) => h.id).sort();

  it('finds a name in its other cases, typed in Cyrillic or in Latin letters', () => {
    // The English source by the transliteration, "patrushev"; the Russian ones by the name's cases.
    expect(ids('Патрушев')).toEqual([statement, meeting, english].sort());
    expect(ids('Патрушева')).toEqual([statement, meeting].sort());
    // Latin letters: the English source by the word itself, the Russian ones by its transliteration's cases.
    expect(ids('Patrushev')).toEqual([statement, meeting, english].sort());
  });

  it('finds a noun in its other cases, and a quoted word stays exact', () => {
    expect(ids('санкции')).toEqual([statement, meeting].sort());
    expect(ids('"санкции"')).toEqual([meeting]);
    const [hit] = search(db, 'санкциях').filter((h) => h.id === meeting);
    expect(hit.snippet.slice(...hit.highlights[0])).toBe('санкции');
  });

  it('leaves Russian forms to Russian sources: an English source with the same letters is not stemmed', () => {
    const other = put('Transcript', 'санкциях', 'en');
    expect(ids('санкции')).not.toContain(other);
  });
});

describe('Chinese words in excerpts and briefs, ranked with the sources', () => {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const text = '外交部发言人表示，制裁将继续有效。' + '双方仍在保持沟通，会议讨论了港口和海关的问题。'.repeat(20);
  const source = insertSource(db, { title: '发言', author: null, publisher: null, publishedAt: null, url: null, language: 'zh', format: 'text', originalName: null, text, original: null });
  const once = insertExcerpt(db, { sourceId: source, version: 1, start: 0, end: 17, quote: text.slice(0, 17), prefix: '', suffix: '' });
  const often = insertExcerpt(db, { sourceId: source, version: 1, start: 9, end: 17, quote: '制裁将继续有效', prefix: '', suffix: '', note: '制裁，制裁，又是制裁。' });
  const unrelated = insertExcerpt(db, { sourceId: source, version: 1, start: 17, end: 30, quote: text.slice(17, 30), prefix: '', suffix: '' });
  const brief = createBrief(db, '制裁简报', rootNode([paragraphNode([textNode('关于制裁的说明。')])]));

  it('ranks excerpts and briefs by how much of them the word is, among the sources, with the word marked', () => {
    const hits = search(db, '制裁');
    const order = hits.map((h) => h.id);
    expect(order).not.toContain(unrelated);
    expect(new Set(order)).toEqual(new Set([source, once, often, brief]));
    // The word thrice in a short excerpt and in a brief's title outrank one mention in a long source or a long quote.
    expect(order.indexOf(often)).toBeLessThan(order.indexOf(once));
    expect(order.indexOf(brief)).toBeLessThan(order.indexOf(source));
    expect(order.indexOf(often)).toBeLessThan(order.indexOf(source));
    for (const h of hits) expect(h.snippet.slice(...h.highlights[0])).toBe('制裁');
  });
});
