// `sourcebook` commands — Excerpts (add, delete, list) and search.
import { readFileSync, statSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../../../common/sourceFiles';
import { ENTITY_TYPES, type EntityType } from '../../../common/glossary';
import { correctQuery, search } from '../../services/search';
import { requireSource } from '../../services/sources';
import { createExcerptFromQuote, excerptsOf, removeExcerpt } from '../../services/excerpts';
import { UserError } from '../../services/errors';
import { UsageError, parse, one, withWorkspace, type Command } from '../command';

/** A quote too long for a command line, from a UTF-8 file (at most the import limit). */
function readQuoteFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`Cannot read ${path}: no such file`);
  }
  if (!stat.isFile()) throw new UserError(`Cannot read ${path}: it is not a regular file.`);
  if (stat.size > MAX_IMPORT_BYTES) throw new UserError(`${path} is too large to be a quote.`);
  const quote = readFileSync(path, 'utf8');
  if (!quote.trim()) throw new UserError(`${path} is empty: there is no quote in it.`);
  return quote;
}

export const excerptsCommands: Command[] = [
  {
    name: 'excerpt add',
    async run(args, ctx) {
      const { values, positionals } = parse(args, {
        source: { type: 'string' },
        quote: { type: 'string' },
        'quote-file': { type: 'string' },
        occurrence: { type: 'string' },
        entity: { type: 'string', multiple: true },
        'entity-type': { type: 'string' },
        tag: { type: 'string', multiple: true },
        note: { type: 'string' },
        credibility: { type: 'string' },
        date: { type: 'string' },
      });
      if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
      const occurrence = values.occurrence === undefined ? undefined : Number(values.occurrence);
      if (occurrence !== undefined && !(Number.isInteger(occurrence) && occurrence >= 1)) throw new UsageError('--occurrence takes a whole number from 1.');
      const credibility = values.credibility === undefined ? undefined : Number(values.credibility);
      if (credibility !== undefined && !(Number.isInteger(credibility) && credibility >= 1 && credibility <= 6)) {
        throw new UsageError('--credibility takes a number from 1 to 6.');
      }
      const entityType = (values['entity-type'] ?? 'other') as EntityType;
      if (!ENTITY_TYPES.includes(entityType)) throw new UsageError(`--entity-type must be one of ${ENTITY_TYPES.join(', ')}.`);
      const sourceId = one(values.source, '--source');
      if (values.quote !== undefined && values['quote-file'] !== undefined) throw new UsageError('Give the quote with --quote or with --quote-file, not both.');
      const quote = values['quote-file'] !== undefined ? readQuoteFile(values['quote-file']) : one(values.quote, '--quote (or --quote-file)');
      const x = await withWorkspace(ctx.workspace, (db) =>
        createExcerptFromQuote(db, sourceId, quote, occurrence, {
          tags: values.tag ?? [],
          entities: (values.entity ?? []).map((name) => ({ name, type: entityType })),
          note: values.note ?? '',
          credibility: credibility ?? null,
          eventDate: values.date ?? null,
        }),
      );
      ctx.out.print({ id: x.id, sourceId: x.sourceId, start: x.start, end: x.end, quote: x.quote }, () => `${x.id}  ${x.start}–${x.end}  “${x.quote}”`);
      return 0;
    },
  },
  {
    name: 'excerpt delete',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'EXCERPT_ID');
      const deleted = await withWorkspace(ctx.workspace, (db) => removeExcerpt(db, id));
      if (!deleted) throw new UserError(`No excerpt with id ${id}.`);
      ctx.out.print({ id, deleted }, () => `deleted ${id} (moved to the Trash: \`sourcebook trash restore ${id}\` puts it back)`);
      return 0;
    },
  },
  {
    name: 'excerpts',
    async run(args, ctx) {
      const { values } = parse(args, { source: { type: 'string' } });
      const sourceId = one(values.source, '--source');
      const rows = await withWorkspace(ctx.workspace, (db) => {
        requireSource(db, sourceId);
        return excerptsOf(db, sourceId).map((x) => ({ id: x.id, quote: x.quote, start: x.start, end: x.end, state: x.state, page: x.page }));
      });
      ctx.out.print(rows, () => rows.map((x) => `${x.id}  ${x.start}–${x.end}  ${x.state}  “${x.quote}”`).join('\n') || 'No excerpts.');
      return 0;
    },
  },
  {
    name: 'search',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const query = positionals.join(' ');
      // Nothing found: "did you mean" for a person (the --json shape stays a list of results).
      const { hits, corrected } = await withWorkspace(ctx.workspace, (db) => {
        const found = search(db, query);
        return { hits: found, corrected: found.length ? null : correctQuery(db, query) };
      });
      const value = hits.map(({ kind, id, title, snippet, highlights }) => ({ kind, id, title, snippet, highlights }));
      const none = corrected ? `No results. Did you mean: ${corrected}?` : 'No results.';
      ctx.out.print(value, () => value.map((h) => `${h.kind.padEnd(8)} ${h.id}  ${h.title}\n         ${h.snippet}`).join('\n') || none);
      return 0;
    },
  },
];
