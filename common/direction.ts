// The direction of a passage as browsers judge `dir="auto"` and Lexical judges a block:
// from its first strong letter. Right to left when that letter is of a script written
// right to left (Arabic and Persian, Hebrew, Syriac, Thaana, N'Ko and the rest); left to
// right for any other letter; null when there is no letter at all (digits, punctuation).
// Used where no browser decides for us: the briefs made from Markdown, Word's paragraphs.

// Strong right-to-left letters: the RTL scripts' blocks, their presentation forms, and
// the supplementary RTL blocks (Imperial Aramaic … Mende Kikakui, Adlam, Arabic math).
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LETTER = /\p{L}/u;

export type TextDirection = 'ltr' | 'rtl';

export function textDirection(text: string): TextDirection | null {
  for (const ch of text) {
    if (RTL.test(ch) && LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return null;
}
