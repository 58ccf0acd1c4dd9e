// `sourcebook` commands — the workspace file itself: back it up (checked), list its
// backups, restore one.
import { openStore } from '../../services/session';
import { backupNow, listBackups, restoreBackup } from '../../services/backup';
import { verifyWorkspace } from '../../services/verify';
import { one, parse, UsageError, withWorkspace, type Command } from '../command';

const countsLine = (c: { sources: number; excerpts: number; entities: number; briefs: number }) => `${c.sources} sources, ${c.excerpts} excerpts, ${c.entities} entities, ${c.briefs} briefs`;

export const workspaceCommands: Command[] = [
  {
    name: 'backup',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { to: { type: 'string' } });
      if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
      // Read-only: a backup never migrates or otherwise writes the workspace it copies.
      const db = openStore(ctx.workspace, { readonly: true });
      try {
        const done = await backupNow(db, ctx.workspace, { to: values.to });
        ctx.out.print({ path: done.path, verified: done.verified, counts: done.counts }, () => `backed up to ${done.path}\nverified: ${countsLine(done.counts)}`);
      } finally {
        db.close();
      }
      return 0;
    },
  },
  {
    name: 'backups',
    async run(args, ctx) {
      parse(args, {});
      const rows = listBackups(ctx.workspace);
      ctx.out.print(
        rows.map(({ path, createdAt, bytes, verified, counts }) => ({ path, createdAt, bytes, verified, counts })),
        () => rows.map((b) => `${b.createdAt}  ${b.verified ? 'verified  ' : 'UNVERIFIED'}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB  ${b.path}`).join('\n') || 'No backups.',
      );
      return 0;
    },
  },
  {
    name: 'restore',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const from = one(positionals[0], 'BACKUP_PATH');
      const result = await restoreBackup(ctx.workspace, from);
      ctx.out.print(result, () => `restored ${result.restored} into ${ctx.workspace}${result.previous ? `\nthe workspace as it was is backed up at ${result.previous}` : ''}`);
      return 0;
    },
  },
  {
    name: 'merge',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const other = one(positionals[0], 'OTHER.sourcebook');
      if (positionals.length > 1) throw new UsageError(`Unexpected argument ${positionals[1]}.`);
      const { mergeWorkspace } = await import('../../services/merge');
      const r = await withWorkspace(ctx.workspace, (db) => mergeWorkspace(db, ctx.workspace, other));
      ctx.out.print(r, () =>
        [
          `merged ${other}: sources ${r.sources.added} added, ${r.sources.matched} already here; excerpts ${r.excerpts.added} added, ${r.excerpts.matched} already here;`,
          `entities ${r.entities.added} added, ${r.entities.matched} matched${r.entities.review ? `, ${r.entities.review} to review in the app (a name shared with another type, or with two entities)` : ''}; briefs ${r.briefs.added} added`,
          `undo: sourcebook restore "${r.backup}"`,
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'package',
    async run(args, ctx) {
      // `package BRIEF_ID --out FILE`, or `package --source ID [--source ID…] --out FILE`.
      const { values, positionals } = parse(args, { out: { type: 'string' }, source: { type: 'string', multiple: true } });
      const sources = values.source ?? [];
      if (sources.length && positionals.length) throw new UsageError('package takes a BRIEF_ID or --source IDs, not both.');
      if (!sources.length && !positionals.length) throw new UsageError('package needs a BRIEF_ID, or --source ID (repeatable) for sources.');
      const out = one(values.out, '--out');
      const { packageBrief, packageSources } = await import('../../services/merge');
      if (sources.length) {
        const r = await withWorkspace(ctx.workspace, (db) => packageSources(db, sources, out));
        ctx.out.print(r, () => `evidence package written to ${r.path}: ${r.sources.added} sources, ${r.excerpts.added} excerpts, ${r.entities.added} entities`);
        return 0;
      }
      const briefId = one(positionals[0], 'BRIEF_ID');
      const r = await withWorkspace(ctx.workspace, (db) => packageBrief(db, briefId, out));
      ctx.out.print(r, () => `evidence package written to ${r.path}: 1 brief, ${r.excerpts.added} excerpts, ${r.sources.added} sources, ${r.entities.added} entities`);
      return 0;
    },
  },
  {
    name: 'verify',
    async run(args, ctx) {
      parse(args, {});
      // Read-only: checking never writes.
      const db = openStore(ctx.workspace, { readonly: true });
      let r;
      try {
        r = verifyWorkspace(db);
      } finally {
        db.close();
      }
      ctx.out.print(r, () =>
        r.mismatches.length === 0
          ? `verified ${r.versions} version${r.versions === 1 ? '' : 's'} of ${r.sources} source${r.sources === 1 ? '' : 's'}: every text and original matches what was recorded`
          : [`${r.mismatches.length} mismatch${r.mismatches.length === 1 ? '' : 'es'} in ${r.versions} versions of ${r.sources} sources:`, ...r.mismatches.map((m) => `  ${m.sourceId} version ${m.version}: its ${m.what === 'text' ? 'text' : 'original bytes'} changed (recorded ${m.expected.slice(0, 12)}…, now ${m.actual.slice(0, 12)}…)`)].join('\n'),
      );
      return r.mismatches.length === 0 ? 0 : 1;
    },
  },
];
