import { briefBacklinks, type BriefBacklinks } from '../../db/backlinks';
import type { Db } from '../../db/workspace';
import type { Brief, BriefSummary } from '../../db/domain';
import { createBrief, getBrief, listBriefs, saveBrief } from '../../db/briefs';
import { getExcerpt } from '../../db/excerpts';
import { trashItem } from '../../db/trash';
import { emptyDocument } from '../../db/brief/document';
import { briefFromMarkdown, UnknownCitationError } from '../../db/brief/fromMarkdown';
import { UserError } from './errors';

/** A new brief, from Markdown where `[[cite:EXCERPT_ID]]` is a citation, or empty. */
export function createBriefFromMarkdown(db: Db, title: string, markdown?: string, author?: string): Brief {
  const clean = title.trim();
  if (!clean) throw new UserError('A brief needs a title.');
  let doc = emptyDocument();
  if (markdown !== undefined) {
    try {
      doc = briefFromMarkdown(markdown, (id) => {
        const x = getExcerpt(db, id);
        return x ? { quote: x.quote, sourceTitle: x.sourceTitle } : null;
      });
    } catch (err) {
      if (err instanceof UnknownCitationError) throw new UserError(err.message);
      throw err;
    }
  }
  const id = createBrief(db, clean, doc);
  if (author?.trim()) saveBrief(db, id, { author });
  return getBrief(db, id)!;
}

export function requireBrief(db: Db, id: string): Brief {
  const brief = getBrief(db, id);
  if (!brief) throw new UserError(`No brief with id ${id}.`);
  return brief;
}

export { listBriefs };

/** What points at the brief's matter: briefs sharing its evidence or its entities, and the sources it cites (db/backlinks.ts). */
export function backlinksOf(db: Db, id: string): BriefBacklinks {
  requireBrief(db, id);
  return briefBacklinks(db, id);
}

/** The brief's row in the list (title, dates, counts), as after a save. */
export function briefSummary(db: Db, id: string): BriefSummary {
  requireBrief(db, id);
  return listBriefs(db).find((b) => b.id === id)!;
}

/** Moves a brief to the Trash with its history. */
export function removeBrief(db: Db, id: string): boolean {
  return trashItem(db, 'brief', id);
}
