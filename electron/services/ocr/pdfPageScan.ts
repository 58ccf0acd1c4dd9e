// The picture of a scanned PDF page, for OCR, without rendering the page: a scanner's PDF
// draws one image (or a few strips) over the whole page, and pdf.js decodes that image
// (JPEG, JBIG2, CCITT, Flate…) in this thread while it builds the page's operator list.
// Drawing pages would need a canvas package with native binaries for each platform, which
// pdf.js's optional @napi-rs/canvas is not on the registry for all of (package.json's
// overrides); what OCR reads on a scanned page is that image anyway.
//
// Only an image covering at least half of the page counts as a picture of the page: a
// photograph in a born-digital article is never read in place of the article's text.
import { fromBits, fromPixels, orient, type Direction, type Raster } from './raster';
import { multiply, walkOperators, type Matrix } from './pdfOperators';

/** pdf.js's ImageKind. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

/** Share of the page an image must cover to be read as the page's picture. */
const MIN_COVERAGE = 0.5;

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

interface ObjectStore {
  get(id: string, callback: (value: unknown) => void): void;
  has(id: string): boolean;
}

/** The parts of a pdf.js page used here. */
export interface PdfPageLike {
  view: number[];
  rotate: number;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: ObjectStore;
  commonObjs?: ObjectStore;
  getViewport(options: { scale: number }): { transform: number[] };
}

export interface PageScan {
  raster: Raster;
  /** The picture's resolution on the page (pixels per inch along its width). */
  dpi: number;
}

/** Where a vector points on the page (device space, y down), to the nearest of four directions. */
function direction(x: number, y: number): Direction {
  return Math.abs(x) >= Math.abs(y) ? (x >= 0 ? 'right' : 'left') : y >= 0 ? 'down' : 'up';
}

/** The decoded image `id`, from the page's objects or the document's (images shared between pages). */
function imageObject(page: PdfPageLike, id: string): Promise<PdfImage | null> {
  const store = id.startsWith('g_') && page.commonObjs ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 30_000);
    try {
      store.get(id, (value) => {
        clearTimeout(timer);
        resolve((value as PdfImage | null) ?? null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

/** The page's picture, upright as the page shows it, or null when no image covers the page. */
export async function pageScan(page: PdfPageLike, OPS: Record<string, number>): Promise<PageScan | null> {
  const [x0, y0, x1, y1] = page.view;
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  if (!(pageArea > 0)) return null;
  const list = await page.getOperatorList();
  // (In an object: assignments in the callback are beyond TypeScript's narrowing of a `let`.)
  const found: { best: { ctm: Matrix; coverage: number; image: () => Promise<PdfImage | null> } | null } = { best: null };
  walkOperators(list, OPS, (fn, args, { ctm }) => {
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
    // The image fills the unit square of the current matrix.
    const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) => [ctm[0] * u + ctm[2] * v + ctm[4], ctm[1] * u + ctm[3] * v + ctm[5]]);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const clip = (v: number, lo: number, hi: number) => Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
    const w = clip(Math.max(...xs), x0, x1) - clip(Math.min(...xs), x0, x1);
    const h = clip(Math.max(...ys), y0, y1) - clip(Math.min(...ys), y0, y1);
    const coverage = (w * h) / pageArea;
    if (coverage >= MIN_COVERAGE && (!found.best || coverage > found.best.coverage)) {
      const image = fn === OPS.paintInlineImageXObject ? () => Promise.resolve(args[0] as PdfImage) : () => imageObject(page, String(args[0]));
      found.best = { ctm, coverage, image };
    }
  });
  const best = found.best;
  if (!best) return null;
  const image = await best.image();
  if (!image || !image.data || !(image.width > 0) || !(image.height > 0)) return null;
  let raster: Raster;
  if (image.kind === GRAYSCALE_1BPP) raster = fromBits(image.data, image.width, image.height, true);
  else if (image.kind === RGB_24BPP) raster = fromPixels(image.data, image.width, image.height, 3);
  else if (image.kind === RGBA_32BPP) raster = fromPixels(image.data, image.width, image.height, 4);
  else return null;
  // Image space: x along the columns, rows from the top (the unit square's y = 1) down.
  const device = multiply(page.getViewport({ scale: 1 }).transform as Matrix, best.ctm);
  const columns = direction(device[0], device[1]);
  const rows = direction(-device[2], -device[3]);
  const widthPt = Math.hypot(best.ctm[0], best.ctm[1]);
  return { raster: orient(raster, columns, rows), dpi: widthPt > 0 ? (image.width * 72) / widthPt : 0 };
}
