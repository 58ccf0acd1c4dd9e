// Images (PNG, JPEG, TIFF and multi-page TIFF): a photographed or scanned document whose
// text is what OCR reads in it, one page per image or TIFF frame, joined as a PDF's pages
// are (so excerpts know their page). PNG and JPEG go to the engine as they are (it decodes
// them); TIFF frames are decoded here (utif2: uncompressed, LZW, PackBits, Deflate, CCITT
// G3/G4 fax, JPEG) into grey pixels.
import UTIF from 'utif2';
import type { PageSpan } from '../../../db/domain';
import type { OcrPageInfo, OcrRequest } from '../../../common/ocr';
import { ImportSkip, type ParseProgress } from './format';
import { ocrEngine, type OcrResult } from '../ocr/engine';
import { resolveOcrLanguages } from '../ocr/languageData';
import { describeOcr, ocrPageInfo, pageWords } from '../ocr/ocrPages';
import { checkSize, fromBits, fromPixels, toPgm } from '../ocr/raster';

export interface ParsedImage {
  text: string;
  pages: PageSpan[];
  ocr: OcrPageInfo[];
  warnings: string[];
}

/** Frames of a TIFF read at most (a fax of 2,000 pages is a lot already). */
const MAX_FRAMES = 2000;
const PAGE_SEPARATOR = '\n\n';

type Kind = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'webp';

/** The kind of picture by its first bytes (the name's extension may be wrong; the bytes are not). */
export function imageKind(bytes: Uint8Array): Kind | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return 'webp';
  return null;
}

/** The width and height a PNG or JPEG says it has (to refuse a picture too large before decoding it), or null. */
function declaredSize(bytes: Uint8Array, kind: Kind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png' && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (kind === 'jpeg') {
    for (let at = 2; at + 9 < bytes.length; ) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      at += 2 + view.getUint16(at + 2);
    }
  }
  return null;
}

/** The pictures of the file, each as bytes the engine reads (PNG/JPEG as they are, TIFF frames as PGM). */
function* pictures(bytes: Uint8Array, kind: Kind): Generator<Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind !== 'tiff') {
    const size = declaredSize(bytes, kind);
    if (size) checkSize(size.width, size.height);
    yield bytes;
    return;
  }
  let frames: UTIF.IFD[];
  try {
    frames = UTIF.decode(buffer);
  } catch (err) {
    throw new ImportSkip(`the TIFF is damaged: ${(err as Error).message}`);
  }
  if (!frames.length) throw new ImportSkip('the TIFF has no images');
  for (const frame of frames.slice(0, MAX_FRAMES)) {
    const tag = (n: number, fallback: number) => Number((frame[`t${n}`] as ArrayLike<number> | undefined)?.[0] ?? fallback);
    const width = tag(256, 0);
    const height = tag(257, 0);
    if (!(width > 0 && height > 0)) throw new ImportSkip('the TIFF is damaged: a page has no width or height');
    checkSize(width, height);
    try {
      UTIF.decodeImage(buffer, frame);
    } catch (err) {
      throw new ImportSkip(`the TIFF is damaged: ${(err as Error).message}`);
    }
    const bits = tag(258, 1);
    const photometric = tag(262, 0);
    const samples = tag(277, 1);
    const data = frame.data as Uint8Array | undefined;
    if (!data) throw new ImportSkip('the TIFF has a frame that could not be decoded');
    // Black-and-white (fax) and 8-bit grey frames are read directly; anything else through utif2's RGBA.
    if (bits === 1 && samples === 1 && (photometric === 0 || photometric === 1)) yield toPgm(fromBits(data, width, height, photometric === 1));
    else if (bits === 8 && samples === 1 && (photometric === 0 || photometric === 1)) {
      const gray = photometric === 1 ? data : data.map((v) => 255 - v);
      yield toPgm(fromPixels(gray, width, height, 1));
    } else yield toPgm(fromPixels(UTIF.toRGBA8(frame), width, height, 4));
  }
}

/** Reads an image file's text by OCR. Throws ImportSkip when there is none to import. */
export async function parseImage(bytes: Uint8Array, ocr: OcrRequest, progress?: (p: ParseProgress) => void): Promise<ParsedImage> {
  const kind = imageKind(bytes);
  if (!kind || kind === 'bmp' || kind === 'webp') throw new ImportSkip('not a PNG, JPEG or TIFF image (its content says otherwise, whatever its name)');
  if (ocr.mode === 'never') throw new ImportSkip('an image has text only through OCR, and OCR is off (--ocr never)');
  const languages = resolveOcrLanguages(ocr.languages, ocr.dataDir);
  const frameCount = kind === 'tiff' ? safeFrameCount(bytes) : 1;
  const frames = Math.min(MAX_FRAMES, frameCount);
  const warnings: string[] = [];
  if (frameCount > MAX_FRAMES) warnings.push(`the TIFF has ${frameCount} pages: only the first ${MAX_FRAMES} were read`);
  const read: { page: number; result: OcrResult }[] = [];
  const blank: number[] = [];
  let page = 0;
  const engine = await ocrEngine();
  for (const picture of pictures(bytes, kind)) {
    page++;
    progress?.({ page, pages: frames, ocr: true });
    const result = engine.recognize(picture, languages);
    if (result.text) read.push({ page, result });
    else blank.push(page);
  }
  if (!read.length) throw new ImportSkip(`OCR found no text in the image (languages: ${languages.map((l) => l.code).join('+')})`);
  let text = '';
  const pages: PageSpan[] = [];
  const ocrPages: OcrPageInfo[] = [];
  for (const { page: n, result } of read) {
    if (text) text += PAGE_SEPARATOR;
    pages.push({ page: n, start: text.length, end: text.length + result.text.length });
    ocrPages.push(ocrPageInfo(n, text.length, result));
    text += result.text;
  }
  warnings.push(...describeOcr(ocrPages, read.length));
  if (blank.length) warnings.push(`${pageWords(blank).replace(/^p/, 'P')} of the TIFF ${blank.length === 1 ? 'has' : 'have'} no text that OCR could read`);
  return { text, pages, ocr: ocrPages, warnings };
}

function safeFrameCount(bytes: Uint8Array): number {
  try {
    return UTIF.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).length;
  } catch {
    return 1;
  }
}
