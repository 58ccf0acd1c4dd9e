// Keeping the workspace's mentions in step with its texts and names: a source is scanned
// when imported or re-imported; a new alias scans the corpus, cheaply, for that alias only
// and rescans just the sources where it occurs (elsewhere nothing can change).
import type { Db } from '../../../db/workspace';
import { allNames, namesToken, transliteratedEntityIds } from '../../../db/entities';
import { cyrillicSpellingsOfName } from '../../../common/transliteration';
import { russianCases } from '../../../common/russianCases';
import { prepared } from '../../../db/statements';
import { getSource, listSourceIds } from '../../../db/sources';
import { paragraphIndexer, replaceSourceMentions } from '../../../db/mentions';
import { MentionMatcher, scanForAlias } from './matcher';
import { foldText, type FoldedText } from './fold';

/** The matcher for the workspace's current names, rebuilt only when the names change. */
const matchers = new WeakMap<Db, { token: number; matcher: MentionMatcher }>();

function matcherFor(db: Db): MentionMatcher {
  // The registry's token says whether any name changed since the matcher was built (in
  // this process or another): one small read per imported file, not every name.
  const token = namesToken(db);
  const cached = matchers.get(db);
  if (cached && token !== null && cached.token === token) return cached.matcher;
  const matcher = new MentionMatcher(namesToLookFor(db));
  if (token !== null) matchers.set(db, { token, matcher });
  return matcher;
}

/**
 * Every name and alias; then the Cyrillic spellings of the Latin names of the entities
 * that ask for them; then the other cases of every Russian name among those (Патрушев →
 * Патрушева, Патрушеву…): after every name written by the analyst, so a written name wins a tie.
 */
export function namesToLookFor(db: Db): { entityId: string; alias: string }[] {
  const names = allNames(db);
  const transliterated = transliteratedEntityIds(db);
  const spelled = transliterated.size ? names.filter((n) => transliterated.has(n.entityId)).flatMap((n) => cyrillicSpellingsOfName(n.alias).map((alias) => ({ entityId: n.entityId, alias }))) : [];
  const declined = [...names, ...spelled].flatMap((n) => russianCases(n.alias).map((alias) => ({ entityId: n.entityId, alias })));
  return [...names, ...spelled, ...declined];
}

/** Whether a new alias (in any of its Russian cases) occurs in a text: only such texts need scanning again. */
export function aliasOccurs(text: string | FoldedText, alias: string, entityId: string): boolean {
  return [alias, ...russianCases(alias)].some((form) => scanForAlias(text, form, entityId).add.length > 0);
}

/**
 * Folded texts kept from the last scans, by content hash, so a new alias is looked for
 * in them without folding the corpus again (about a third of the cost). Bounded.
 */
const folded = new Map<string, FoldedText>();
const FOLDED_BUDGET = 64 * 1024 * 1024; // characters
let foldedSize = 0;

function foldedOf(hash: string, text: string): FoldedText {
  const hit = folded.get(hash);
  if (hit) return hit;
  const f = foldText(text);
  folded.set(hash, f);
  foldedSize += text.length;
  for (const [key, value] of folded) {
    if (foldedSize <= FOLDED_BUDGET) break;
    folded.delete(key);
    foldedSize -= value.source.length;
  }
  return f;
}

/** Scans one source's current text for every name and alias, replacing its mentions. */
export function scanSource(db: Db, sourceId: string, matcher: MentionMatcher = matcherFor(db)): number {
  const source = getSource(db, sourceId);
  if (!source) return 0;
  return scanText(db, sourceId, source.text, source.contentHash, matcher);
}

/**
 * Scans a text known to be a source's current one (the importer has it in hand: no need
 * to read it back). A workspace without entities has nothing to find: no work at all.
 */
export function scanText(db: Db, sourceId: string, text: string, contentHash: string, matcher: MentionMatcher = matcherFor(db), options: { fresh?: boolean } = {}): number {
  if (matcher.size === 0) {
    if (!options.fresh) prepared(db, `DELETE FROM mentions WHERE source_id = ?`).run(sourceId);
    return 0;
  }
  const found = matcher.scan(foldedOf(contentHash, text));
  const paragraphOf = paragraphIndexer(text);
  db.transaction(() =>
    replaceSourceMentions(
      db,
      sourceId,
      found.map((m) => ({ entityId: m.entityId, start: m.start, end: m.end, text: m.text, paragraph: paragraphOf(m.start) })),
    ),
  ).immediate();
  return found.length;
}

export interface ScanProgress {
  done: number;
  total: number;
}

/**
 * Rescans the corpus, one source per turn of the event loop so the app keeps answering
 * while it runs. `only(text)` may say a source cannot be affected (it is then skipped).
 */
export async function scanCorpus(
  db: Db,
  options: { onProgress?: (p: ScanProgress) => void; only?: (text: string | FoldedText) => boolean; signal?: AbortSignal } = {},
): Promise<ScanProgress> {
  const ids = listSourceIds(db);
  const matcher = matcherFor(db);
  let done = 0;
  for (const id of ids) {
    if (options.signal?.aborted) break;
    const source = options.only ? getSource(db, id) : null;
    if (!options.only || (source && options.only(folded.get(source.contentHash) ?? source.text))) scanSource(db, id, matcher);
    done++;
    options.onProgress?.({ done, total: ids.length });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { done, total: ids.length };
}

/** After an alias (or entity name) was added: only sources where it occurs are rescanned. */
export function scanForNewAlias(db: Db, entityId: string, alias: string, options: { onProgress?: (p: ScanProgress) => void; signal?: AbortSignal } = {}): Promise<ScanProgress> {
  return scanCorpus(db, { ...options, only: (text) => aliasOccurs(text, alias, entityId) });
}

/** The synchronous form, for the command line (nothing else is waiting on it). */
export function scanCorpusNow(db: Db, only?: (text: string | FoldedText) => boolean): number {
  const matcher = matcherFor(db);
  let scanned = 0;
  for (const id of listSourceIds(db)) {
    if (only) {
      const source = getSource(db, id);
      if (!source || !only(folded.get(source.contentHash) ?? source.text)) continue;
    }
    scanSource(db, id, matcher);
    scanned++;
  }
  return scanned;
}
