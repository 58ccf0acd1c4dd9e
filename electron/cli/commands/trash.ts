// `sourcebook` commands — the Trash: what was deleted, putting it back, emptying it.
import { deleteForever, emptyTrashSafely, listTrash, restoreFromTrash } from '../../services/trash';
import { one, parse, UsageError, withWorkspace, type Command } from '../command';

export const trashCommands: Command[] = [
  {
    name: 'trash',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      if (positionals.length) throw new UsageError(`Unknown command "trash ${positionals[0]}" (use "trash", "trash restore", "trash delete" or "trash empty").`);
      const items = await withWorkspace(ctx.workspace, listTrash);
      ctx.out.print(
        items.map(({ kind, id, title, deletedAt }) => ({ kind, id, title, deletedAt })),
        () => items.map((t) => `${t.deletedAt}  ${t.kind.padEnd(7)}  ${t.id}  ${t.title.length > 70 ? `${t.title.slice(0, 69)}…` : t.title}`).join('\n') || 'The Trash is empty.',
      );
      return 0;
    },
  },
  {
    name: 'trash restore',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'ID');
      const item = await withWorkspace(ctx.workspace, (db) => restoreFromTrash(db, id));
      ctx.out.print({ kind: item.kind, id: item.id, title: item.title, restored: true }, () => `restored ${item.kind} ${item.id} “${item.title}”`);
      return 0;
    },
  },
  {
    name: 'trash delete',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const id = one(positionals[0], 'ID');
      const result = await withWorkspace(ctx.workspace, (db) => deleteForever(db, id));
      ctx.out.print({ id, ...result }, () => `deleted ${id} for good`);
      return 0;
    },
  },
  {
    name: 'trash empty',
    async run(args, ctx) {
      parse(args, {});
      const result = await withWorkspace(ctx.workspace, (db) => emptyTrashSafely(db, ctx.workspace));
      ctx.out.print(result, () => (result.deleted ? `deleted ${result.deleted} item${result.deleted === 1 ? '' : 's'} for good` : 'The Trash was already empty.'));
      return 0;
    },
  },
];
