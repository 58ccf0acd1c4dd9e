import { describe, expect, it } from 'vitest';
import { russianCases } from '../../../common/russianCases';

describe('a Russian name in its other cases', () => {
  it('declines surnames, first names and both together, each word in the same case', () => {
    expect(russianCases('Патрушев')).toEqual(['Патрушева', 'Патрушеву', 'Патрушевым', 'Патрушеве']);
    expect(russianCases('Захарова')).toEqual(['Захаровой', 'Захарову']);
    expect(russianCases('Николай Патрушев')).toEqual(['Николая Патрушева', 'Николаю Патрушеву', 'Николаем Патрушевым', 'Николае Патрушеве']);
    expect(russianCases('Мария Захарова')).toContain('Марии Захаровой');
    expect(russianCases('Мария Захарова')).toContain('Марию Захарову');
    expect(russianCases('Дмитрий Песков')).toContain('Дмитрия Пескова');
    expect(russianCases('Игорь Сечин')).toContain('Игорем Сечиным');
    expect(russianCases('Андрей Белоусов')).toContain('Андрею Белоусову');
    expect(russianCases('Вячеслав Володин')).toContain('Вячеславом Володиным');
    expect(russianCases('Дзержинский')).toEqual(['Дзержинского', 'Дзержинскому', 'Дзержинским', 'Дзержинском']);
    expect(russianCases('Римский-Корсаков')).toContain('Римский-Корсакова');
  });

  it('leaves alone names that do not decline, and names not in Cyrillic', () => {
    expect(russianCases('Шойгу')).toEqual([]);
    expect(russianCases('Кириенко')).toEqual([]);
    expect(russianCases('Сергей Шойгу')).toEqual(['Сергея Шойгу', 'Сергею Шойгу', 'Сергеем Шойгу', 'Сергее Шойгу']);
    expect(russianCases('Patrushev')).toEqual([]);
    expect(russianCases('Hezbollah Патрушев')).toEqual([]);
    expect(russianCases('')).toEqual([]);
  });
});
