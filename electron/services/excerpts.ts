import type { Db } from '../../db/workspace';
import type { EntityType, ExcerptView } from '../../db/domain';
import { getSource } from '../../db/sources';
import { requireSource } from './sources';
import { getExcerpt, getExcerpts, insertExcerpt, listExcerpts, listExcerptsOfSource, listExcerptsToReview, setExcerptAnchor, touchExcerpt, updateExcerptFields } from '../../db/excerpts';
import { listTags, setExcerptTags } from '../../db/tags';
import { citedIn } from '../../db/briefs';
import { trashItem } from '../../db/trash';
import { datesIn } from './dates';
import { createEntity, findEntityByName, setExcerptEntities } from '../../db/entities';
import { aliasOccurs, scanCorpusNow } from './mentions/scan';
import { findQuote, quoteContext } from './anchoring/quote';
import { found, UserError } from './errors';

export interface EntityInput {
  name: string;
  type: EntityType;
}

export interface ExcerptDetails {
  tags?: readonly string[];
  entities?: readonly EntityInput[];
  note?: string;
  credibility?: number | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  eventDate?: string | null;
}

/** A checked event date (YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day), or a UserError. */
export function checkEventDate(raw: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  const ok = m && (!m[2] || (+m[2] >= 1 && +m[2] <= 12)) && (!m[3] || (+m[3] >= 1 && +m[3] <= new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate()));
  if (!ok) throw new UserError(`“${raw}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`);
  return raw.trim();
}

function applyDetails(db: Db, id: string, d: ExcerptDetails): void {
  if (d.tags) setExcerptTags(db, id, d.tags);
  if (!d.entities) return;
  const ids = d.entities.map((e) => {
    const existing = findEntityByName(db, e.name);
    if (existing) return existing.id;
    // An entity created on the fly is looked for across the corpus straight away.
    const created = createEntity(db, e.name, e.type);
    scanCorpusNow(db, (text) => aliasOccurs(text, created.name, created.id));
    return created.id;
  });
  setExcerptEntities(db, id, ids);
}

/** Saves the passage at [start, end) of the source's current text as an excerpt. */
export function createExcerptAt(db: Db, sourceId: string, start: number, end: number, details: ExcerptDetails = {}): ExcerptView {
  const source = requireSource(db, sourceId);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= source.text.length)) {
    throw new UserError(`The passage ${start}–${end} is outside the source (its text is ${source.text.length} characters long).`);
  }
  // An excerpt never starts or ends in whitespace: trim the selection to its words.
  while (start < end && /\s/u.test(source.text[start])) start++;
  while (end > start && /\s/u.test(source.text[end - 1])) end--;
  if (end <= start) throw new UserError('The selected passage is only whitespace.');
  const id = db.transaction(() => {
    const newId = insertExcerpt(db, {
      sourceId,
      version: source.version,
      start,
      end,
      quote: source.text.slice(start, end),
      ...quoteContext(source.text, start, end),
      note: details.note ?? '',
      credibility: details.credibility ?? null,
    });
    if (details.eventDate) updateExcerptFields(db, newId, { eventDate: checkEventDate(details.eventDate) });
    applyDetails(db, newId, details);
    return newId;
  }).immediate();
  return getExcerpt(db, id)!;
}

/**
 * Saves a quoted passage as an excerpt. The quote must occur in the source; when it
 * occurs more than once, `occurrence` (1-based) must say which one.
 */
export function createExcerptFromQuote(db: Db, sourceId: string, quote: string, occurrence: number | undefined, details: ExcerptDetails = {}): ExcerptView {
  const source = requireSource(db, sourceId);
  if (!quote.trim()) throw new UserError('The quote is empty.');
  const matches = findQuote(source.text, quote);
  if (matches.length === 0) throw new UserError(`The quote is not in the source “${source.title}” (${sourceId}).`);
  if (occurrence === undefined && matches.length > 1) {
    throw new UserError(`The quote occurs ${matches.length} times in “${source.title}”; pick one with --occurrence N (1 to ${matches.length}).`);
  }
  const n = occurrence ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > matches.length) {
    throw new UserError(`--occurrence ${occurrence} is out of range: the quote occurs ${matches.length} time${matches.length === 1 ? '' : 's'}.`);
  }
  const m = matches[n - 1];
  return createExcerptAt(db, sourceId, m.start, m.end, details);
}

export function updateExcerpt(db: Db, id: string, details: ExcerptDetails): ExcerptView {
  const updated = db.transaction(() => {
    if (!getExcerpt(db, id)) return false;
    updateExcerptFields(db, id, { note: details.note, credibility: details.credibility, eventDate: details.eventDate ? checkEventDate(details.eventDate) : details.eventDate });
    applyDetails(db, id, details);
    touchExcerpt(db, id);
    return true;
  }).immediate();
  if (!updated) throw new UserError(`No excerpt with id ${id}.`);
  return getExcerpt(db, id)!;
}

/** Moves the excerpt to the Trash: briefs keep their citations, which show it as deleted until it is restored. */
export function removeExcerpt(db: Db, id: string): boolean {
  return trashItem(db, 'excerpt', id);
}

/** The passage with `chars` characters of context either side, for hover previews. */
export function excerptContext(db: Db, id: string, chars = 240): { before: string; quote: string; after: string } {
  const x = getExcerpt(db, id);
  if (!x) throw new UserError(`No excerpt with id ${id}.`);
  const source = getSource(db, x.sourceId)!;
  if (x.state === 'orphaned') return { before: '', quote: x.quote, after: '' };
  const text = source.text;
  return { before: text.slice(Math.max(0, x.start - chars), x.start), quote: text.slice(x.start, x.end), after: text.slice(x.end, x.end + chars) };
}

/** The analyst accepts a fuzzy excerpt's new passage: it becomes exact where it is. */
export function confirmExcerpt(db: Db, id: string): ExcerptView {
  const x = getExcerpt(db, id);
  if (!x) throw new UserError(`No excerpt with id ${id}.`);
  if (x.state !== 'fuzzy') throw new UserError(`Excerpt ${id} is ${x.state}; only a fuzzy excerpt can be confirmed.`);
  setExcerptAnchor(db, id, { version: x.version, start: x.start, end: x.end, quote: x.quote, prefix: x.prefix, suffix: x.suffix, state: 'exact', score: null, previousQuote: x.previousQuote });
  return getExcerpt(db, id)!;
}

/** The analyst points an excerpt (fuzzy, orphaned, or any) at a passage of the current text. */
export function pointExcerptAt(db: Db, id: string, start: number, end: number): ExcerptView {
  const x = getExcerpt(db, id);
  if (!x) throw new UserError(`No excerpt with id ${id}.`);
  const source = requireSource(db, x.sourceId);
  if (end > source.text.length) throw new UserError(`The passage ${start}–${end} is outside the source (its text is ${source.text.length} characters long).`);
  while (start < end && /\s/u.test(source.text[start])) start++;
  while (end > start && /\s/u.test(source.text[end - 1])) end--;
  if (end <= start) throw new UserError('The selected passage is only whitespace.');
  const quote = source.text.slice(start, end);
  setExcerptAnchor(db, id, {
    version: source.version,
    start,
    end,
    quote,
    ...quoteContext(source.text, start, end),
    state: 'exact',
    score: null,
    previousQuote: quote === x.quote ? x.previousQuote : x.quote,
  });
  return getExcerpt(db, id)!;
}

export { getExcerpts, listExcerptsToReview, listTags };

export function requireExcerpt(db: Db, id: string): ExcerptView {
  return found(getExcerpt(db, id), 'excerpt', id);
}

/** A source's excerpts in text order, or the workspace's most recent ones. */
export function excerptsOf(db: Db, sourceId?: string): ExcerptView[] {
  return sourceId ? listExcerptsOfSource(db, sourceId) : listExcerpts(db);
}

/** The dates written in an excerpt's quote, offered as its event date. */
export function excerptDateSuggestions(db: Db, id: string): string[] {
  return datesIn(requireExcerpt(db, id).quote);
}

/** The briefs citing an excerpt, with where. */
export function whereExcerptIsCited(db: Db, id: string): ReturnType<typeof citedIn> {
  return citedIn(db, id);
}
