// Punctuation that people, keyboards and typesetters write in several forms: each set's
// characters stand for one another wherever Sourcebook compares text — a quote found in a
// source (electron/services/anchoring/quote.ts), an excerpt re-anchored after the text
// changed (anchoring/reanchor.ts) and a name found as a mention (mentions/fold.ts). One
// table, so a passage and a name written with U+02BC or a full-width apostrophe are treated
// alike everywhere (they used to be apostrophes to the mention scan only).

/** Apostrophes and single quotes: ' ‘ ’ ‚ ‛ ′ ‵ ´ ` ʼ ＇ */
export const APOSTROPHES = "'\u2018\u2019\u201A\u201B\u2032\u2035\u00B4`\u02BC\uFF07";
/** Double quotes: " “ ” „ ‟ ″ ‶ « » ＂ */
export const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\uFF02';
/** Hyphens, dashes and minus signs: - ‐ ‑ ‒ – — ― − ﹘ ﹣ － */
export const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
