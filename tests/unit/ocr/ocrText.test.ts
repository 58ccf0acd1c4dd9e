// The parts of OCR that need no engine: which PDF text layers are kept (textQuality.ts),
// and how the engine's words become a page's text with its uncertain words (ocrText.ts).
import { describe, expect, it } from 'vitest';
import { assessPageText } from '../../../electron/services/ocr/textQuality';
import { buildOcrText, parseTsv, type OcrWord } from '../../../electron/services/ocr/ocrText';
import { shiftedLetters } from '../../helpers/scan';

describe('a PDF page’s text layer', () => {
  it('is kept when it reads as words, in any script', () => {
    for (const text of [
      'The harbour board approved the concession on Tuesday, after a long debate about the cranes.',
      'La junta portuaria aprobó la concesión el martes, después de un largo debate sobre las grúas.',
      'Совет порта одобрил концессию во вторник после долгих споров о кранах.',
      'قال مسؤولون في دمشق يوم الاثنين إن ميناء طرطوس أغلق أمام السفن التجارية.',
      '部长说，在谈判恢复之前，制裁将继续有效。海关官员检查了四十个集装箱。',
      'وقال الوزير، في مؤتمر صحفي، إن العقوبات ستبقى سارية؛ فهل تتغير السياسة؟',
      '港湾局は火曜日、長い議論の末に、コンテナ検査の拡大を承認した。',
    ]) {
      expect(assessPageText(text).verdict, text).toBe('good');
    }
  });

  it('is empty when it has a page number or a stamp at most, garbage when its letters are not the printed ones', () => {
    expect(assessPageText('').verdict).toBe('empty');
    expect(assessPageText('  12  ').verdict).toBe('empty');
    expect(assessPageText(shiftedLetters('The harbour board approved the concession on Tuesday, after a long debate about the cranes and the screening of containers.')).verdict).toBe('garbage');
    expect(assessPageText('\uE001\uE002\uE003 \uE004\uE005 \uE006\uE007\uE008\uE009 \uE00A\uE00B\uE00C \uE00D\uE00E\uE00F\uE010').verdict).toBe('garbage');
    expect(assessPageText('#$%& *@! ~^^~ {}|| <<>> ++== %%$$ ##@@ !!**').verdict).not.toBe('good');
  });
});

describe('the engine’s words → the page’s text', () => {
  const word = (block: number, paragraph: number, line: number, text: string, confidence = 95): OcrWord => ({ block, paragraph, line, confidence, text });

  it('joins words with spaces, lines with a line break, paragraphs with a blank line, and a word hyphenated at a line end', () => {
    const built = buildOcrText([word(1, 1, 1, 'The'), word(1, 1, 1, 'infor-'), word(1, 1, 2, 'mation'), word(1, 1, 2, 'arrived.'), word(1, 2, 1, 'Customs'), word(1, 2, 1, 'agreed.')]);
    expect(built.text).toBe('The information arrived.\n\nCustoms agreed.');
    expect(built.lowConfidence).toEqual([]);
  });

  it('marks the words read with low confidence where they are in the text', () => {
    const built = buildOcrText([word(1, 1, 1, 'The'), word(1, 1, 1, 'concesion', 41), word(1, 1, 1, 'was'), word(1, 1, 2, 'signed.', 12)]);
    expect(built.text).toBe('The concesion was\nsigned.');
    expect(built.lowConfidence.map(([a, b]) => built.text.slice(a, b))).toEqual(['concesion', 'signed.']);
  });

  it('reads Tesseract’s TSV: word rows only, with their block, paragraph, line and confidence', () => {
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t', '5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tHarbour', '5\t1\t1\t1\t1\t2\t60\t10\t30\t12\t55\tboard'].join('\n');
    expect(parseTsv(tsv)).toEqual([
      { block: 1, paragraph: 1, line: 1, confidence: 96.5, text: 'Harbour' },
      { block: 1, paragraph: 1, line: 1, confidence: 55, text: 'board' },
    ]);
  });
});
