// `sourcebook` commands — the workspace file itself: back it up (checked), list its
// backups, restore one.
import { openStore } from '../../services/session';
import { backupNow, listBackups, restoreBackup } from '../../services/backup';
import { one, parse, UsageError, type Command } from '../command';

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
];
