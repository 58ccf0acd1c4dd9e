import { describe, expect, test } from 'vitest';
import { blockIndexAt, blocksOf, pageLabel, pageMarksOf, segmentsOf } from '../../../renderer/src/reader/layout';
import { highlightStyle, tagHue } from '../../../renderer/src/reader/colors';

describe('blocks of a source’s text', () => {
  test('paragraphs split on blank lines, offsets exact', () => {
    const text = 'Title\n\nFirst paragraph.\nSecond line.\n\n\n\nLast.';
    const blocks = blocksOf(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Title', 'First paragraph.\nSecond line.', 'Last.']);
    expect(blocks.map((b) => b.lineBreaks)).toEqual([0, 1, 0]);
    expect(blocks.every((b) => !b.continued)).toBe(true);
  });

  test('a long paragraph is split at line breaks, else after spaces, else at the limit — no character lost but the break', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(30)}`).join('\n');
    const blocks = blocksOf(lines, 200);
    expect(blocks.length).toBeGreaterThan(4);
    expect(blocks.every((b) => b.end - b.start <= 200)).toBe(true);
    expect(blocks.slice(1).every((b) => b.continued)).toBe(true);
    // Joined back with the line breaks between them, they are the paragraph.
    expect(blocks.map((b) => lines.slice(b.start, b.end)).join('\n')).toBe(lines);

    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const byWords = blocksOf(words, 120);
    expect(byWords.map((b) => words.slice(b.start, b.end)).join('')).toBe(words);
    expect(byWords.slice(0, -1).every((b) => words[b.end - 1] === ' ')).toBe(true);

    const solid = 'y'.repeat(1000);
    expect(blocksOf(solid, 300).map((b) => b.end - b.start)).toEqual([300, 300, 300, 100]);
  });

  test('blockIndexAt finds the block holding an offset, or the next one after a separator', () => {
    const text = 'aaa\n\nbbb\n\nccc';
    const blocks = blocksOf(text);
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, 2)).toBe(0);
    expect(blockIndexAt(blocks, 3)).toBe(1);
    expect(blockIndexAt(blocks, 5)).toBe(1);
    expect(blockIndexAt(blocks, 12)).toBe(2);
    expect(blockIndexAt([], 3)).toBe(-1);
  });
});

describe('segments', () => {
  test('cut at every mark boundary inside the block, each knowing its marks', () => {
    const block = { start: 10, end: 30 };
    const segments = segmentsOf(
      block,
      [
        { id: 'a', start: 12, end: 20 },
        { id: 'b', start: 15, end: 40 },
        { id: 'outside', start: 0, end: 5 },
      ],
      [25],
    );
    expect(segments).toEqual([
      { start: 10, end: 12, ids: [] },
      { start: 12, end: 15, ids: ['a'] },
      { start: 15, end: 20, ids: ['a', 'b'] },
      { start: 20, end: 25, ids: ['b'] },
      { start: 25, end: 30, ids: ['b'] },
    ]);
  });
});

describe('page marks', () => {
  test('a page starting with a block marks the block; one starting inside a block, the offset', () => {
    const text = 'one\n\ntwo and three\n\nfour';
    const blocks = blocksOf(text);
    const pages = [
      { page: 1, start: 0 },
      { page: 2, start: 5 },
      { page: 3, start: text.indexOf('three') },
      { page: 4, start: text.indexOf('four') - 1 },
    ];
    const marks = pageMarksOf(blocks, pages);
    expect([...marks.atBlock]).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
    expect(marks.inBlock.get(1)).toEqual([{ offset: text.indexOf('three'), page: 3 }]);
    expect(pageMarksOf(blocks, null).atBlock.size).toBe(0);
  });

  test('a page read by OCR says so on its marker, with its confidence; the others do not', () => {
    const marks = pageMarksOf([], [{ page: 1, start: 0 }], [{ page: 2, confidence: 92.6 }]);
    expect(pageLabel(2, marks.ocr)).toEqual({ label: 'p. 2 · OCR 93%', name: 'Page 2, read by OCR, confidence 93%' });
    expect(pageLabel(1, marks.ocr)).toEqual({ label: 'p. 1', name: 'Page 1' });
  });
});

describe('highlight colours', () => {
  test('a tag has one stable hue, whatever its case; no tag is neutral', () => {
    expect(tagHue('military/drones')).toBe(tagHue('Military/Drones'));
    expect(tagHue(undefined)).toBeNull();
    const hues = new Set(['alpha', 'beta', 'gamma', 'delta', 'logistics', 'timeline', 'customs', 'screening'].map(tagHue));
    expect(hues.size).toBeGreaterThan(3);
  });

  test('overlapping excerpts layer their fills and stack their underlines', () => {
    const style = highlightStyle([212, null]);
    expect(style['--hl-fill'].match(/linear-gradient/g)).toHaveLength(2);
    expect(style['--hl-lines']).toMatch(/^inset 0 -2px 0 hsl\(40 .*inset 0 -4px 0 hsl\(212 /);
  });
});
