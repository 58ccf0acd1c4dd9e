// A PDF page's operator list (as pdf.js builds it) walked with the graphics state that
// matters for finding what a page shows: the current transformation matrix and the fill
// colour, saved and restored with q/Q and around form XObjects. The scan finder (an image
// covering the page: pdfPageScan.ts) and the vector painter (a page drawn with paths:
// pdfVectorPage.ts) both read pages through it.

export type Matrix = [number, number, number, number, number, number];

export interface DrawState {
  ctm: Matrix;
  /** The fill colour's grey (0 black … 255 white), as it prints. */
  fillGray: number;
}

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** pdf.js gives every fill colour as "#rrggbb" (setFillRGBColor); its grey, by luma. */
function grayOfHex(hex: unknown): number | null {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return Math.round((r * 299 + g * 587 + b * 114) / 1000);
}

/** Calls `visit` for each drawing operator with the state it draws in (state operators are applied, not visited). */
export function walkOperators(list: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>, visit: (fn: number, args: unknown[], state: DrawState) => void): void {
  let state: DrawState = { ctm: [1, 0, 0, 1, 0, 0], fillGray: 0 };
  const stack: DrawState[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(state);
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state = { ...state, ctm: multiply(state.ctm, args as Matrix) };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fillGray: grayOfHex(args[0]) ?? state.fillGray };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state);
      if (Array.isArray(args[0]) && args[0].length === 6) state = { ...state, ctm: multiply(state.ctm, args[0] as Matrix) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else visit(fn, args, state);
  }
}
