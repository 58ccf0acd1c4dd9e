// `sourcebook` commands — Sources: import, list, replace a source's text, grade.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OCR_MODES, parseOcrLanguages, type OcrMode, type OcrRequest } from '../../../common/ocr';
import { RELIABILITY, type Reliability } from '../../../common/glossary';
import { listSources, updateSource } from '../../services/sources';
import { languageTag } from '../../../common/language';
import { gradeSource } from '../../services/grading';
import { UserError } from '../../services/errors';
import { UsageError, parse, one, withWorkspace, type Command } from '../command';

/** `--ocr auto|always|never`, `--ocr-lang eng+spa` (default eng), `--ocr-data DIR`: what the import is told about OCR. */
function ocrRequestOf(values: { ocr?: string; 'ocr-lang'?: string; 'ocr-data'?: string }): OcrRequest {
  const mode = values.ocr ?? 'auto';
  if (!(OCR_MODES as readonly string[]).includes(mode)) throw new UsageError(`--ocr must be one of ${OCR_MODES.join(', ')} (not “${mode.slice(0, 40)}”).`);
  let languages: string[];
  try {
    languages = parseOcrLanguages(values['ocr-lang'] ?? 'eng');
  } catch (err) {
    throw new UsageError(`--ocr-lang: ${(err as Error).message}.`);
  }
  let dataDir: string | null = null;
  if (values['ocr-data'] !== undefined) {
    dataDir = resolve(values['ocr-data']);
    let isDir = false;
    try {
      isDir = statSync(dataDir).isDirectory();
    } catch {
      // said below
    }
    if (!isDir) throw new UsageError(`--ocr-data: ${dataDir} is not a folder (a folder of Tesseract .traineddata files).`);
  }
  return { mode: mode as OcrMode, languages, dataDir };
}

/**
 * The OCR flags read and their languages' data found, before any file is read: a wrong
 * name is a usage error (exit 2), not a failed file each.
 */
async function checkedOcrRequest(values: { ocr?: string; 'ocr-lang'?: string; 'ocr-data'?: string }): Promise<OcrRequest> {
  const ocr = ocrRequestOf(values);
  if (ocr.mode === 'never') return ocr;
  const { resolveOcrLanguages, OcrLanguageError } = await import('../../services/ocr/languageData');
  try {
    resolveOcrLanguages(ocr.languages, ocr.dataDir);
  } catch (err) {
    if (err instanceof OcrLanguageError) throw new UsageError(`--ocr-lang: ${err.message}`);
    throw err;
  }
  return ocr;
}

const OCR_FLAGS = { ocr: { type: 'string' }, 'ocr-lang': { type: 'string' }, 'ocr-data': { type: 'string' } } as const;

export const sourcesCommands: Command[] = [
  {
    name: 'import',
    async run(args, ctx) {
      const { positionals, values } = parse(args, OCR_FLAGS);
      if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.');
      const ocr = await checkedOcrRequest(values);
      // The importer (parsers, PDF engine, parse workers) loads only for the commands that import.
      const { importPaths } = await import('../../services/importer');
      const report = await withWorkspace(ctx.workspace, (db) => importPaths(db, positionals, { ocr }));
      ctx.out.print(report, () =>
        [
          ...report.imported.map((i) => `imported  ${i.id}  ${i.title}  (${i.path})${i.warnings ? `  [${i.warnings.join('; ')}]` : ''}`),
          ...report.skipped.map((s) => `skipped   ${s.path}: ${s.reason}`),
          ...report.failed.map((f) => `failed    ${f.path}: ${f.error}`),
          `${report.imported.length} imported, ${report.skipped.length} skipped, ${report.failed.length} failed`,
        ].join('\n'),
      );
      // Exit 1 when nothing was imported, or (without --json) when any file failed; under
      // --json the report carries the failures and a partial import exits 0.
      return report.imported.length === 0 || (report.failed.length > 0 && !ctx.out.json) ? 1 : 0;
    },
  },
  {
    name: 'sources',
    async run(args, ctx) {
      parse(args, {});
      const sources = await withWorkspace(ctx.workspace, listSources);
      ctx.out.print(sources, () => sources.map((s) => `${s.id}  ${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.language ? `  [${s.language}]` : ''}`).join('\n') || 'No sources.');
      return 0;
    },
  },
  {
    name: 'source replace',
    async run(args, ctx) {
      const { positionals, values } = parse(args, OCR_FLAGS);
      const sourceId = one(positionals[0], 'SOURCE_ID');
      const file = one(positionals[1], 'FILE');
      // The same OCR flags as import; without any, the languages of the workspace's sources (as in the app).
      const ocr = values.ocr !== undefined || values['ocr-lang'] !== undefined || values['ocr-data'] !== undefined ? await checkedOcrRequest(values) : undefined;
      let stat;
      try {
        stat = statSync(file);
      } catch {
        throw new UserError(`Cannot read ${file}: no such file`);
      }
      if (!stat.isFile()) throw new UserError(`Cannot read ${file}: it is not a regular file.`);
      const [{ fileInput }, { replaceSourceTextSafely }] = await Promise.all([import('../../services/importer'), import('../../services/versions')]);
      const report = await withWorkspace(ctx.workspace, (db) => replaceSourceTextSafely(db, ctx.workspace, sourceId, fileInput(file, stat.size), { ocr }));
      const { exact, moved, fuzzy, orphaned, excerpts } = report;
      ctx.out.print({ exact, moved, fuzzy, orphaned, excerpts }, () =>
        [
          `${sourceId} is now version ${report.version}: ${exact} exact, ${moved} moved, ${fuzzy} fuzzy (to confirm), ${orphaned} orphaned`,
          ...excerpts.filter((x) => x.state === 'fuzzy' || x.state === 'orphaned').map((x) => `  ${x.state.padEnd(8)} ${x.id}${x.score !== null ? `  score ${x.score.toFixed(2)}` : ''}`),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'source grade',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { reliability: { type: 'string' } });
      const sourceId = one(positionals[0], 'SOURCE_ID');
      const grade = one(values.reliability, '--reliability').toUpperCase();
      if (!RELIABILITY.includes(grade as Reliability)) throw new UsageError('--reliability takes a letter from A to F.');
      const source = await withWorkspace(ctx.workspace, (db) => gradeSource(db, sourceId, grade as Reliability));
      ctx.out.print({ id: source.id, reliability: source.reliability }, () => `${source.id}  ${source.title}  reliability ${source.reliability}`);
      return 0;
    },
  },
  {
    name: 'source language',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const sourceId = one(positionals[0], 'SOURCE_ID');
      const code = one(positionals[1], 'CODE');
      const language = code.toLowerCase() === 'none' ? null : languageTag(code);
      if (language === undefined) throw new UsageError(`"${code}" is not a language code: write one like es, fa, zh or pt-BR, or none.`);
      const source = await withWorkspace(ctx.workspace, (db) => updateSource(db, sourceId, { language }));
      ctx.out.print({ id: source.id, language: source.language }, () => `${source.id}  ${source.title}  language ${source.language ?? 'none'}`);
      return 0;
    },
  },
];
