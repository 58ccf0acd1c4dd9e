// Where OCR's language data comes from: always from files on this machine, never from the
// network. English and Spanish ship inside the app (the npm packages @tesseract.js-data/eng
// and /spa, LSTM "best_int" models); any other language is a Tesseract `.traineddata` file
// in a folder the user names (Settings, or `--ocr-data DIR`): Debian's `tesseract-ocr-<lang>`
// packages install them in /usr/share/tesseract-ocr/5/tessdata, and the tessdata,
// tessdata_fast and tessdata_best sets all load (Tesseract 4+ LSTM models).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MAX_OCR_LANGUAGES, parseOcrLanguages } from '../../../common/ocr';

/** The languages bundled with the app, by Tesseract name. */
export const BUNDLED_OCR_LANGUAGES: Readonly<Record<string, string>> = { eng: 'English', spa: 'Spanish' };

/** The data of each bundled language: its package's LSTM-only (integer) model. */
const BUNDLED_MODEL = '4.0.0_best_int';

export interface OcrLanguageFile {
  code: string;
  path: string;
  /** 'bundled': shipped with the app; 'folder': from the user's folder of extra data. */
  origin: 'bundled' | 'folder';
}

export interface OcrLanguageData {
  code: string;
  /** The uncompressed .traineddata. */
  data: Uint8Array;
  /** Which data, for the record kept with each page: "eng 4.0.0_best_int" or "rus sha256:1a2b3c4d5e6f". */
  label: string;
}

/** A language asked for whose data is not at hand (the message lists those that are). */
export class OcrLanguageError extends Error {
  override name = 'OcrLanguageError';
}

/** The package folder of a bundled language, unpacked beside app.asar in the packaged app (plain files for worker threads). */
function bundledFile(code: string): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve(`@tesseract.js-data/${code}/package.json`));
    const unpacked = dir.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
    const file = join(unpacked !== dir && existsSync(unpacked) ? unpacked : dir, BUNDLED_MODEL, `${code}.traineddata.gz`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Files named <code>.traineddata (or .traineddata.gz) in `dir`; osd (orientation, not a language) left out. */
function folderFiles(dir: string): OcrLanguageFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new OcrLanguageError(`the OCR data folder ${dir} ${code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${(err as Error).message})`}`);
  }
  const files: OcrLanguageFile[] = [];
  for (const name of names.sort()) {
    const match = /^([A-Za-z][A-Za-z0-9_-]*)\.traineddata(?:\.gz)?$/.exec(name);
    if (!match || match[1] === 'osd') continue;
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    if (!files.some((f) => f.code === match[1])) files.push({ code: match[1], path, origin: 'folder' });
  }
  return files;
}

/** Every language OCR can use here: the bundled ones, then those of the data folder (a bundled language wins). */
export function availableOcrLanguages(dataDir: string | null = null): OcrLanguageFile[] {
  const bundled: OcrLanguageFile[] = [];
  for (const code of Object.keys(BUNDLED_OCR_LANGUAGES)) {
    const path = bundledFile(code);
    if (path) bundled.push({ code, path, origin: 'bundled' });
  }
  const extra = dataDir ? folderFiles(dataDir).filter((f) => !bundled.some((b) => b.code === f.code)) : [];
  return [...bundled, ...extra];
}

/**
 * "eng+spa" → the files of those languages, in that order; an OcrLanguageError naming what
 * is available when one is not (or the spelling is wrong, or there are too many).
 */
export function resolveOcrLanguages(spec: string | readonly string[], dataDir: string | null = null): OcrLanguageFile[] {
  let codes: string[];
  try {
    codes = typeof spec === 'string' ? parseOcrLanguages(spec) : parseOcrLanguages(spec.join('+'));
  } catch (err) {
    throw new OcrLanguageError((err as Error).message);
  }
  const available = availableOcrLanguages(dataDir);
  const missing = codes.filter((c) => !available.some((f) => f.code === c));
  if (missing.length) {
    const have = available.map((f) => f.code).join(', ') || 'none';
    const hint = dataDir ? `add its .traineddata file to ${dataDir}` : 'point Sourcebook at a folder of Tesseract .traineddata files (--ocr-data DIR, or Settings; Debian: apt install tesseract-ocr-<lang>, then /usr/share/tesseract-ocr/5/tessdata)';
    throw new OcrLanguageError(`no OCR data for ${missing.join(', ')} (available: ${have}); ${hint}`);
  }
  if (codes.length > MAX_OCR_LANGUAGES) throw new OcrLanguageError(`at most ${MAX_OCR_LANGUAGES} OCR languages at once`);
  return codes.map((c) => available.find((f) => f.code === c)!);
}

/** Reads (and unzips) a language's data. */
export function readOcrLanguage(file: OcrLanguageFile): OcrLanguageData {
  const raw = readFileSync(file.path);
  const data = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const label =
    file.origin === 'bundled'
      ? `${file.code} ${BUNDLED_MODEL}`
      : `${file.code} sha256:${createHash('sha256').update(data).digest('hex').slice(0, 12)}`;
  return { code: file.code, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), label };
}
