// Scans made by the team for the OCR tests and bench:ocr: known text rendered to pixels at
// a chosen resolution (resvg with the DejaVu fonts the tests install), then saved as a PNG,
// a TIFF (one frame or several) or an image-only PDF like a scanner's, optionally with a
// text layer under the picture (good, as OCR software leaves, or garbage, as broken font
// encodings give). Nothing is downloaded.
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import UTIF from 'utif2';

export const SCAN_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

export interface Scan {
  width: number;
  height: number;
  /** 8-bit grey, rows from the top. */
  gray: Uint8Array;
  /** The PNG of the same pixels. */
  png: Buffer;
  dpi: number;
  /** Page size in PDF points. */
  widthPt: number;
  heightPt: number;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Paragraphs (each a list of lines, set as given) on a page `widthIn` inches wide, 11 pt
 * DejaVu Serif, rendered at `dpi`. The page is as tall as the text needs.
 */
export function renderScan(paragraphs: readonly (readonly string[])[], options: { dpi?: number; widthIn?: number; fontSize?: number } = {}): Scan {
  const dpi = options.dpi ?? 300;
  const size = options.fontSize ?? 11;
  const widthPt = (options.widthIn ?? 6.5) * 72;
  const lead = size * 1.45;
  const margin = 36;
  let y = margin + size;
  const texts: string[] = [];
  for (const lines of paragraphs) {
    for (const line of lines) {
      texts.push(`<text x="${margin}" y="${y.toFixed(2)}" font-family="DejaVu Serif" font-size="${size}">${escapeXml(line)}</text>`);
      y += lead;
    }
    y += lead * 0.8;
  }
  const heightPt = Math.ceil(y + margin);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPt}" height="${heightPt}" viewBox="0 0 ${widthPt} ${heightPt}"><rect width="100%" height="100%" fill="#fff"/>${texts.join('')}</svg>`;
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 72 },
    font: { loadSystemFonts: false, fontFiles: [SCAN_FONT], defaultFontFamily: 'DejaVu Serif' },
  }).render();
  const { width, height } = rendered;
  const rgba = rendered.pixels;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round((rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000);
  return { width, height, gray, png: rendered.asPng(), dpi, widthPt, heightPt };
}

/** A TIFF of one or more frames (8-bit grey, uncompressed), as a scanner's multi-page TIFF. */
export function scansToTiff(scans: readonly Scan[]): Buffer {
  // Frames' pixels go after the directories; UTIF.encode writes the directories.
  const header = 64 * 1024;
  let offset = header;
  const ifds = scans.map((s) => {
    const ifd = {
      t256: [s.width], t257: [s.height], t258: [8], t259: [1], t262: [1], t273: [offset], t277: [1], t278: [s.height], t279: [s.gray.length],
      t282: [[s.dpi, 1]], t283: [[s.dpi, 1]], t284: [1], t296: [2],
    };
    offset += s.gray.length;
    return ifd;
  });
  const directories = new Uint8Array(UTIF.encode(ifds as never));
  if (directories.length > header) throw new Error('too many frames for the TIFF header area');
  const out = Buffer.alloc(offset);
  out.set(directories, 0);
  let at = header;
  for (const s of scans) {
    out.set(s.gray, at);
    at += s.gray.length;
  }
  return out;
}

export interface PdfPage {
  scan?: Scan;
  /** A page drawn with paths, as text converted to outlines is: the picture's dark pixels as filled rectangles, on a white filled page, no image, no text. */
  vector?: Scan;
  /** Text drawn invisibly (render mode 3) over the page, as OCR software or a broken encoding leaves it; or visible text for a born-digital page. */
  text?: { lines: readonly string[]; invisible: boolean };
}

/** A PDF of the given pages: each a scanned picture filling the page, a text layer, or both. Helvetica, WinAnsi text only. */
export function makePdf(pages: readonly PdfPage[]): Buffer {
  const objects: (Buffer | string)[] = [];
  const add = (body: Buffer | string) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const w = (page.scan ?? page.vector)?.widthPt ?? 468;
    const h = (page.scan ?? page.vector)?.heightPt ?? 648;
    let content = '';
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if (page.scan) {
      const s = page.scan;
      const image = add(stream(`/Type /XObject /Subtype /Image /Width ${s.width} /Height ${s.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(s.gray)));
      resources += ` /XObject << /Im0 ${image} 0 R >>`;
      content += `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`;
    }
    if (page.vector) {
      const v = page.vector;
      // Pixel space (rows from the top) onto the page; each row's dark runs a rectangle, all one path.
      const runs: string[] = [];
      for (let y = 0; y < v.height; y++) {
        for (let x = 0; x < v.width; ) {
          if (v.gray[y * v.width + x] >= 128) {
            x++;
            continue;
          }
          const start = x;
          while (x < v.width && v.gray[y * v.width + x] < 128) x++;
          runs.push(`${start} ${y} ${x - start} 1 re`);
        }
      }
      content += `q 1 g 0 0 ${w} ${h} re f Q\nq ${w / v.width} 0 0 ${-h / v.height} 0 ${h} cm 0.1 g\n${runs.join('\n')}\nf Q\n`;
    }
    if (page.text) {
      const esc = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);
      content += `BT ${page.text.invisible ? '3 Tr ' : ''}/F1 11 Tf 14 TL 36 ${h - 48} Td ${page.text.lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET\n`;
    }
    const contents = add(stream('', Buffer.from(content, 'latin1')));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << ${resources} >> /Contents ${contents} 0 R >>`));
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** "The quick brown fox" → "Wkh txlfn eurzq ira": letters shifted by three, as a font whose encoding lies gives them. */
export function shiftedLetters(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 3) % 26) + base);
  });
}
