// Language codes as a source carries them: an ISO 639-1 (or 639-3) code, with a region or
// script after a hyphen when the document declared one (BCP 47: es, fa, zh-Hant, pt-BR).

const TAG = /^([a-z]{2,3})(-[a-z0-9]{2,8})*$/i;

/** The tag normalized (language lower case, region upper case), or undefined when it is not one. */
export function languageTag(input: string): string | undefined {
  const t = input.trim();
  if (!TAG.test(t)) return undefined;
  const [lang, ...rest] = t.split('-');
  return [lang.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p))].join('-');
}

/** The languages whose words name suggestions (offline name recognition) read: English only. */
export const SUGGESTION_LANGUAGES: readonly string[] = ['en'];

/** Whether a language (a tag) is one name suggestions read; an unknown language counts as one, as before. */
export function suggestionsRead(language: string | null): boolean {
  return language === null || SUGGESTION_LANGUAGES.includes(language.split('-')[0].toLowerCase());
}
