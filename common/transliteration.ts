// Russian Cyrillic and its Latin transliteration, so that "Patrushev" finds "Патрушев"
// and the reverse. The scheme is BGN/PCGN (1947) simplified as English-language press
// writes it: no apostrophes for ь/ъ, ё as e, й and ы both y, and е/э both e.
// Cyrillic → Latin is one answer; Latin → Cyrillic is ambiguous (e is е or э, y is й or
// ы, ts is ц or тс), so it gives the few spellings the scheme could have come from.

const TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin letter groups, longest first, and the Cyrillic each may stand for. */
const FROM_LATIN: readonly [string, readonly string[]][] = [
  ['shch', ['щ']],
  ['kh', ['х']],
  ['zh', ['ж']],
  ['ts', ['ц', 'тс']],
  ['ch', ['ч']],
  ['sh', ['ш']],
  ['yu', ['ю']],
  ['ya', ['я']],
  ['iy', ['ий']],
  ['yy', ['ый']],
  ['ye', ['е', 'ые']],
  // Press spellings of -ай, -ей, -ой ("Nikolai", "Alexei", "Tolstoi").
  ['ai', ['ай', 'аи']],
  ['ei', ['ей', 'еи']],
  ['oi', ['ой', 'ои']],
  ['a', ['а']], ['b', ['б']], ['v', ['в']], ['g', ['г']], ['d', ['д']], ['e', ['е', 'э']],
  ['z', ['з']], ['i', ['и']], ['y', ['й', 'ы']], ['k', ['к']], ['l', ['л']], ['m', ['м']],
  ['n', ['н']], ['o', ['о']], ['p', ['п']], ['r', ['р']], ['s', ['с']], ['t', ['т']],
  ['u', ['у']], ['f', ['ф']],
];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z]+$/;

/** Whether the word has Cyrillic letters. */
export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** A Russian word in Latin letters (lower case); letters of no Russian mapping are kept. */
export function cyrillicToLatin(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += TO_LATIN[ch] ?? ch;
  return out;
}

/**
 * The Cyrillic spellings a Latin word (any case) may be the transliteration of, at most
 * `max` of them, most likely first (fewest second choices: e as э, y as ы, "iy" read as
 * и + y… — "Kiriyenko" is кириенко, not кирийенко); none when it has a letter the scheme
 * never writes (c, h alone, j, q, w, x…), which is most English words.
 */
export function latinToCyrillic(word: string, max = 8): string[] {
  const w = word.toLowerCase();
  if (!LATIN_WORD.test(w)) return [];
  const found: { spelling: string; cost: number }[] = [];
  // Every reading, depth first, until enough are found (a word has few; the cap guards a long one).
  const walk = (i: number, spelling: string, cost: number) => {
    if (found.length >= 256) return;
    if (i === w.length) {
      found.push({ spelling, cost });
      return;
    }
    let choice = 0;
    for (const [latin, cyrillic] of FROM_LATIN) {
      if (!w.startsWith(latin, i)) continue;
      cyrillic.forEach((c, k) => walk(i + latin.length, spelling + c, cost + choice + k));
      choice++;
    }
  };
  walk(0, '', 0);
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.cost - b.cost)
    .map((f) => f.spelling)
    .filter((s) => !seen.has(s) && seen.add(s))
    .slice(0, max);
}

/**
 * The Cyrillic spellings of a name written in Latin letters, word by word (at most `max`,
 * most likely first), for the mention scan of an entity that asks for them; none when a
 * word of it has no Russian reading ("Nikolai Patrushev" → "николаи патрушев", …).
 */
export function cyrillicSpellingsOfName(name: string, max = 8): string[] {
  const words = name.trim().split(/\s+/);
  let spellings = [''];
  for (const word of words) {
    const options = latinToCyrillic(word, max);
    if (!options.length) return [];
    const next: string[] = [];
    for (const s of spellings) for (const o of options) if (next.length < max) next.push(s ? `${s} ${o}` : o);
    spellings = next;
  }
  return spellings;
}
