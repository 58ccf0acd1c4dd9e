// `sourcebook` commands — Entities, mentions, suggestions, co-occurrence, relations and the timeline.
import { ENTITY_TYPES, type EntityType } from '../../../common/glossary';
import { entityCooccurrence, entityMentions, listDatedExcerpts } from '../../services/analysis';
import { addRelationWithEvidence } from '../../services/relations';
import { addEntity, addEntityAlias, listEntities, mergeEntity, rescanEntity, setEntityTransliteration } from '../../services/entities';
import { listEntityReviews, resolveEntityReview, type ReviewDecision } from '../../services/entityReviews';
import { UsageError, parse, one, withWorkspace, type Command } from '../command';

export const entitiesCommands: Command[] = [
  {
    name: 'entity add',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { type: { type: 'string' }, alias: { type: 'string', multiple: true } });
      const name = one(positionals[0], 'NAME');
      const type = one(values.type, '--type') as EntityType;
      if (!ENTITY_TYPES.includes(type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}.`);
      const e = await withWorkspace(ctx.workspace, (db) => addEntity(db, name, type, values.alias ?? []));
      ctx.out.print({ id: e.id }, () => `${e.id}  ${e.name} (${e.type})  ${e.mentionCount} mentions`);
      return 0;
    },
  },
  {
    name: 'entity alias',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'ENTITY_ID');
      const alias = one(positionals[1], 'ALIAS');
      const e = await withWorkspace(ctx.workspace, (db) => addEntityAlias(db, id, alias));
      ctx.out.print({ id: e.id, aliases: e.aliases, mentions: e.mentionCount }, () => `${e.id}  ${e.name}: ${e.aliases.join(', ')}  (${e.mentionCount} mentions)`);
      return 0;
    },
  },
  {
    name: 'entity transliteration',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'ENTITY_ID');
      const value = one(positionals[1], 'on|off').toLowerCase();
      if (value !== 'on' && value !== 'off') throw new UsageError('entity transliteration takes on or off.');
      const e = await withWorkspace(ctx.workspace, (db) => setEntityTransliteration(db, id, value === 'on'));
      ctx.out.print({ id: e.id, matchTransliteration: e.matchTransliteration, mentions: e.mentionCount }, () => `${e.id}  ${e.name}: Cyrillic transliteration ${e.matchTransliteration ? 'on' : 'off'}  (${e.mentionCount} mentions)`);
      return 0;
    },
  },
  {
    name: 'entity rescan',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'ENTITY_ID');
      const r = await withWorkspace(ctx.workspace, (db) => rescanEntity(db, id));
      ctx.out.print(r, () => `rescanned ${r.sources} source${r.sources === 1 ? '' : 's'} for the names of ${id}: ${r.mentions} mention${r.mentions === 1 ? '' : 's'}`);
      return 0;
    },
  },
  {
    name: 'entity reviews',
    async run(args, ctx) {
      parse(args, {});
      const rows = await withWorkspace(ctx.workspace, listEntityReviews);
      ctx.out.print(
        rows.map(({ id, name, type, aliases, candidates, excerptIds, cameFrom }) => ({ id, name, type, aliases, candidates, excerpts: excerptIds.length, cameFrom })),
        () => rows.map((r) => `${r.id}  ${r.name} (${r.type})  matches ${r.candidates.join(', ')}  from ${r.cameFrom}`).join('\n') || 'No entities wait for review.',
      );
      return 0;
    },
  },
  {
    name: 'entity review',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { into: { type: 'string' }, as: { type: 'string' }, dismiss: { type: 'boolean' } });
      const id = one(positionals[0], 'ID');
      const given = [values.into !== undefined, values.as !== undefined, values.dismiss === true].filter(Boolean).length;
      if (given !== 1) throw new UsageError('Say what to do with it: --into ENTITY_ID, --as NEW_NAME or --dismiss.');
      const decision: ReviewDecision = values.into !== undefined ? { into: values.into } : values.as !== undefined ? { asNew: values.as } : { dismiss: true };
      const r = await withWorkspace(ctx.workspace, (db) => resolveEntityReview(db, id, decision));
      ctx.out.print({ id: r.id, entity: r.entity ? { id: r.entity.id, name: r.entity.name, aliases: r.entity.aliases } : null }, () => (r.entity ? `${id} is now ${r.entity.name} (${r.entity.id})` : `${id} dismissed`));
      return 0;
    },
  },
  {
    name: 'entity merge',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const keep = one(positionals[0], 'KEEP_ID');
      const other = one(positionals[1], 'OTHER_ID');
      const { mergeId, entity } = await withWorkspace(ctx.workspace, (db) => mergeEntity(db, keep, other));
      ctx.out.print({ id: entity.id, merged: other, mergeId }, () => `merged ${other} into ${entity.id} ${entity.name} (undo: merge ${mergeId})`);
      return 0;
    },
  },
  {
    name: 'entities',
    async run(args, ctx) {
      parse(args, {});
      const rows = await withWorkspace(ctx.workspace, (db) =>
        listEntities(db).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentionCount, excerpts: e.excerptCount })),
      );
      ctx.out.print(rows, () => rows.map((e) => `${e.id}  ${e.name} (${e.type})  ${e.mentions} mentions, ${e.excerpts} excerpts${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}`).join('\n') || 'No entities.');
      return 0;
    },
  },
  {
    name: 'mentions',
    async run(args, ctx) {
      const { values } = parse(args, { entity: { type: 'string' } });
      const id = one(values.entity, '--entity');
      const rows = await withWorkspace(ctx.workspace, (db) => entityMentions(db, id).map(({ sourceId, start, end, text }) => ({ sourceId, start, end, text })));
      ctx.out.print(rows, () => rows.map((m) => `${m.sourceId}  ${m.start}–${m.end}  ${m.text}`).join('\n') || 'No mentions.');
      return 0;
    },
  },
  {
    name: 'suggestions',
    async run(args, ctx) {
      parse(args, {});
      const { suggestEntities, suggestionCoverage } = await import('../../services/suggestions');
      const [rows, coverage] = await withWorkspace(ctx.workspace, async (db) => [await suggestEntities(db), suggestionCoverage(db)] as const);
      const unread = coverage.notRead.map((l) => `${l.count} in ${l.language}`).join(', ');
      ctx.out.print(
        rows.map(({ name, type, count }) => ({ name, type, count })),
        () =>
          [
            rows.map((r) => `${String(r.count).padStart(4)}  ${r.name} (${r.type})`).join('\n') || 'No suggestions.',
            ...(unread ? [`Suggestions read English sources only; not read: ${unread}.`] : []),
          ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'cooccurrence',
    async run(args, ctx) {
      parse(args, {});
      const rows = await withWorkspace(ctx.workspace, entityCooccurrence);
      ctx.out.print(rows, () => rows.map((r) => `${r.a}  ${r.b}  ${r.excerpts} excerpts, ${r.paragraphs} paragraphs`).join('\n') || 'No co-occurrences.');
      return 0;
    },
  },
  {
    name: 'relation add',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { label: { type: 'string' }, evidence: { type: 'string', multiple: true } });
      const from = one(positionals[0], 'FROM_ID');
      const to = one(positionals[1], 'TO_ID');
      const label = one(values.label?.trim(), '--label');
      const evidence = values.evidence ?? [];
      if (evidence.length === 0) throw new UsageError('relation add needs at least one --evidence EXCERPT_ID.');
      const id = await withWorkspace(ctx.workspace, (db) => addRelationWithEvidence(db, { fromId: from, toId: to, label, evidence }));
      ctx.out.print({ id }, () => `${id}  ${from} — ${label} — ${to}`);
      return 0;
    },
  },
  {
    name: 'timeline',
    async run(args, ctx) {
      parse(args, {});
      const rows = await withWorkspace(ctx.workspace, (db) => listDatedExcerpts(db).map((x) => ({ date: x.eventDate!, excerptId: x.id })));
      ctx.out.print(rows, () => rows.map((r) => `${r.date.padEnd(10)}  ${r.excerptId}`).join('\n') || 'No dated excerpts.');
      return 0;
    },
  },
];
