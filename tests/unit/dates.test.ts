import { describe, expect, it } from 'vitest';
import { datesIn, sentenceAround } from '../../electron/services/dates';

describe('datesIn', () => {
  it('offers the dates a passage names, most precise first', () => {
    expect(datesIn('On 12 March 2024 the ship left; by March 2025 it was back, as in 2019.')).toEqual(['2024-03-12', '2025-03', '2019']);
    expect(datesIn('Filed on 2023-11-05 and reviewed on November 7, 2023.')).toEqual(['2023-11-05', '2023-11-07']);
  });

  it('ignores what is not a date', () => {
    // No 31 February: what remains is the month it names.
    expect(datesIn('Invoice 12345 for 3,000 containers on 31 February 2024.')).toEqual(['2024-02']);
    expect(datesIn('No dates here.')).toEqual([]);
  });
});

describe('sentenceAround', () => {
  it('widens a mention to its sentence, within its paragraph', () => {
    const text = 'First line.\n\nThe board met. Tarek El Aissami arrived late. Nobody spoke.';
    const at = text.indexOf('Tarek');
    const { start, end } = sentenceAround(text, at, at + 5);
    expect(text.slice(start, end)).toBe('Tarek El Aissami arrived late.');
  });
});
