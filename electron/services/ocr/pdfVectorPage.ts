// The picture of a PDF page drawn with paths, for OCR: text converted to outlines (as
// print-ready files, some redacted releases and many posters have it) has no text layer and
// no image, so neither the text nor the scan finder (pdfPageScan.ts) has anything to read.
// Drawing pages needs a canvas package with native binaries (see pdfPageScan.ts), so the
// page's filled paths are painted here instead, in grey, at the resolution OCR reads best:
// each path flattened to line segments in device space and filled by scanlines with its
// own rule (non-zero or even-odd) and colour, one sample per pixel. Strokes, clipping,
// shadings and text drawn with fonts are left out: outlined letters are fills.
import { multiply, walkOperators, type Matrix } from './pdfOperators';
import type { PageScan, PdfPageLike } from './pdfPageScan';
import { checkSize, type Raster } from './raster';

/** The resolution pages are painted at (Tesseract reads 300 dpi best). */
export const VECTOR_DPI = 300;
/** A page larger than this is painted at a lower resolution rather than refused. */
const MAX_PAGE_PIXELS = 50_000_000;
/** Points (after flattening) read from one page: past this the page is not painted. */
const MAX_POINTS = 4_000_000;
/** Below this share of dark pixels the painted page is taken as blank. */
const MIN_INK = 0.0005;
/** pdf.js's path segments (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CUBIC = 2;
const QUADRATIC = 3;
const CLOSE = 4;

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A path's edges in device pixels: curves flattened, every subpath closed (as a fill closes it). */
function edgesOf(path: ArrayLike<number>, m: Matrix, budget: { points: number }): Edge[] | null {
  const edges: Edge[] = [];
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  let open = false;
  const to = (px: number, py: number) => [m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5]] as const;
  const lineTo = (nx: number, ny: number) => {
    if (ny !== y) edges.push({ x0: x, y0: y, x1: nx, y1: ny });
    x = nx;
    y = ny;
  };
  const close = () => {
    if (open) lineTo(startX, startY);
    open = false;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === MOVE) {
      close();
      [x, y] = to(path[i], path[i + 1]);
      [startX, startY] = [x, y];
      open = true;
      i += 2;
    } else if (op === LINE) {
      const [nx, ny] = to(path[i], path[i + 1]);
      lineTo(nx, ny);
      i += 2;
    } else if (op === CUBIC || op === QUADRATIC) {
      const n = op === CUBIC ? 6 : 4;
      const pts = [] as number[];
      for (let k = 0; k < n; k += 2) pts.push(...to(path[i + k], path[i + k + 1]));
      i += n;
      const [ax, ay] = [x, y];
      // Segments by the control polygon's length: about one per 2 pixels, at least 2, at most 64.
      let length = Math.hypot(pts[0] - ax, pts[1] - ay);
      for (let k = 2; k < pts.length; k += 2) length += Math.hypot(pts[k] - pts[k - 2], pts[k + 1] - pts[k - 1]);
      const steps = Math.max(2, Math.min(64, Math.ceil(length / 2)));
      budget.points += steps;
      if (budget.points > MAX_POINTS) return null;
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const u = 1 - t;
        if (op === CUBIC) {
          const [b0, b1, b2, b3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
          lineTo(b0 * ax + b1 * pts[0] + b2 * pts[2] + b3 * pts[4], b0 * ay + b1 * pts[1] + b2 * pts[3] + b3 * pts[5]);
        } else {
          const [b0, b1, b2] = [u * u, 2 * u * t, t * t];
          lineTo(b0 * ax + b1 * pts[0] + b2 * pts[2], b0 * ay + b1 * pts[1] + b2 * pts[3]);
        }
      }
    } else if (op === CLOSE) close();
    else return null; // not a path pdf.js writes: leave the page unpainted rather than guess
    if (++budget.points > MAX_POINTS) return null;
  }
  close();
  return edges;
}

/** Fills the edges' inside into `gray` with `value`: pixel centres, by the non-zero or even-odd rule. */
export function fillEdges(raster: Raster, edges: readonly Edge[], evenOdd: boolean, value: number): void {
  if (!edges.length) return;
  let top = Infinity;
  let bottom = -Infinity;
  for (const e of edges) {
    top = Math.min(top, e.y0, e.y1);
    bottom = Math.max(bottom, e.y0, e.y1);
  }
  const first = Math.max(0, Math.floor(top));
  const last = Math.min(raster.height - 1, Math.ceil(bottom));
  // Edges by the first row whose centre they cross; the active ones kept while they do.
  const sorted = edges.map((e) => ({ e, from: Math.min(e.y0, e.y1), to: Math.max(e.y0, e.y1) })).sort((a, b) => a.from - b.from);
  let next = 0;
  let active: typeof sorted = [];
  const crossings: { x: number; winding: number }[] = [];
  for (let row = first; row <= last; row++) {
    const yc = row + 0.5;
    while (next < sorted.length && sorted[next].from <= yc) active.push(sorted[next++]);
    active = active.filter((a) => a.to > yc);
    crossings.length = 0;
    for (const { e, from } of active) {
      if (from > yc) continue;
      crossings.push({ x: e.x0 + ((yc - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), winding: e.y1 > e.y0 ? 1 : -1 });
    }
    if (crossings.length < 2) continue;
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    const base = row * raster.width;
    for (let k = 0; k < crossings.length - 1; k++) {
      winding += evenOdd ? 1 : crossings[k].winding;
      const inside = evenOdd ? winding % 2 === 1 : winding !== 0;
      if (!inside) continue;
      // Pixels whose centre lies between the two crossings.
      const from = Math.max(0, Math.ceil(crossings[k].x - 0.5));
      const to = Math.min(raster.width - 1, Math.floor(crossings[k + 1].x - 0.5));
      if (to >= from) raster.gray.fill(value, base + from, base + to + 1);
    }
  }
}

/** The page painted from its filled paths, or null when it has none, or nothing dark, or too much to paint. */
export async function vectorPage(page: PdfPageLike, OPS: Record<string, number>, dpi = VECTOR_DPI): Promise<PageScan | null> {
  const [x0, y0, x1, y1] = page.view;
  const widthPt = Math.abs(x1 - x0);
  const heightPt = Math.abs(y1 - y0);
  if (!(widthPt > 0 && heightPt > 0)) return null;
  // A poster-sized page is painted at a lower resolution, not refused.
  const fit = Math.sqrt(MAX_PAGE_PIXELS / ((widthPt * dpi * heightPt * dpi) / 72 / 72));
  const scale = (dpi / 72) * Math.min(1, fit);
  const width = Math.ceil(widthPt * scale);
  const height = Math.ceil(heightPt * scale);
  checkSize(width, height);
  const device = page.getViewport({ scale }).transform as Matrix;
  const list = await page.getOperatorList();
  const fills: { edges: Edge[]; evenOdd: boolean; gray: number }[] = [];
  const budget = { points: 0 };
  let tooMuch = false;
  const NONZERO = new Set([OPS.fill, OPS.fillStroke, OPS.closeFillStroke]);
  const EVENODD = new Set([OPS.eoFill, OPS.eoFillStroke, OPS.closeEOFillStroke]);
  walkOperators(list, OPS, (fn, args, state) => {
    if (tooMuch || fn !== OPS.constructPath) return;
    // [the painting operator, [the path's segments], its bounding box] (pdf.js ≥ 5).
    const paint = args[0] as number;
    const path = (args[1] as unknown[] | undefined)?.[0];
    if (!(NONZERO.has(paint) || EVENODD.has(paint)) || !path || typeof (path as ArrayLike<number>).length !== 'number') return;
    const edges = edgesOf(path as ArrayLike<number>, multiply(device, state.ctm), budget);
    if (!edges) tooMuch = true;
    else fills.push({ edges, evenOdd: EVENODD.has(paint), gray: state.fillGray });
  });
  if (tooMuch || !fills.length) return null;
  const raster: Raster = { width, height, gray: new Uint8Array(width * height).fill(255) };
  for (const f of fills) fillEdges(raster, f.edges, f.evenOdd, f.gray);
  let ink = 0;
  for (let i = 0; i < raster.gray.length; i++) if (raster.gray[i] < 128) ink++;
  if (ink / raster.gray.length < MIN_INK) return null;
  return { raster, dpi: scale * 72 };
}
