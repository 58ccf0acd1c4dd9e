// Sources in other scripts through the command line, as a script would use it: short
// passages in Spanish, Russian, Persian, Arabic and Chinese written by the team, imported
// as files; their detected language in `sources --json`; `search` across scripts; and
// mentions of names written in those scripts, with the per-entity transliteration switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('sourcebook-scripts-');
const ws = tmp.path('workspace.sourcebook');
afterAll(() => tmp.cleanup());

const PASSAGES: Record<string, string> = {
  'es.txt': 'El ministro dijo que las sanciones seguirán vigentes hasta que se reanuden las conversaciones con Caracas.',
  'ru.txt': 'Секретарь Совета безопасности Николай Патрушев заявил журналистам, что санкции останутся в силе до конца года.',
  'fa.txt': 'وزیر امور خارجه گفت که تحریم‌ها تا از سرگیری مذاکرات هسته‌ای پابرجا خواهد ماند و کتاب تازه‌ای منتشر شد.',
  'ar.txt': 'قالَ الوزيرُ إنّ العقوباتِ ستبقى ساريةً حتى استئنافِ المحادثاتِ مع الجانبِ الإيرانيّ في العاصمة.',
  'zh.txt': '外交部发言人在记者会上表示，在谈判恢复之前，制裁将继续有效，双方仍在保持沟通。习近平出席了会议。',
  'en.txt': 'Nikolai Patrushev, the secretary of the Security Council, told reporters the sanctions would stay in place.',
};

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
}
const ids: Record<string, string> = {};

beforeAll(() => {
  for (const [name, text] of Object.entries(PASSAGES)) writeFileSync(tmp.path(name), text);
  const r = cli(ws, '--json', 'import', ...Object.keys(PASSAGES).map((n) => tmp.path(n)));
  expect(r.code, r.stderr).toBe(0);
  for (const i of r.json<{ imported: { id: string; path: string }[] }>().imported) ids[i.path.split('/').pop()!.slice(0, 2)] = i.id;
});

/** The words `search` marked, per source (the two-letter name of its file). */
function found(query: string): Record<string, string[]> {
  const r = cli(ws, '--json', 'search', query);
  expect(r.code, r.stderr).toBe(0);
  const out: Record<string, string[]> = {};
  for (const h of r.json<Hit[]>()) {
    const file = Object.entries(ids).find(([, id]) => id === h.id)?.[0] ?? h.id;
    out[file] = h.highlights.map(([a, b]) => h.snippet.slice(a, b));
  }
  return out;
}

describe('languages and scripts through the command line', () => {
  it('detects each source’s language and lists it; `source language` corrects it', () => {
    const sources = cli(ws, '--json', 'sources').json<{ id: string; language: string | null }[]>();
    expect(Object.fromEntries(Object.entries(ids).map(([file, id]) => [file, sources.find((s) => s.id === id)?.language]))).toEqual({ es: 'es', ru: 'ru', fa: 'fa', ar: 'ar', zh: 'zh', en: 'en' });
    expect(cli(ws, '--json', 'source', 'language', ids.en, 'en-gb').json()).toEqual({ id: ids.en, language: 'en-GB' });
    const bad = cli(ws, 'source', 'language', ids.en, 'english!');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a language code');
  });

  it('finds words across scripts and marks them in the original text', () => {
    // Arabic typed without harakat; with them; Persian letters typed in their Arabic forms.
    expect(found('العقوبات')).toEqual({ ar: ['العقوباتِ'] });
    expect(found('الْعُقُوبَاتِ')).toEqual({ ar: ['العقوباتِ'] });
    expect(found('كتاب')).toEqual({ fa: ['کتاب'] });
    // Two-character Chinese words inside running text.
    expect(found('制裁')).toEqual({ zh: ['制裁'] });
    expect(found('外交 沟通')).toEqual({ zh: ['外交', '沟通'] });
    // A Russian name in Latin letters, and a Latin name in Cyrillic.
    expect(found('Patrushev')).toEqual({ ru: ['Патрушев'], en: ['Patrushev'] });
    expect(found('Патрушев')).toEqual({ ru: ['Патрушев'], en: ['Patrushev'] });
    // A quoted word is exact: no transliteration.
    expect(found('"Patrushev"')).toEqual({ en: ['Patrushev'] });
    // The language filter, with a region in the stored tag.
    expect(Object.keys(found('lang:es sanciones'))).toEqual(['es']);
    expect(Object.keys(found('language:en sanctions'))).toEqual(['en']);
    expect(Object.keys(found('lang:es sanctions'))).toEqual([]);
  });

  it('name suggestions read English sources only, and say so', () => {
    const names = cli(ws, '--json', 'suggestions').json<{ name: string }[]>().map((s) => s.name);
    expect(names).toContain('Nikolai Patrushev');
    expect(names.filter((n) => /caracas/i.test(n))).toEqual([]); // the Spanish source is not read
    const plain = cli(ws, 'suggestions');
    expect(plain.stdout).toMatch(/Suggestions read English sources only; not read: (1 in \w\w(, )?){5}\./);
  });

  it('finds mentions of names in any script; Latin names match Cyrillic only when the entity asks', () => {
    const add = (name: string, ...aliases: string[]) => cli(ws, '--json', 'entity', 'add', name, '--type', 'person', ...aliases.flatMap((a) => ['--alias', a])).json<{ id: string }>().id;
    const mentions = (id: string) => cli(ws, '--json', 'mentions', '--entity', id).json<{ sourceId: string; text: string }[]>().map((m) => m.text);
    const xi = add('习近平');
    expect(mentions(xi)).toEqual(['习近平']);
    const minister = add('الوزير');
    expect(mentions(minister)).toEqual(['الوزيرُ']);
    const patrushev = add('Nikolai Patrushev', 'Patrushev');
    expect(mentions(patrushev)).toEqual(['Nikolai Patrushev']);
    const on = cli(ws, '--json', 'entity', 'transliteration', patrushev, 'on');
    expect(on.json()).toMatchObject({ id: patrushev, matchTransliteration: true });
    expect(mentions(patrushev).sort()).toEqual(['Nikolai Patrushev', 'Николай Патрушев'].sort());
    cli(ws, 'entity', 'transliteration', patrushev, 'off');
    expect(mentions(patrushev)).toEqual(['Nikolai Patrushev']);
  });

  it('finds a Russian name in its other cases: a new source, and a name added after its sources', () => {
    const add = (name: string) => cli(ws, '--json', 'entity', 'add', name, '--type', 'person').json<{ id: string }>().id;
    const mentions = (id: string) => cli(ws, '--json', 'mentions', '--entity', id).json<{ sourceId: string; text: string }[]>().map((m) => m.text);
    const nikolai = add('Николай Патрушев');
    writeFileSync(tmp.path('встреча.txt'), 'Встреча Николая Патрушева с делегацией прошла в Москве. Делегация поблагодарила Николая Патрушева и Марию Захарову за приём.');
    expect(cli(ws, 'import', tmp.path('встреча.txt')).code).toBe(0);
    expect(mentions(nikolai).sort()).toEqual(['Николай Патрушев', 'Николая Патрушева', 'Николая Патрушева'].sort());
    // Added after the source: the sources holding only its other cases are scanned too.
    const maria = add('Мария Захарова');
    expect(mentions(maria)).toEqual(['Марию Захарову']);
  });
});
