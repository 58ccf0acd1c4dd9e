// Pixels handed to the OCR engine: 8-bit grey, row by row from the top. Pictures that come
// as pixels (a PDF page's image as pdf.js decodes it, a TIFF frame) are turned into this,
// then written as a PGM file, which the engine reads without a decoder of ours.

export interface Raster {
  width: number;
  height: number;
  gray: Uint8Array;
}

/** The largest picture read: 12,000 × 12,000 (a 40-inch page at 300 dpi); larger ones are refused, not shrunk. */
export const MAX_PIXELS = 144_000_000;

export function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0) || !Number.isFinite(width * height)) throw new Error('the image has no pixels');
  if (width * height > MAX_PIXELS) throw new Error(`the image is ${width} × ${height} pixels: too large to read (at most ${MAX_PIXELS / 1_000_000} million pixels)`);
}

/** Luma of RGB (ITU-R BT.601, integer). */
const luma = (r: number, g: number, b: number) => (r * 299 + g * 587 + b * 114) / 1000;

/** RGBA (or RGB when `channels` is 3, grey when 1) pixels → grey; transparent is white, as on paper. */
export function fromPixels(data: ArrayLike<number>, width: number, height: number, channels: 1 | 3 | 4): Raster {
  checkSize(width, height);
  const gray = new Uint8Array(width * height);
  if (channels === 1) {
    gray.set(data instanceof Uint8Array ? data.subarray(0, gray.length) : Array.from({ length: gray.length }, (_, i) => data[i]));
    return { width, height, gray };
  }
  for (let i = 0, p = 0; i < gray.length; i++, p += channels) {
    const y = luma(data[p], data[p + 1], data[p + 2]);
    const alpha = channels === 4 ? data[p + 3] / 255 : 1;
    gray[i] = Math.round(y * alpha + 255 * (1 - alpha));
  }
  return { width, height, gray };
}

/** One bit a pixel, rows padded to whole bytes; `oneIsWhite` as the picture defines it. */
export function fromBits(data: ArrayLike<number>, width: number, height: number, oneIsWhite: boolean): Raster {
  checkSize(width, height);
  const gray = new Uint8Array(width * height);
  const stride = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1;
      gray[y * width + x] = (bit === 1) === oneIsWhite ? 255 : 0;
    }
  }
  return { width, height, gray };
}

/**
 * The raster as it appears on the page: `columns` is where the image's x axis (left to
 * right) points and `rows` where its y axis (top to bottom) points, each one of the four
 * directions on the page (a scan placed rotated or mirrored).
 */
export function orient(raster: Raster, columns: Direction, rows: Direction): Raster {
  if (columns === 'right' && rows === 'down') return raster;
  const { width: w, height: h, gray } = raster;
  const horizontal = columns === 'left' || columns === 'right';
  const outW = horizontal ? w : h;
  const outH = horizontal ? h : w;
  const out = new Uint8Array(outW * outH);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Where pixel (x, y) lands: along the columns' direction by x, the rows' by y.
      let ox = 0;
      let oy = 0;
      const place = (dir: Direction, n: number) => {
        if (dir === 'right') ox = n;
        else if (dir === 'left') ox = outW - 1 - n;
        else if (dir === 'down') oy = n;
        else oy = outH - 1 - n;
      };
      place(columns, x);
      place(rows, y);
      out[oy * outW + ox] = gray[y * w + x];
    }
  }
  return { width: outW, height: outH, gray: out };
}

export type Direction = 'right' | 'left' | 'down' | 'up';

/** Binary PGM (P5): what the engine is given for pixels. */
export function toPgm(raster: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${raster.width} ${raster.height}\n255\n`);
  const out = new Uint8Array(header.length + raster.gray.length);
  out.set(header);
  out.set(raster.gray, header.length);
  return out;
}
