// The OCR engine: Tesseract 5 compiled to WebAssembly (the npm package tesseract.js-core),
// driven directly, one engine per thread (it runs in the parse workers).
//
// Why not tesseract.js's worker API on top of it: its language loader falls back to a CDN
// when no langPath is given, reads every language from one folder, and its in-memory form
// of a language is broken in 7.0.0 (initialize joins the data instead of the name). Here
// there is no network code path at all: the engine's WebAssembly is read from the package
// folder and each language's data is written into the engine's memory file system by us.
//
// The fixed-width SIMD build is used, not the "relaxed SIMD" one: relaxed SIMD may round
// differently from one processor to another, and the same scan should read the same
// everywhere.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { readOcrLanguage, type OcrLanguageFile } from './languageData';
import { buildOcrText, parseTsv, type OcrText } from './ocrText';

const CORE = 'tesseract-core-simd-lstm';
/** Tesseract's OEM_LSTM_ONLY: the neural recogniser, which the bundled (best_int) models carry. */
const OEM_LSTM_ONLY = 1;
/** PSM_AUTO: full page layout analysis (columns, blocks), as the tesseract command does by default. */
const PSM_AUTO = '3';

/** The parts of the Emscripten module and of TessBaseAPI that are used here. */
interface TessBaseApi {
  Init(dataPath: string | null, languages: string, oem: number): number;
  SetVariable(name: string, value: string): boolean;
  SetImageFile(exifOrientation: number, angle: number): number;
  Recognize(monitor: null): number;
  GetTSVText(page: number): string;
  MeanTextConf(): number;
  Version(): string;
  Clear(): void;
  End(): void;
}
interface TessModule {
  FS: { writeFile(path: string, data: Uint8Array | string): void; unlink(path: string): void; readdir(path: string): string[] };
  TessBaseAPI: new () => TessBaseApi;
}
type CoreFactory = (options: { locateFile(name: string): string; print(text: string): void; printErr(text: string): void; TesseractProgress?(percent: number): void }) => Promise<TessModule>;

/** One page read by OCR: its normalized text, the mean confidence, and what was used. */
export interface OcrResult extends OcrText {
  confidence: number;
  engine: string;
  languages: string;
}

function corePackageDir(): string {
  const dir = dirname(createRequire(import.meta.url).resolve('tesseract.js-core/package.json'));
  // Packaged, the core is unpacked beside app.asar: the worker threads read it as plain files.
  const unpacked = dir.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return unpacked !== dir && existsSync(unpacked) ? unpacked : dir;
}

let coreLoading: Promise<{ module: TessModule; version: string }> | null = null;

function loadCore(): Promise<{ module: TessModule; version: string }> {
  coreLoading ??= (async () => {
    const dir = corePackageDir();
    const require = createRequire(import.meta.url);
    const factory = require(join(dir, `${CORE}.js`)) as CoreFactory;
    const version = (require(join(dir, 'package.json')) as { version: string }).version;
    // The engine's own chatter ("Estimating resolution as 408") would land on stdout, which
    // the command line's --json owns: it is dropped.
    const quiet = () => undefined;
    const module = await factory({ locateFile: (name) => join(dir, name), print: quiet, printErr: quiet });
    return { module, version };
  })();
  coreLoading.catch(() => (coreLoading = null));
  return coreLoading;
}

/**
 * The thread's OCR engine. Languages are loaded on first use of a set and kept while the
 * same set is asked for (a folder of scans in one language loads it once).
 */
export class OcrEngine {
  private api: TessBaseApi | null = null;
  private loadedKey = '';
  private labels = '';
  private written = new Set<string>();

  private constructor(
    private readonly module: TessModule,
    private readonly coreVersion: string,
  ) {}

  static async load(): Promise<OcrEngine> {
    const { module, version } = await loadCore();
    return new OcrEngine(module, version);
  }

  /** "Tesseract 5.1.0-288-g2a9c1 (tesseract.js-core 7.0.0)" once an engine has been started. */
  get engineName(): string {
    return `Tesseract ${this.api?.Version() ?? '?'} (tesseract.js-core ${this.coreVersion})`;
  }

  private use(languages: readonly OcrLanguageFile[]): TessBaseApi {
    const key = languages.map((l) => `${l.code}\u0000${l.path}`).join('\u0001');
    if (this.api && key === this.loadedKey) return this.api;
    const labels: string[] = [];
    for (const file of languages) {
      const language = readOcrLanguage(file);
      // A language of the same name from another file replaces the one written before.
      this.module.FS.writeFile(`/${language.code}.traineddata`, language.data);
      this.written.add(language.code);
      labels.push(language.label);
    }
    this.api?.End();
    const api = new this.module.TessBaseAPI();
    if (api.Init(null, languages.map((l) => l.code).join('+'), OEM_LSTM_ONLY) !== 0) {
      api.End();
      this.api = null;
      this.loadedKey = '';
      throw new Error(`the OCR engine could not load ${languages.map((l) => l.code).join('+')}: the .traineddata file is damaged or not a Tesseract 4+ (LSTM) model`);
    }
    api.SetVariable('tessedit_pageseg_mode', PSM_AUTO);
    this.api = api;
    this.loadedKey = key;
    this.labels = labels.join(', ');
    return api;
  }

  /**
   * Reads one image: PNG, JPEG, BMP or PNM bytes (raster.ts makes PGM from pixels).
   * `dpi`, when known (a PDF page's), helps the engine judge the size of the letters.
   */
  recognize(image: Uint8Array, languages: readonly OcrLanguageFile[], dpi?: number): OcrResult {
    const api = this.use(languages);
    const input = '/input';
    this.module.FS.writeFile(input, image);
    try {
      api.SetVariable('user_defined_dpi', dpi && dpi >= 70 && dpi <= 2400 ? String(Math.round(dpi)) : '0');
      if (api.SetImageFile(1, 0) !== 0) throw new Error('the OCR engine could not read the image (damaged, or a kind of image it does not know)');
      api.Recognize(null);
      const words = parseTsv(api.GetTSVText(0));
      const confidence = api.MeanTextConf();
      return { ...buildOcrText(words), confidence: Math.max(0, Math.min(100, confidence)), engine: this.engineName, languages: this.labels };
    } finally {
      api.Clear();
      try {
        this.module.FS.unlink(input);
      } catch {
        // already gone
      }
    }
  }
}

let shared: Promise<OcrEngine> | null = null;

/** This thread's engine, started on first use (~0.1 s, then ~0.2 s a language set). */
export function ocrEngine(): Promise<OcrEngine> {
  shared ??= OcrEngine.load();
  shared.catch(() => (shared = null));
  return shared;
}
