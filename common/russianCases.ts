// A Russian name in its other cases, for the mention scan: Russian text writes "Николай
// Патрушев" as "Николая Патрушева" (genitive), "Патрушеву" (dative), "Патрушевым"
// (instrumental), "о Патрушеве" (prepositional), so a name looked for only as written
// misses most of its mentions. Each word of the name is declined by its ending, all words
// in the same case, as names of people are; words of no known pattern (Шойгу, Кириенко,
// foreign names ending in a vowel) do not decline. Search finds such forms by stemming
// (db/stemming.ts); a name's forms are few and exact, so the scan looks for them as aliases.

/** The five oblique cases: genitive, dative, accusative, instrumental, prepositional. */
type Cases = readonly [string, string, string, string, string];

/** After these letters Russian writes и for ы, and е for unstressed о in -ом. */
const HUSHING = /[гкхжшчщ]$/;
const SIBILANT = /[жшчщц]$/;

/** The word's five oblique forms (lower case), or null when it does not decline. */
function declineWord(word: string): Cases | null {
  const w = word;
  const stem = (n: number) => w.slice(0, w.length - n);
  // Surnames: -ов/-ев/-ёв/-ин/-ын (masculine), -ова/-ева/-ина/-ына (feminine).
  if (/(ов|ев|ёв|ин|ын)$/.test(w)) return [w + 'а', w + 'у', w + 'а', w + 'ым', w + 'е'];
  if (/(ова|ева|ёва|ина|ына)$/.test(w)) return [stem(1) + 'ой', stem(1) + 'ой', stem(1) + 'у', stem(1) + 'ой', stem(1) + 'ой'];
  // Adjectival surnames: -ский/-цкий/-ой (masculine), -ская/-цкая (feminine).
  if (/(ск|цк)ий$/.test(w)) return [stem(2) + 'ого', stem(2) + 'ому', stem(2) + 'ого', stem(2) + 'им', stem(2) + 'ом'];
  if (/(ск|цк)ая$/.test(w)) return [stem(2) + 'ой', stem(2) + 'ой', stem(2) + 'ую', stem(2) + 'ой', stem(2) + 'ой'];
  // First names and nouns: -ий (Дмитрий), -ия (Мария), -й (Николай, Сергей), -ь (Игорь).
  if (w.endsWith('ий')) return [stem(1) + 'я', stem(1) + 'ю', stem(1) + 'я', stem(1) + 'ем', stem(1) + 'и'];
  if (w.endsWith('ия')) return [stem(1) + 'и', stem(1) + 'и', stem(1) + 'ю', stem(1) + 'ей', stem(1) + 'и'];
  if (w.endsWith('й')) return [stem(1) + 'я', stem(1) + 'ю', stem(1) + 'я', stem(1) + 'ем', stem(1) + 'е'];
  if (w.endsWith('ь')) return [stem(1) + 'я', stem(1) + 'ю', stem(1) + 'я', stem(1) + 'ем', stem(1) + 'е'];
  // -а (Анна, Никита), -я (Илья, Татьяна's diminutives).
  if (w.endsWith('а')) {
    const s = stem(1);
    return [s + (HUSHING.test(s) ? 'и' : 'ы'), s + 'е', s + 'у', s + (SIBILANT.test(s) ? 'ей' : 'ой'), s + 'е'];
  }
  if (w.endsWith('я')) return [stem(1) + 'и', stem(1) + 'е', stem(1) + 'ю', stem(1) + 'ей', stem(1) + 'е'];
  // A hard consonant (Иван, Владимир, Лавров's first name Сергей is above).
  if (/[бвгдзклмнпрстфхжшчщц]$/.test(w)) return [w + 'а', w + 'у', w + 'а', w + (SIBILANT.test(w) ? 'ем' : 'ом'), w + 'е'];
  return null;
}

const CYRILLIC_WORD = /^[\u0400-\u04FF]+(-[\u0400-\u04FF]+)*$/;

/**
 * The name's other cases, each word in the same case ("Николай Патрушев" → "Николая
 * Патрушева", …), in the name's own capitals; none when it is not Russian Cyrillic or no
 * word of it declines. A hyphenated word declines its last part (Римский-Корсаков → -Корсакова).
 */
export function russianCases(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (!words.length || !words.every((w) => CYRILLIC_WORD.test(w))) return [];
  const declined = words.map((word) => {
    const parts = word.split('-');
    const last = parts[parts.length - 1];
    const cases = declineWord(last.toLowerCase());
    if (!cases) return null;
    // The capitals as written: the first letter's case kept.
    const capital = last[0] !== last[0].toLowerCase();
    return cases.map((c) => [...parts.slice(0, -1), capital ? c[0].toUpperCase() + c.slice(1) : c].join('-'));
  });
  if (declined.every((d) => d === null)) return [];
  const forms = new Set<string>();
  for (let c = 0; c < 5; c++) forms.add(words.map((w, i) => declined[i]?.[c] ?? w).join(' '));
  forms.delete(name.trim());
  return [...forms];
}
