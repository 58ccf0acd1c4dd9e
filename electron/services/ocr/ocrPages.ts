// What is kept and said of the pages OCR read: the per-page record stored with the text
// (offsets made absolute in the document's text), and the import's warnings about them.
import type { OcrPageInfo } from '../../../common/ocr';
import type { OcrResult } from './engine';

/** Below this mean confidence a page's text is said to need checking. */
const DOUBTFUL_PAGE = 70;

/** The record of page `page`, whose text starts at `offset` in the document's text. */
export function ocrPageInfo(page: number, offset: number, read: OcrResult): OcrPageInfo {
  return {
    page,
    confidence: Math.round(read.confidence),
    engine: read.engine,
    languages: read.languages,
    lowConfidence: read.lowConfidence.map(([start, end]) => [start + offset, end + offset]),
  };
}

/** "Pages 1–3 were read by OCR (eng, mean confidence 91%)", and which pages to check. */
export function describeOcr(pages: readonly OcrPageInfo[], pagesWithText: number): string[] {
  const numbers = pages.map((p) => p.page);
  const mean = Math.round(pages.reduce((sum, p) => sum + p.confidence, 0) / pages.length);
  const languages = [...new Set(pages.map((p) => p.languages))].join('; ');
  const which = pages.length === pagesWithText ? (pages.length === 1 ? 'the text was' : `all ${pages.length} pages were`) : `${pageWords(numbers)} ${numbers.length === 1 ? 'was' : 'were'}`;
  const out = [`${capitalize(which)} read by OCR (${languages}; mean confidence ${mean}%)`];
  const doubtful = pages.filter((p) => p.confidence < DOUBTFUL_PAGE).map((p) => p.page);
  if (doubtful.length) out.push(`${capitalize(pageWords(doubtful))} ${doubtful.length === 1 ? 'was' : 'were'} read with low confidence: check the text against the original`);
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "page 3", "pages 3–5, 9" */
export function pageWords(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  const shown = ranges.length > 8 ? [...ranges.slice(0, 8), `and ${ranges.length - 8} more`] : ranges;
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown.join(', ')}`;
}
