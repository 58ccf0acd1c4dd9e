import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../common/direction';

describe('textDirection: the first strong letter decides, as dir="auto" does', () => {
  it.each([
    ['Arabic', 'قال المسؤولون إن الميناء أغلق', 'rtl'],
    ['Persian', 'بندر عباس روز دوشنبه بسته شد', 'rtl'],
    ['Hebrew', 'הנמל נסגר ביום שני', 'rtl'],
    ['English', 'The port closed on Monday', 'ltr'],
    ['Russian', 'Патрушев заявил', 'ltr'],
    ['Chinese', '港口周一关闭', 'ltr'],
    ['digits and punctuation before Arabic', '2024 — «الميناء»', 'rtl'],
    ['English before Arabic', 'Tartus (طرطوس)', 'ltr'],
    ['Arabic presentation forms', 'ﻣﻴﻨﺎء', 'rtl'],
  ] as const)('%s', (_, text, expected) => {
    expect(textDirection(text)).toBe(expected);
  });

  it('no letter at all: null', () => {
    expect(textDirection('12:30 — 4%')).toBeNull();
    expect(textDirection('')).toBeNull();
  });
});
