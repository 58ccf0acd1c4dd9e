import type { Db } from '../../db/workspace';
import type { Brief } from '../../db/domain';
import { createBrief, getBrief, saveBrief } from '../../db/briefs';
import { getExcerpt } from '../../db/excerpts';
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
