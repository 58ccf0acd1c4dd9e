// The vector painter (electron/services/ocr/pdfVectorPage.ts) on operator lists as pdf.js
// builds them: Bézier circles filled by the non-zero and even-odd rules, a white fill
// painting over black, and a page with nothing dark taken as blank.
import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { vectorPage } from '../../../electron/services/ocr/pdfVectorPage';
import type { PdfPageLike } from '../../../electron/services/ocr/pdfPageScan';

const ops = OPS as unknown as Record<string, number>;
const [MOVE, CUBIC, CLOSE] = [0, 2, 4];
const K = 0.5522847498;

/** A circle as four cubic arcs (clockwise when `reverse`), in pdf.js's path encoding. */
function circle(cx: number, cy: number, r: number, reverse = false): number[] {
  const k = r * K;
  const arcs = [
    [cx + k, cy + r, cx + r, cy + k, cx + r, cy],
    [cx + r, cy - k, cx + k, cy - r, cx, cy - r],
    [cx - k, cy - r, cx - r, cy - k, cx - r, cy],
    [cx - r, cy + k, cx - k, cy + r, cx, cy + r],
  ];
  if (!reverse) return [MOVE, cx, cy + r, ...arcs.flatMap((a) => [CUBIC, ...a]), CLOSE];
  // The same circle the other way round: each arc's control points and ends reversed.
  const points = [[cx, cy + r], ...arcs.map((a) => [a[4], a[5]])];
  const back: number[] = [MOVE, cx, cy + r];
  for (let i = arcs.length - 1; i >= 0; i--) back.push(CUBIC, arcs[i][2], arcs[i][3], arcs[i][0], arcs[i][1], points[i][0], points[i][1]);
  return [...back, CLOSE];
}

/** A one-inch page whose operator list is `steps`: [operator, args]. */
function page(steps: [number, unknown[]][]): PdfPageLike {
  return {
    view: [0, 0, 72, 72],
    rotate: 0,
    getViewport: ({ scale }) => ({ transform: [scale, 0, 0, -scale, 0, 72 * scale] }),
    getOperatorList: async () => ({ fnArray: steps.map((s) => s[0]), argsArray: steps.map((s) => s[1]) }),
    objs: { get: () => undefined, has: () => false },
  };
}
const fill = (rule: number, path: number[], color = '#000000'): [number, unknown[]][] => [
  [ops.setFillRGBColor, [color]],
  [ops.constructPath, [rule, [new Float32Array(path)], null]],
];
const ink = (gray: Uint8Array) => gray.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);

describe('painting a page from its paths', () => {
  it('fills a Bézier circle to its area, at 300 dpi', async () => {
    const scan = (await vectorPage(page(fill(ops.fill, circle(36, 36, 18))), ops))!;
    expect(scan).toMatchObject({ dpi: 300, raster: { width: 300, height: 300 } });
    const r = 18 * (300 / 72);
    expect(ink(scan.raster.gray) / (Math.PI * r * r)).toBeCloseTo(1, 1);
  });

  it('a ring: even-odd leaves the hole, non-zero leaves it only when the inner circle turns the other way', async () => {
    const outer = 18 * (300 / 72);
    const inner = 9 * (300 / 72);
    const ring = Math.PI * (outer * outer - inner * inner);
    const disc = Math.PI * outer * outer;
    const evenOdd = (await vectorPage(page(fill(ops.eoFill, [...circle(36, 36, 18), ...circle(36, 36, 9)])), ops))!;
    expect(ink(evenOdd.raster.gray) / ring).toBeCloseTo(1, 1);
    const sameWay = (await vectorPage(page(fill(ops.fill, [...circle(36, 36, 18), ...circle(36, 36, 9)])), ops))!;
    expect(ink(sameWay.raster.gray) / disc).toBeCloseTo(1, 1);
    const otherWay = (await vectorPage(page(fill(ops.fill, [...circle(36, 36, 18), ...circle(36, 36, 9, true)])), ops))!;
    expect(ink(otherWay.raster.gray) / ring).toBeCloseTo(1, 1);
  });

  it('paints in each fill’s colour: white over black erases, and a page of white fills is blank', async () => {
    const erased = (await vectorPage(page([...fill(ops.fill, circle(36, 36, 18)), ...fill(ops.fill, circle(36, 36, 9), '#ffffff')]), ops))!;
    const r = (x: number) => x * (300 / 72);
    expect(ink(erased.raster.gray) / (Math.PI * (r(18) ** 2 - r(9) ** 2))).toBeCloseTo(1, 1);
    expect(await vectorPage(page(fill(ops.fill, circle(36, 36, 18), '#ffffff')), ops)).toBeNull();
    // Strokes are not fills (a table's rules, an underline).
    expect(await vectorPage(page([[ops.constructPath, [ops.stroke, [new Float32Array(circle(36, 36, 18))], null]]]), ops)).toBeNull();
  });
});
