// Stemming for search, by the source's language: Spanish (Snowball Spanish), so
// "sanciones" finds "sanción" in a Spanish source, English (Snowball English, "Porter 2"),
// so "sanction" finds "sanctions" and "sanctioned" in an English one, and Russian (Snowball
// Russian), so "санкции" finds "санкций" and "санкциями", and "Патрушев" finds "Патрушева".
// The index is not stemmed (a stemmed copy would double it: issue #12's disk target):
// the query is. A word becomes the forms of its stem that the stemmer agrees on — its
// stem with the usual endings of the language added, each kept only if it stems the same
// way — looked for in the sources of that language alone (db/searchQuery.ts).
import { newStemmer } from 'snowball-stemmers';
import { foldScripts } from '../common/scriptFold';

export type StemLanguage = 'en' | 'es' | 'ru';

/**
 * The languages whose sources are searched with stemming. Every form is one more list the
 * index merges: on bench:search's English corpus (10,000 sources) English stemming first
 * took word queries to 1.35–1.73× the raw FTS5 query. Two things brought them to
 * 1.26–1.37× (geomean 1.13× p50): only the forms the index holds are asked for
 * (db/vocabulary.ts), and a workspace all in one language skips the `lang` guard, whose
 * list covers every source (db/searchQuery.ts render).
 */
export const STEMMED: readonly StemLanguage[] = ['es', 'en', 'ru'];

const STEMMERS: Record<StemLanguage, { stem(word: string): string }> = { en: newStemmer('english'), es: newStemmer('spanish'), ru: newStemmer('russian') };

/** Endings tried after a stem: a form is kept only if it stems back to the same stem. */
// Each form is one more term the index is asked for, so only the common inflections.
const ENDINGS: Record<StemLanguage, readonly string[]> = {
  en: ['', 'e', 's', 'es', 'ed', 'ing', 'er', 'ers'],
  es: ['', 's', 'es', 'a', 'as', 'o', 'os', 'ar', 'er', 'ir', 'ado', 'ada', 'ados', 'adas', 'ido', 'ida', 'ando', 'iendo'],
  // Russian declines nouns, names and adjectives through six cases: the case endings of
  // both numbers, the adjectival ones, and the past tense and present of verbs.
  ru: [
    ...['', 'а', 'я', 'у', 'ю', 'ом', 'ем', 'ой', 'ей', 'е', 'и', 'ы', 'ов', 'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ия', 'ии', 'ию', 'ий', 'ией', 'иям', 'иями', 'иях'],
    ...['ый', 'ая', 'ое', 'ые', 'ого', 'ему', 'ому', 'ых', 'их', 'ым', 'им', 'ыми', 'ими', 'ую', 'ой'],
    ...['ть', 'л', 'ла', 'ло', 'ли', 'ет', 'ют', 'ут', 'ит', 'ат', 'ят', 'ение', 'ения', 'ении'],
  ],
};

/** The stem languages of a language tag (es, es-MX → es), or null for a language without stemming. */
export function stemLanguage(tag: string | null): StemLanguage | null {
  const base = tag?.split('-')[0].toLowerCase();
  return base === 'en' || base === 'es' || base === 'ru' ? base : null;
}

const ACCENTS = /\p{M}/gu;
// Latin accents go, as the index's tokenizer drops them; Cyrillic keeps its letters (the
// tokenizer keeps й, and folds only ё to е with the other script folds: common/scriptFold.ts).
const fold = (w: string, language: StemLanguage) =>
  language === 'ru' ? foldScripts(w.toLowerCase()) : w.normalize('NFD').replace(ACCENTS, '').toLowerCase();

/**
 * The forms a word stands for in a language (itself first), folded as the index folds
 * them; just the word when it has no other form or is not a word of letters.
 */
export function wordForms(word: string, language: StemLanguage): string[] {
  const w = fold(word, language);
  if (!/^\p{L}{3,}$/u.test(w)) return [w];
  if (language === 'ru' && !/^\p{Script=Cyrillic}+$/u.test(w)) return [w];
  const stemmer = STEMMERS[language];
  const stem = fold(stemmer.stem(w), language);
  const forms = new Set<string>([w]);
  const bases = [stem];
  // English doubles a final consonant before -ing/-ed (run → running, ban → banned).
  if (language === 'en' && /[bdgklmnprt]$/.test(stem)) bases.push(stem + stem.at(-1));
  // Russian surnames in -ев/-ов/-ин: Snowball takes "Патрушев" to "патруш" but its cases
  // ("Патрушева", "Патрушеву") to "патрушев", so the name itself is a base too, and a form
  // that stems to the word typed belongs with it; and a case typed ("Патрушева") finds the
  // name its stem spells ("Патрушев").
  const stems = new Set([stem]);
  if (language === 'ru') {
    bases.push(w);
    stems.add(w);
    if (stem.length >= 3 && stem !== w) forms.add(stem);
  }
  for (const base of bases) for (const ending of ENDINGS[language]) {
    const form = base + ending;
    if (form.length >= 3 && !forms.has(form) && stems.has(fold(stemmer.stem(form), language))) forms.add(form);
  }
  return [...forms];
}
