#!/usr/bin/env node
// `npm run icons`: every app icon, generated from one source image, resources/icon.svg.
//
// Each platform wants its own format (a folder of NxN.png files on Linux, a .ico on
// Windows, a .icns on macOS, a PNG for the window at runtime), and hand-made copies drift
// from the drawing and from each other. So the drawing is the only icon anyone edits: this
// script renders it with resvg and writes the containers itself (a few bytes of headers
// around PNG data, no native tool), the same bytes on every run.
// tests/unit/icons.test.ts fails when a committed icon is not what this script makes now.
// Nothing in resources/build or resources/icon.png is to be edited or copied in by hand.
//
//   resources/build/icons/NxN.png   Linux (electron-builder's icon folder), 16 to 1024 px
//   resources/build/icon.png        1024 px, electron-builder's default source
//   resources/build/icon.ico        Windows, 16 to 256 px as PNG images
//   resources/build/icon.icns       macOS, 16 to 1024 px as PNG images
//   resources/icon.png              512 px, the window icon the app loads at runtime
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** Pixel sizes of the Linux icon folder (every size rendered). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Pixel sizes in the Windows .ico, in order. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** The macOS .icns chunks, in order: OSType and pixel size (all PNG-typed chunks). */
export const ICNS_CHUNKS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

/** The SVG rendered as a square PNG `size` pixels wide. System fonts are not loaded: the drawing has no text. */
export function renderPng(svg, size) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'off' }).render();
  if (png.width !== size || png.height !== size) throw new Error(`icon.svg rendered at ${size} px came out ${png.width}×${png.height}: the drawing must be square`);
  return png.asPng();
}

/**
 * A Windows .ico holding PNG images: ICONDIR (reserved 0, type 1, count), one 16-byte
 * ICONDIRENTRY per image (width and height as one byte each, 0 meaning 256; no palette;
 * 1 plane; 32 bits per pixel; data length; data offset), then the PNG data in order.
 * `pngs` is a list of `{ size, png }`.
 */
export function icoFile(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new Error(`an .ico image is 1 to 256 px, not ${size}`);
    const entry = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, entry);
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // colours in the palette: none
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

/**
 * A macOS .icns: 'icns' and the file's length (big-endian uint32), then per chunk its
 * OSType, its length including this 8-byte header (big-endian uint32) and its PNG data.
 * `chunks` is a list of `{ type, png }`.
 */
export function icnsFile(chunks) {
  const parts = chunks.map(({ type, png }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`an .icns chunk type is 4 ASCII characters, not ${JSON.stringify(type)}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, part) => n + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Every icon file made from the SVG's text: a Map from path (relative to the repository, '/'-separated) to bytes. */
export function iconFiles(svg) {
  const png = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
  const files = new Map();
  for (const size of PNG_SIZES) files.set(`resources/build/icons/${size}x${size}.png`, png.get(size));
  files.set('resources/build/icon.png', png.get(1024));
  files.set('resources/build/icon.ico', icoFile(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  files.set('resources/build/icon.icns', icnsFile(ICNS_CHUNKS.map(([type, size]) => ({ type, png: png.get(size) }))));
  files.set('resources/icon.png', png.get(512));
  return files;
}

/**
 * Render `svgPath` and write every icon file under `outRoot` (the repository by default),
 * at the same relative paths as in the repository. Returns the paths written, in order.
 */
export function generateIcons({ svgPath = join(repoRoot, 'resources/icon.svg'), outRoot = repoRoot, log = () => {} } = {}) {
  const written = [];
  for (const [rel, bytes] of iconFiles(readFileSync(svgPath, 'utf8'))) {
    const path = join(outRoot, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(path);
    log(`${relative(process.cwd(), path) || path} (${bytes.length} bytes)`);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateIcons({ log: (line) => console.log(line) });
}
