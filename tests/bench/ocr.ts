// bench:ocr — OCR of generated scans, as the importer runs it (parsePdf with OCR on an
// image-only PDF): pages per second, character accuracy against the text the scan was made
// from (target ≥ 97% at 300 dpi), and the process's peak memory. English and Spanish, at
// 200 and 300 dpi. The floor is the `tesseract` program on the same page images, when it is
// installed (the same engine, natively compiled: what a person could run by hand).
//   npm run bench:ocr                 (BENCH_OCR_PAGES=3: pages per language and resolution)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePdf } from '../../electron/services/import/pdf';
import { makePdf, renderScan } from '../helpers/scan';

const PAGES = Number(process.env.BENCH_OCR_PAGES ?? 3);

const ENGLISH = [
  ['The harbour authority confirmed on Tuesday that three vessels', 'were detained for inspection at the East Terminal, according', 'to a statement from the ministry of transport.'],
  ['Customs officers said the cargo manifests did not match the', 'containers found on board, which held drone motors declared', 'as agricultural sprayer parts worth 1,140,000 euros.'],
  ['A spokesman for the operator, Halvard Maritime, declined to', 'comment on the seizure but said the company was cooperating', 'fully with investigators from the customs district.'],
];
const SPANISH = [
  ['La autoridad portuaria confirmó el martes que tres buques', 'fueron retenidos para su inspección en la terminal este,', 'según un comunicado del ministerio de transporte.'],
  ['Los agentes de aduanas señalaron que los manifiestos de carga', 'no coincidían con los contenedores hallados a bordo, que', 'llevaban motores de drones declarados como repuestos agrícolas.'],
  ['Un portavoz de la operadora declinó hacer comentarios sobre', 'la incautación, pero aseguró que la compañía colabora con los', 'investigadores del distrito aduanero de Kestrava.'],
];

/** A scanner's grain: a few pixels flipped and every grey level jittered (a fixed seed: the same noise each run). */
function addNoise(gray: Uint8Array, seed = 7): void {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < gray.length; i++) {
    const r = random();
    if (r < 0.01) gray[i] = 255 - gray[i];
    else gray[i] = Math.max(0, Math.min(255, gray[i] + Math.round((random() - 0.5) * 60)));
  }
}

/** Levenshtein distance (two rows). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}
/** The grey pixels as a PGM file (the noisy pages: their PNG was made before the noise). */
const pgm = (scan: { width: number; height: number; gray: Uint8Array }) => Buffer.concat([Buffer.from(`P5\n${scan.width} ${scan.height}\n255\n`), Buffer.from(scan.gray)]);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const accuracy = (read: string, truth: string) => 1 - distance(flat(read), flat(truth)) / flat(truth).length;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

const tesseract = (() => {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), 'bench-ocr-'));

console.log(`\nbench:ocr — ${PAGES} generated scan pages per language and resolution; the app's path (parsePdf with OCR), Tesseract 5 in WebAssembly`);
console.log('language            dpi   pages   s/page   pages/s   accuracy   floor s/page   floor accuracy   ×');
// The engine's start (WebAssembly compiled, language data read) once, before the clock runs.
await parsePdf(new Uint8Array(makePdf([{ scan: renderScan([ENGLISH[0]], { dpi: 150 }) }])), { ocr: { mode: 'auto', languages: ['eng'], dataDir: null } });
const runs = [
  ['English', 'eng', ENGLISH, 200, false],
  ['English', 'eng', ENGLISH, 300, false],
  ['English', 'eng', ENGLISH, 300, true],
  ['Spanish', 'spa', SPANISH, 200, false],
  ['Spanish', 'spa', SPANISH, 300, false],
  ['Spanish', 'spa', SPANISH, 300, true],
] as const;
for (const [language, lang, text, dpi, noisy] of runs) {
  {
    const scans = Array.from({ length: PAGES }, (_, i) => renderScan([text[i % text.length], text[(i + 1) % text.length]], { dpi }));
    if (noisy) for (const scan of scans) addNoise(scan.gray);
    const truth = scans.map((_, i) => [...text[i % text.length], ...text[(i + 1) % text.length]].join(' ')).join(' ');
    const pdf = makePdf(scans.map((scan) => ({ scan })));
    const t0 = performance.now();
    const parsed = await parsePdf(new Uint8Array(pdf), { ocr: { mode: 'auto', languages: [lang], dataDir: null } });
    const seconds = (performance.now() - t0) / 1000;
    const acc = accuracy(parsed.text, truth);
    let floor = '';
    if (tesseract) {
      let read = '';
      const f0 = performance.now();
      for (const [i, scan] of scans.entries()) {
        const png = join(work, `${lang}-${dpi}-${i}.${noisy ? 'pgm' : 'png'}`);
        writeFileSync(png, noisy ? pgm(scan) : scan.png);
        read += ` ${execFileSync('tesseract', [png, '-', '-l', lang, '--dpi', String(dpi)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })}`;
      }
      const fs = (performance.now() - f0) / 1000 / PAGES;
      floor = `${fs.toFixed(2).padStart(12)}   ${`${(accuracy(read, truth) * 100).toFixed(1)}%`.padStart(14)}   ${(seconds / PAGES / fs).toFixed(2)}`;
    }
    console.log(`${(language + (noisy ? ' (grainy)' : '')).padEnd(18)}  ${String(dpi).padEnd(4)}  ${String(PAGES).padStart(5)}   ${(seconds / PAGES).toFixed(2).padStart(6)}   ${(PAGES / seconds).toFixed(2).padStart(7)}   ${`${(acc * 100).toFixed(1)}%`.padStart(8)}${floor ? `   ${floor}` : ''}`);
  }
}
clearInterval(sampler);
rmSync(work, { recursive: true, force: true });
console.log(`peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB   target: accuracy ≥ 97% at 300 dpi`);
if (!tesseract) console.log('floor: the tesseract program is not installed (apt install tesseract-ocr tesseract-ocr-spa): no floor figure.');
