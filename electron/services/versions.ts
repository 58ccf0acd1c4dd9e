import type { Db } from '../../db/workspace';
import type { AnchorState, ExcerptView } from '../../db/domain';
import { addVersion, contentHash, getSource, getVersionText, updateSourceMeta } from '../../db/sources';
import { getExcerpt, listExcerptsOfSource, setExcerptAnchor } from '../../db/excerpts';
import { reanchor, reanchorAll, type Reanchored } from './anchoring/reanchor';
import { quoteContext } from './anchoring/quote';
import { parseToOutcome } from './import/parseOutcome';
import { sharedParsePool } from './import/parsePool';
import { workspaceOcrRequest } from './ocr/ocrDefaults';
import type { OcrRequest } from '../../common/ocr';
import { detectLanguage } from './import/language';
import { readImportFile, type ImportInput } from './import/input';
import { MAX_IMPORT_BYTES as MAX_FILE_BYTES } from '../../common/sourceFiles';
import { UserError } from './errors';
import { scanSource } from './mentions/scan';
import { backupBefore } from './backup';
import type { ReplaceReport } from './views';
export type { ReplaceReport };


/**
 * Replaces a source's text with a new version (re-import, or "replace text" from a
 * file), keeping the old version, and re-anchors every excerpt of the source against the
 * new text. Excerpts keep their ids, so briefs keep citing them. An orphaned excerpt
 * stays on the version it was anchored in, with its old quote.
 */
/**
 * replaceSourceText for the front doors: the workspace at `workspacePath` is backed up
 * first (every excerpt of the source may move), and a failed backup stops it.
 */
/** How a replacing file is read: its OCR (by default, the languages of the workspace's sources). */
export interface ReplaceOptions {
  ocr?: OcrRequest;
}

export async function replaceSourceTextSafely(db: Db, workspacePath: string, sourceId: string, input: ImportInput, options: ReplaceOptions = {}): Promise<ReplaceReport> {
  if (!getSource(db, sourceId)) throw new UserError(`No source with id ${sourceId}.`);
  await backupBefore(db, workspacePath, `replacing the text of ${sourceId}`);
  return replaceSourceText(db, sourceId, input, options);
}

export async function replaceSourceText(db: Db, sourceId: string, input: ImportInput, options: ReplaceOptions = {}): Promise<ReplaceReport> {
  const source = getSource(db, sourceId);
  if (!source) throw new UserError(`No source with id ${sourceId}.`);
  const read = readImportFile(input);
  if ('tooLarge' in read) throw new UserError(`${input.path} is too large (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
  if ('unreadable' in read) throw new UserError(`Cannot read ${input.path}: ${read.unreadable.code === 'ENOENT' ? 'no such file' : read.unreadable.message}`);
  const { bytes } = read;
  let doc;
  try {
    // In a parse worker when there are any (a scan's pages are read by OCR, seconds each).
    const pool = sharedParsePool();
    const ocr = options.ocr ?? workspaceOcrRequest(db);
    const outcome = pool ? await pool.parse(input.name, bytes, { ocr }) : await parseToOutcome(input.name, bytes, { ocr });
    if (outcome.kind !== 'parsed') throw new Error(outcome.kind === 'skip' ? outcome.reason : outcome.message);
    doc = outcome.doc;
    doc.language = await detectLanguage(doc.text);
  } catch (err) {
    throw new UserError(`${input.path} cannot replace the text: ${(err as Error).message}`);
  }
  return db.transaction((): ReplaceReport => {
    // Re-read inside the transaction: the source may have changed while the file parsed.
    const current = getSource(db, sourceId);
    if (!current) throw new UserError(`No source with id ${sourceId}.`);
    // Orphans are tried again too: the new text may have the passage back.
    const excerpts = listExcerptsOfSource(db, sourceId);
    const unchanged = contentHash(doc.text) === current.contentHash;
    // A source of no known language takes the new text's.
    if (!current.language && doc.language) updateSourceMeta(db, sourceId, { language: doc.language });
    const version = unchanged ? current.version : addVersion(db, sourceId, { text: doc.text, original: bytes, originalName: input.name, pages: doc.pages ?? null, language: doc.language ?? 'und', ocr: doc.ocr ?? null });
    // Each excerpt is re-anchored knowing the whole text it was made on (its version):
    // whether its quote was unique there decides what finding it once now proves.
    const oldTexts = new Map<number, string | undefined>();
    const oldText = (v: number) => {
      if (!oldTexts.has(v)) oldTexts.set(v, getVersionText(db, sourceId, v)?.text);
      return oldTexts.get(v);
    };
    const results = reanchorAll(
      excerpts.map((x) => ({ start: x.start, end: x.end, quote: x.quote, prefix: x.prefix, suffix: x.suffix, oldText: oldText(x.version) })),
      doc.text,
    );
    const report: ReplaceReport = { sourceId, version, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, excerpts: [] };
    excerpts.forEach((x, i) => {
      const state = applyReanchored(db, x, results[i], version, doc.text);
      report[state.state]++;
      report.excerpts.push({ id: x.id, state: state.state, score: state.score });
    });
    if (!unchanged) scanSource(db, sourceId);
    return report;
  }).immediate();
}

/**
 * Stores where re-anchoring put an excerpt on `version` (whose text is `text`) and returns
 * the state it ends in. A fuzzy excerpt the analyst has not confirmed stays flagged
 * wherever it lands: finding its unconfirmed quote again proves nothing about the
 * original passage. An orphan keeps the passage it had, on the version that has it:
 * nothing is silently moved.
 */
function applyReanchored(db: Db, x: ExcerptView, found: Reanchored, version: number, text: string): { state: AnchorState; score: number | null } {
  let r = found;
  if (x.state === 'fuzzy' && (r.state === 'exact' || r.state === 'moved')) r = { ...r, state: 'fuzzy', score: x.score };
  if (r.state === 'orphaned') {
    setExcerptAnchor(db, x.id, { version: x.version, start: x.start, end: x.end, quote: x.quote, prefix: x.prefix, suffix: x.suffix, state: 'orphaned', score: r.score, previousQuote: x.quote });
    return { state: r.state, score: r.score };
  }
  setExcerptAnchor(db, x.id, {
    version,
    start: r.start,
    end: r.end,
    quote: r.quote,
    ...quoteContext(text, r.start, r.end),
    state: r.state,
    score: r.score,
    previousQuote: r.quote === x.quote ? null : x.quote,
  });
  return { state: r.state, score: r.score };
}

/**
 * An excerpt made on another text than its source's current one is re-anchored on the
 * current text: one put back from the Trash after the source's text was replaced (its
 * version is older), or one merged from a workspace whose copy of the source differs
 * (`madeOn`: the text it was made on there).
 */
export function bringExcerptUpToDate(db: Db, excerptId: string, madeOn?: string): void {
  const x = getExcerpt(db, excerptId);
  const source = x && getSource(db, x.sourceId);
  if (!x || !source || (madeOn === undefined && x.version === source.version)) return;
  const oldText = madeOn ?? getVersionText(db, x.sourceId, x.version)?.text;
  const r = reanchor({ start: x.start, end: x.end, quote: x.quote, prefix: x.prefix, suffix: x.suffix, oldText }, source.text);
  applyReanchored(db, x, r, source.version, source.text);
}
