import { describe, expect, it } from 'vitest';
import { foldScripts, foldWord, SCRIPT_FOLDS } from '../../../common/scriptFold';
import { FOLDS_OF_LANGUAGES_AND_SCRIPTS } from '../../../db/migrations/018_languages_and_scripts';
import { cyrillicToLatin, latinToCyrillic } from '../../../common/transliteration';
import { cjkIndexText, cjkQuery } from '../../../common/cjk';

describe('folding across scripts', () => {
  it('drops harakat and tatweel and unifies Arabic and Persian letter forms, keeping every offset', () => {
    const text = 'قالَ الوزيرُ: فـــي كتابِ مدرسة، ی ک أحمد إيران آمنة — Ёлка';
    const folded = foldScripts(text);
    expect(folded).toHaveLength(text.length);
    expect(foldWord('الْكِتَابُ')).toBe('الكتاب');
    expect(foldWord('فـــي')).toBe('في');
    expect(foldWord('کتاب')).toBe(foldWord('كتاب'));
    expect(foldWord('مدرسة')).toBe(foldWord('مدرسه'));
    expect(foldWord('أحمد')).toBe('احمد');
    expect(foldWord('Ёлка')).toBe('Елка');
    expect(foldScripts('Latin café stays')).toBe('Latin café stays');
  });

  it('is the same table the search index was built with (migration "languages and scripts")', () => {
    expect(Object.fromEntries(FOLDS_OF_LANGUAGES_AND_SCRIPTS)).toEqual(SCRIPT_FOLDS);
  });

  it('transliterates Russian into Latin (BGN/PCGN, simplified) and back', () => {
    expect(cyrillicToLatin('Патрушев')).toBe('patrushev');
    expect(cyrillicToLatin('Щукин')).toBe('shchukin');
    expect(latinToCyrillic('Patrushev')[0]).toBe('патрушев');
    expect(latinToCyrillic('Nikolay')).toContain('николай');
    expect(latinToCyrillic('Nikolai')[0]).toBe('николай');
    expect(latinToCyrillic('Kiriyenko')).toContain('кириенко');
    expect(latinToCyrillic('Naryshkin')).toContain('нарышкин');
    expect(latinToCyrillic('Alexei')).toEqual([]); // x: no Russian reading in the scheme
    expect(latinToCyrillic('Aleksei')[0]).toBe('алексей');
    expect(latinToCyrillic('Tsar')).toContain('цар');
    expect(latinToCyrillic('containers')).toEqual([]); // c is not in the scheme: most English words have no Cyrillic reading
  });

  it('indexes CJK text as overlapping character pairs and looks a word up as their phrase', () => {
    expect(cjkIndexText('The 中华人民 and 外交')).toBe('中华 华人 人民\n外交');
    expect(cjkIndexText('no CJK here')).toBeNull();
    expect(cjkQuery('人民', false)).toBe('"人民"');
    expect(cjkQuery('中华人民', false)).toBe('"中华 华人 人民"');
  });
});
