import { describe, expect, it } from 'vitest';
import { foldAlias, foldCodePoint, foldRange, foldText, isWordCodePoint } from '../../../electron/services/mentions/fold';
import { type AliasEntry, type Mention, MentionMatcher, scanForAlias } from '../../../electron/services/mentions/matcher';
import { prng } from '../../bench/corpus';

const spans = (ms: Mention[]) => ms.map((m) => [m.entityId, m.text]);
const scan = (aliases: [string, string][], text: string) =>
  new MentionMatcher(aliases.map(([entityId, alias]) => ({ entityId, alias }))).scan(text);

describe('MentionMatcher: the rules', () => {
  it.each([
    ['case-insensitive', [['m', 'Maduro']], 'MADURO and maduro and mAdUrO', [['m', 'MADURO'], ['m', 'maduro'], ['m', 'mAdUrO']]],
    ['mixed case in a multi-word alias', [['t', 'Tarek El Aissami']], 'TAREK el aissami spoke', [['t', 'TAREK el aissami']]],
    ['accent in the text, none in the alias', [['c', 'Castro Espin']], 'Alejandro Castro Espín said', [['c', 'Castro Espín']]],
    ['accent in the alias, none in the text', [['c', 'Castro Espín']], 'Alejandro Castro Espin said', [['c', 'Castro Espin']]],
    ['accent as a combining mark in the text', [['c', 'Castro Espin']], 'Castro Espi\u0301n said', [['c', 'Castro Espi\u0301n']]],
    ['stroke letters', [['w', 'Lech Walesa'], ['k', 'Soren Kierkegaard']], 'Lech Wałęsa and Søren Kierkegaard', [['w', 'Lech Wałęsa'], ['k', 'Søren Kierkegaard']]],
    ['whole words: not inside a longer word', [['i', 'Iran']], 'Iranian Iran Tehran-Iran IranIran Iran2', [['i', 'Iran'], ['i', 'Iran']]],
    ['whole words: digits are word characters, a combining mark goes with its letter', [['a', 'A1']], 'A1 A12 xA1 A1\u0301x A1.', [['a', 'A1'], ['a', 'A1']]],
    ['possessive with a straight apostrophe', [['m', 'Maduro']], "Maduro's aide", [['m', 'Maduro']]],
    ['possessive with a curly apostrophe', [['m', 'Maduro']], 'Maduro’s aide', [['m', 'Maduro']]],
    ['bare apostrophe after s', [['v', 'Venezuelas']], 'the Venezuelas’ oil', [['v', 'Venezuelas']]],
    ['the possessive is not a different name', [['v', 'Venezuela']], 'the Venezuelas’ oil', []],
    ['curly and straight apostrophes inside names', [['o', "O'Neill"], ['p', 'D’Alema']], 'O’Neill met D\'Alema and O‘Neill', [['o', 'O’Neill'], ['p', "D'Alema"], ['o', 'O‘Neill']]],
    ['hyphen variants', [['h', 'Al-Assad'], ['j', 'Jean‐Luc']], 'Al–Assad, Al‑Assad, Al—Assad, Jean-Luc', [['h', 'Al–Assad'], ['h', 'Al‑Assad'], ['h', 'Al—Assad'], ['j', 'Jean-Luc']]],
    ['any run of whitespace, across a line break', [['t', 'Tarek El Aissami']], 'said Tarek\n  El\u00a0\tAissami.', [['t', 'Tarek\n  El\u00a0\tAissami']]],
    ['whitespace in the alias is any run too', [['t', ' Tarek   El\nAissami ']], 'Tarek El Aissami', [['t', 'Tarek El Aissami']]],
    ['no match across a word break that is not whitespace', [['t', 'El Aissami']], 'El-Aissami El.Aissami', []],
    ['longest wins', [['e', 'El Aissami'], ['t', 'Tarek El Aissami']], 'Tarek El Aissami and El Aissami', [['t', 'Tarek El Aissami'], ['e', 'El Aissami']]],
    ['leftmost wins before longest', [['a', 'Banco Central'], ['b', 'Central de Venezuela']], 'el Banco Central de Venezuela', [['a', 'Banco Central']]],
    ['a longer alias that fails the whole-word rule does not block a shorter one', [['e', 'El Aissami'], ['g', 'El Aissami Group']], 'El Aissami Groups', [['e', 'El Aissami']]],
    ['overlapping aliases of two entities: longest wins', [['pdvsa', 'PDVSA'], ['pdvsa-usa', 'PDVSA USA']], 'PDVSA USA and PDVSA', [['pdvsa-usa', 'PDVSA USA'], ['pdvsa', 'PDVSA']]],
    ['same alias for two entities: the first registered wins', [['z', 'Cabello'], ['a', 'Cabello']], 'Cabello', [['z', 'Cabello']]],
    ['same folded alias for two entities: the first registered wins', [['z', 'Diosdado Cabello'], ['a', 'DIOSDADO CABELLO']], 'diosdado cabello', [['z', 'diosdado cabello']]],
    ['Arabic: harakat and tatweel in the text, none in the alias', [['n', 'حسن نصرالله']], 'قال حَسَن نصرالـله اليوم', [['n', 'حَسَن نصرالـله']]],
    ['Arabic and Persian letter forms match (ي/ی, ك/ک, ة/ه)', [['k', 'علي'], ['m', 'مدرسة كبيرة']], 'آیت‌الله علی و مدرسه کبیره', [['k', 'علی'], ['m', 'مدرسه کبیره']]],
    ['Cyrillic: case-insensitive, ё as е, whole words', [['p', 'Патрушев'], ['f', 'Фёдоров']], 'ПАТРУШЕВ, Патрушева и Федоров', [['p', 'ПАТРУШЕВ'], ['f', 'Федоров']]],
    ['Chinese: a name inside running text (no spaces between words)', [['x', '习近平']], '国家主席习近平表示，习近平在会上', [['x', '习近平'], ['x', '习近平']]],
    ['Korean: a name before its particle', [['k', '김정은']], '김정은이 말했다', [['k', '김정은']]],
  ] as [string, [string, string][], string, [string, string][]][])('%s', (_name, aliases, text, expected) => {
    expect(spans(scan(aliases, text))).toEqual(expected);
  });

  it('a new alias is found in raw text of any script by the pre-filter: letter forms, tatweel, harakat', () => {
    const long = `${'پیش‌زمینه '.repeat(200)}آیت‌الله علی خامنه‌ای و نصـرالله${' پایان'.repeat(200)}`;
    expect(scanForAlias(long, 'علي', 'k').add.map((m) => m.text)).toEqual(['علی']);
    expect(scanForAlias(long, 'نَصْرالله', 'n').add.map((m) => m.text)).toEqual(['نصـرالله']);
  });

  it('maps offsets back to the original text exactly', () => {
    const text = '😀 a\u0301b\u0301 👩‍👩‍👧 \u00ad Castro  Espi\u0301n’s\n\nO’Neill — Ça\u0327 Iran';
    const ms = scan(
      [
        ['c', 'Castro Espín'],
        ['o', "O'Neill"],
        ['ca', 'ca'],
        ['i', 'iran'],
      ],
      text,
    );
    expect(ms.map((m) => [m.start, m.end, m.text])).toEqual([
      [text.indexOf('Castro'), text.indexOf('’s'), 'Castro  Espi\u0301n'],
      [text.indexOf('O’'), text.indexOf(' —'), 'O’Neill'],
      [text.indexOf('Ça'), text.indexOf(' Iran'), 'Ça\u0327'],
      [text.length - 4, text.length, 'Iran'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('a combining accent after the last letter belongs to the match; a trailing one at the end of the text too', () => {
    const text = 'Espi\u0301 Espi\u0301';
    expect(scan([['e', 'espi']], text).map((m) => m.text)).toEqual(['Espi\u0301', 'Espi\u0301']);
  });

  it('astral letters are word characters, emoji are not', () => {
    expect(spans(scan([['x', 'x']], 'x𝐀 𝐀x x😀x'))).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('reports the registered alias, size counts registered aliases', () => {
    const m = new MentionMatcher([
      { entityId: 'a', alias: 'Castro Espín' },
      { entityId: 'a', alias: '  ' },
      { entityId: 'b', alias: 'castro espin' },
    ]);
    expect(m.size).toBe(2);
    expect(m.scan('CASTRO ESPIN')).toEqual([{ entityId: 'a', start: 0, end: 12, text: 'CASTRO ESPIN', alias: 'Castro Espín' }]);
    expect(new MentionMatcher([]).scan('anything')).toEqual([]);
  });

  it('an empty text and aliases at the very edges', () => {
    expect(scan([['a', 'a']], '')).toEqual([]);
    expect(spans(scan([['a', 'a b']], 'a b'))).toEqual([['a', 'a b']]);
  });
});

describe('folding', () => {
  it('folds case without a locale, diacritics, apostrophes, hyphens and whitespace', () => {
    expect(foldText('İSTANBUL  Straße\n\tÇA’VA – Ὀδυσσεύς ſ').folded).toBe("istanbul straße ca'va - οδυσσευσ s");
    expect(foldAlias('  Castro\u00a0Espín ')).toBe('castro espin');
    expect(foldCodePoint(0x0301)).toBe('');
    expect(foldCodePoint(0x00ad)).toBe('');
    expect(foldCodePoint('Å'.codePointAt(0) as number)).toBe('a');
    expect(isWordCodePoint(0x0301)).toBe(true);
    expect(isWordCodePoint("'".codePointAt(0) as number)).toBe(false);
  });

  it('keeps a compact map: a few entries per paragraph, not one per character', () => {
    const text = 'A plain sentence with single spaces. '.repeat(1000) + '\n\n';
    const ft = foldText(text.repeat(10));
    expect(ft.mapSize).toBeLessThan(50);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests against a brute-force reference.

const WORDS = [
  'Tarek', 'El', 'Aissami', 'el', 'AISSAMI', 'Castro', 'Espín', 'Espin', 'Espi\u0301n', 'Maduro', 'Maduro’s', "Maduro's",
  'Iran', 'Iranian', 'Irán', 'O’Neill', "O'Neill", 'Neill', 'Al-Assad', 'Al–Assad', 'Assad', 'la', 'La', 'de', 'Banco',
  'Central', 'Venezuela', 'Venezuelas’', 'Søren', 'a', 'b', 'ab', '😀', '𝐀', 'Ça\u0327', 'x\u00adx', 'İs', 'ΣΟΦΙΑ', 'σοφια',
];
const SEPS = [' ', ' ', ' ', '  ', '\n', ' \n\n ', '\t', '\u00a0', ', ', '. ', '-', '’', ' \u0301 ', ''];

function randomText(rand: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += WORDS[Math.floor(rand() * WORDS.length)] + SEPS[Math.floor(rand() * SEPS.length)];
  return s;
}

function randomAliases(rand: () => number, n: number): AliasEntry[] {
  const out: AliasEntry[] = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(rand() * 3);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    out.push({ entityId: `e${Math.floor(rand() * n)}`, alias: words.join(rand() < 0.8 ? ' ' : '-') });
  }
  return out;
}

/** The code point ending just before i (undefined at 0). */
function charBefore(s: string, i: number): string | undefined {
  if (i === 0) return undefined;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff) return s.slice(i - 2, i);
  return s[i - 1];
}

/** Reference folding, code point by code point (the rules of fold.ts, without its fast paths). */
const foldCache = new Map<number, string>();
function referenceFold(text: string): { folded: string; orig: number[] } {
  const parts: string[] = [];
  const orig: number[] = [];
  let last = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    let f = foldCache.get(cp);
    if (f === undefined) foldCache.set(cp, (f = foldCodePoint(cp)));
    const units = f.length === len ? Array.from({ length: len }, (_, j) => i + j) : Array.from(f, () => i);
    for (let j = 0; j < f.length; j++) {
      if (f[j] === ' ' && last === ' ') continue;
      parts.push(f[j]);
      orig.push(units[j]);
      last = f[j];
    }
    i += len;
  }
  orig.push(text.length);
  return { folded: parts.join(''), orig };
}

/** Brute force: every pattern at every folded position, whole-word, leftmost-longest, first registered on ties. */
function reference(aliases: readonly AliasEntry[], text: string): Mention[] {
  const { folded, orig } = referenceFold(text);
  const word = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
  const pats: { a: AliasEntry; f: string }[] = [];
  for (const a of aliases) {
    const f = foldAlias(a.alias);
    if (f && !pats.some((p) => p.f === f)) pats.push({ a, f });
  }
  const before = (i: number) => charBefore(folded, i);
  const at = (i: number) => (i >= folded.length ? undefined : String.fromCodePoint(folded.codePointAt(i) as number));
  const out: Mention[] = [];
  for (let i = 0; i < folded.length; ) {
    let best: { a: AliasEntry; f: string } | null = null;
    for (const p of pats) {
      if (!folded.startsWith(p.f, i) || word(before(i)) || word(at(i + p.f.length))) continue;
      if (!best || p.f.length > best.f.length) best = p;
    }
    if (!best) {
      i++;
      continue;
    }
    const start = orig[i];
    const end = orig[i + best.f.length];
    out.push({ entityId: best.a.entityId, start, end, text: text.slice(start, end), alias: best.a.alias });
    i += best.f.length;
  }
  return out;
}

function apply(mentions: readonly Mention[], delta: { add: Mention[]; remove: Mention[] }): Mention[] {
  const removed = new Set(delta.remove);
  for (const r of delta.remove) expect(mentions).toContain(r);
  return [...mentions.filter((m) => !removed.has(m)), ...delta.add].sort((a, b) => a.start - b.start);
}

describe('property tests (seeded)', () => {
  it('scan equals the brute-force reference', () => {
    const rand = prng(7);
    for (let round = 0; round < 300; round++) {
      const aliases = randomAliases(rand, 1 + Math.floor(rand() * 12));
      const text = randomText(rand, Math.floor(rand() * 60));
      const got = new MentionMatcher(aliases).scan(text);
      expect(got, `round ${round}: ${JSON.stringify({ aliases, text })}`).toEqual(reference(aliases, text));
      for (const m of got) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('foldText equals the reference folding, offsets included (fast path, and exact path for texts with İ)', () => {
    const rand = prng(13);
    for (let round = 0; round < 200; round++) {
      let text = randomText(rand, Math.floor(rand() * 200));
      if (round % 2 === 0) text = text.replaceAll('İ', 'I');
      const ref = referenceFold(text);
      const ft = foldText(text);
      expect(ft.folded, text).toBe(ref.folded);
      for (let i = 0; i <= ft.folded.length; i++) expect(ft.toOriginal(i), text).toBe(ref.orig[i]);
    }
  });

  it('foldText of a text longer than two 1 MB chunks equals the reference folding', () => {
    const rand = prng(19);
    const text = randomText(rand, 330_000).replaceAll('İ', 'I') + 'İ' + randomText(rand, 10_000);
    expect(text.length).toBeGreaterThan(2 * (1 << 20));
    const ref = referenceFold(text);
    const ft = foldText(text);
    expect(ft.folded === ref.folded).toBe(true);
    const cursor = ft.cursor();
    let bad = -1;
    for (let i = 0; i <= ft.folded.length && bad < 0; i++) if (cursor(i) !== ref.orig[i]) bad = i;
    expect(bad).toBe(-1);
  });

  it('a folded window folds like the same stretch of the whole text', () => {
    const rand = prng(11);
    for (let round = 0; round < 300; round++) {
      const text = randomText(rand, 30 + Math.floor(rand() * 150));
      const whole = foldText(text);
      const a = Math.floor(rand() * (text.length + 1));
      const b = a + Math.floor(rand() * (text.length - a + 1));
      const w = foldRange(text, a, b);
      const fa = whole.fromOriginal(w.start);
      const fb = whole.fromOriginal(w.end);
      const ctx = JSON.stringify({ text, a, b });
      expect(w.folded, ctx).toBe(whole.folded.slice(fa, fb));
      for (let i = 0; i <= w.folded.length; i++) expect(w.toOriginal(i), ctx).toBe(whole.toOriginal(fa + i));
      expect(w.wordBefore, ctx).toBe(fa > 0 && /[\p{L}\p{N}]/u.test(charBefore(whole.folded, fa) as string));
      expect(w.wordAfter, ctx).toBe(fb < whole.folded.length && /[\p{L}\p{N}]/u.test(String.fromCodePoint(whole.folded.codePointAt(fb) as number)));
    }
  });

  it('fromOriginal inverts toOriginal', () => {
    const rand = prng(5);
    for (let round = 0; round < 100; round++) {
      const text = randomText(rand, 40);
      const ft = foldText(text);
      for (let i = 0; i <= ft.folded.length; i++) {
        const o = ft.toOriginal(i);
        expect(ft.fromOriginal(o)).toBe(i);
        if (i > 0) expect(o).toBeGreaterThan(ft.toOriginal(i - 1));
      }
    }
  });

  it('scan equals the reference with a large alphabet (goto edges and failure links instead of a dense table)', () => {
    const rand = prng(17);
    const chars = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const aliases = Array.from({ length: 3000 }, (_, i) => ({
      entityId: `c${i}`,
      alias: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => chars[Math.floor(rand() * 60)]).join(rand() < 0.3 ? ' ' : '') + chars[100 + i],
    }));
    const matcher = new MentionMatcher(aliases);
    expect((matcher as unknown as { delta: unknown }).delta).toBeNull(); // internals: the sparse automaton is the one under test
    for (let round = 0; round < 5; round++) {
      const text = Array.from({ length: 400 }, () => {
        const a = aliases[Math.floor(rand() * aliases.length)].alias;
        return rand() < 0.5 ? a : chars[Math.floor(rand() * 200)];
      }).join(rand() < 0.5 ? ' ' : '，');
      expect(matcher.scan(text)).toEqual(reference(aliases, text));
      const [added] = aliases.splice(Math.floor(rand() * aliases.length), 1);
      const without = new MentionMatcher(aliases);
      const mentions = without.scan(text);
      expect(apply(mentions, scanForAlias(text, added.alias, added.entityId, { matcher: without, mentions }))).toEqual(
        without.withAlias(added.entityId, added.alias).scan(text),
      );
      aliases.push(added);
    }
  });

  it('adding one alias incrementally equals a full rescan with the alias added (raw text and folded text)', () => {
    const rand = prng(20261121);
    let changed = 0;
    for (let round = 0; round < 400; round++) {
      const aliases = randomAliases(rand, 1 + Math.floor(rand() * 10));
      const text = randomText(rand, 20 + Math.floor(rand() * 80));
      const matcher = new MentionMatcher(aliases);
      const mentions = matcher.scan(text);
      const [added] = randomAliases(rand, 1);
      const expected = matcher.withAlias(added.entityId, added.alias).scan(text);
      const ctx = JSON.stringify({ aliases, text, added });
      const raw = scanForAlias(text, added.alias, added.entityId, { matcher, mentions });
      expect(apply(mentions, raw), ctx).toEqual(expected);
      const folded = scanForAlias(foldText(text), added.alias, added.entityId, { matcher, mentions });
      expect(apply(mentions, folded), ctx).toEqual(expected);
      if (raw.add.length + raw.remove.length > 0) changed++;
      // Alone: the alias's own mentions.
      const alone = scanForAlias(text, added.alias, added.entityId);
      expect(alone.remove).toEqual([]);
      expect(alone.add, ctx).toEqual(new MentionMatcher([added]).scan(text));
    }
    expect(changed).toBeGreaterThan(100);
  });

  it('incremental add: the cascade case (a displaced mention frees a dropped candidate)', () => {
    const text = 'a b c d e f';
    const matcher = new MentionMatcher([
      { entityId: 'bc', alias: 'b c' },
      { entityId: 'cd', alias: 'c d' },
      { entityId: 'de', alias: 'd e' },
      { entityId: 'ef', alias: 'e f' },
    ]);
    const mentions = matcher.scan(text);
    expect(spans(mentions)).toEqual([
      ['bc', 'b c'],
      ['de', 'd e'],
    ]);
    const delta = scanForAlias(text, 'a b', 'ab', { matcher, mentions });
    expect(spans(delta.remove)).toEqual([
      ['bc', 'b c'],
      ['de', 'd e'],
    ]);
    expect(spans(delta.add)).toEqual([
      ['ab', 'a b'],
      ['cd', 'c d'],
      ['ef', 'e f'],
    ]);
  });

  it('incremental add: a cascade longer than the folded neighbourhood widens it (raw text)', () => {
    const chain = Array.from({ length: 400 }, (_, i) => `t${i}x`);
    const filler = 'lorem ipsum dolor sit amet. '.repeat(2000);
    const text = `${filler}q ${chain.join(' ')} ${filler}`;
    const matcher = new MentionMatcher(chain.slice(1).map((w, i) => ({ entityId: `p${i}`, alias: `${chain[i]} ${w}` })));
    const mentions = matcher.scan(text);
    expect(mentions).toHaveLength(200);
    const delta = scanForAlias(text, 'Q T0X', 'q', { matcher, mentions });
    expect(delta.remove).toHaveLength(200);
    expect(delta.add).toHaveLength(200);
    expect(apply(mentions, delta)).toEqual(matcher.withAlias('q', 'Q T0X').scan(text));
  });

  it('incremental add on a long text: only the neighbourhoods of the new alias are affected', () => {
    const rand = prng(3);
    const text = randomText(rand, 20000);
    const aliases = randomAliases(rand, 30);
    const matcher = new MentionMatcher(aliases);
    const mentions = matcher.scan(text);
    for (const added of [{ entityId: 'n', alias: 'Maduro El' }, { entityId: 'n', alias: 'Espin' }, { entityId: 'n', alias: 'Neill Iran' }]) {
      const expected = matcher.withAlias(added.entityId, added.alias).scan(text);
      expect(apply(mentions, scanForAlias(text, added.alias, added.entityId, { matcher, mentions }))).toEqual(expected);
    }
  });
});
