// Handing work over between machines (issue #11): merging another workspace into this
// one, and the evidence package — a brief with exactly what it needs, as a new workspace
// file that opens or merges elsewhere with every citation intact. The record-level rules
// are db/merge.ts's; here: the safety backup, reading the other file safely, and the
// mentions and anchors brought up to date afterwards.
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/workspace';
import { integrityProblems, openWorkspace, removeWorkspaceFiles, useRollbackJournal } from '../../db/workspace';
import { snapshotTo } from '../../db/backup';
import { briefClosure, mergeRows, sourcesClosure, type MergeOutcome, type MergeSelection } from '../../db/merge';
import { getBrief } from '../../db/briefs';
import { getSourceSummary } from '../../db/sources';
import { UserError, WorkspaceError } from './errors';
import { backupBefore } from './backup';
import { scanSource } from './mentions/scan';
import { rescanEntity, scanNameNow } from './entities';
import { bringExcerptUpToDate } from './versions';
import type { MergeReport } from './views';
import { fileSlug } from './export/exportBrief';

/** Mentions and anchors after records came in: new sources scanned, new names looked for, excerpts re-anchored. */
function settle(db: Db, outcome: MergeOutcome): void {
  for (const x of outcome.excerpts.toReanchor) bringExcerptUpToDate(db, x.id, x.oldText);
  for (const id of outcome.sources.added) scanSource(db, id);
  for (const id of outcome.entities.added) rescanEntity(db, id);
  for (const { entityId, alias } of outcome.entities.gainedAliases) scanNameNow(db, entityId, alias);
}

const report = (o: MergeOutcome): MergeReport => ({
  sources: { added: o.sources.added.length, matched: o.sources.matched },
  excerpts: { added: o.excerpts.added, matched: o.excerpts.matched },
  entities: { added: o.entities.added.length, matched: o.entities.matched, review: o.entities.review },
  briefs: { added: o.briefs.added },
});

/**
 * Opens another workspace file to read from: a one-statement copy of it in a temporary
 * folder (so the original is never written, whatever its schema, and a file open
 * elsewhere is read whole), migrated to this version's schema.
 */
function openOther(path: string): { other: Db; done(): void } {
  const source = resolve(path);
  if (!existsSync(source)) throw new UserError(`No workspace at ${source}.`);
  const copy = join(tmpdir(), `sourcebook-merge-${process.pid}-${Date.now()}.sourcebook`);
  let original: Db;
  try {
    original = openWorkspace(source, { readonly: true });
  } catch (err) {
    throw new UserError(err instanceof WorkspaceError ? err.message : `${source} cannot be read: ${(err as Error).message}`);
  }
  try {
    snapshotTo(original, copy);
  } finally {
    original.close();
  }
  const other = openWorkspace(copy);
  return {
    other,
    done() {
      other.close();
      removeWorkspaceFiles(copy);
    },
  };
}

/**
 * Merges the workspace at `otherPath` into the open one: backed up first (undo = restore
 * that backup, named in the result), one transaction, and merging the same file twice
 * changes nothing the second time.
 */
export async function mergeWorkspace(db: Db, workspacePath: string, otherPath: string): Promise<MergeReport & { backup: string }> {
  if (existsSync(otherPath) && existsSync(workspacePath) && realpathSync(otherPath) === realpathSync(workspacePath)) throw new UserError('A workspace cannot be merged into itself.');
  const { other, done } = openOther(otherPath);
  try {
    const backup = await backupBefore(db, workspacePath, `merging ${resolve(otherPath)}`);
    const outcome = db.transaction(() => {
      const o = mergeRows(db, other, resolve(otherPath));
      settle(db, o);
      return o;
    }).immediate();
    return { ...report(outcome), backup: backup.path };
  } finally {
    done();
  }
}

/**
 * Writes an evidence package of a brief to `out` (a new file): the brief, every excerpt it
 * cites, their sources with all their versions, their entities. Written beside `out` and
 * renamed once whole and checked.
 */
export function packageBrief(db: Db, briefId: string, out: string): MergeReport & { path: string } {
  if (!getBrief(db, briefId)) throw new UserError(`No brief with id ${briefId}.`);
  return writePackage(db, briefClosure(db, briefId), out);
}

/**
 * Writes an evidence package of some sources to `out` (the library's bulk Export…): the
 * sources with all their versions and tags, all their excerpts, the entities those carry
 * or the sources mention. An unknown source refuses the whole package.
 */
export function packageSources(db: Db, sourceIds: readonly string[], out: string): MergeReport & { path: string } {
  if (!sourceIds.length) throw new UserError('Choose at least one source to package.');
  const missing = sourceIds.find((id) => !getSourceSummary(db, id));
  if (missing) throw new UserError(`No source with id ${missing}.`);
  return writePackage(db, sourcesClosure(db, sourceIds), out);
}

/** A new workspace file at `out` holding `selection` of this one, written beside it and renamed once whole and checked. */
function writePackage(db: Db, selection: Required<MergeSelection>, out: string): MergeReport & { path: string } {
  const target = resolve(out);
  if (existsSync(target)) throw new UserError(`${target} already exists; an evidence package never replaces a file.`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  let pkg: Db;
  try {
    pkg = openWorkspace(partial);
  } catch (err) {
    throw new UserError(`Cannot write ${target}: ${(err as Error).message}`);
  }
  let outcome: MergeOutcome;
  try {
    outcome = pkg.transaction(() => {
      const o = mergeRows(pkg, db, 'this workspace', selection);
      settle(pkg, o);
      return o;
    }).immediate();
    useRollbackJournal(pkg);
    const problems = integrityProblems(pkg);
    if (problems.length) throw new Error(`the package did not pass SQLite's integrity check (${problems.slice(0, 3).join('; ')})`);
  } catch (err) {
    pkg.close();
    removeWorkspaceFiles(partial);
    throw err;
  }
  pkg.close();
  renameSync(partial, target);
  // The package has no clean close on record under its own name: wherever it is opened first, it is checked in full.
  removeWorkspaceFiles(partial);
  return { ...report(outcome), path: target };
}

/** A scratch file in the temporary folder, removed with its companions by `done`. */
function scratch(name: string): { path: string; done(): void } {
  const path = join(tmpdir(), `sourcebook-${name}-${process.pid}-${Date.now()}.sourcebook`);
  return {
    path,
    done: () => {
      removeWorkspaceFiles(path);
      removeWorkspaceFiles(`${path}.partial`);
    },
  };
}

/** An evidence package as bytes, for the app to save (a download in the browser, a Save dialog on the desktop). */
export function packageBriefBytes(db: Db, briefId: string): { data: Buffer; fileName: string } {
  const brief = getBrief(db, briefId);
  if (!brief) throw new UserError(`No brief with id ${briefId}.`);
  return packageBytes((path) => packageBrief(db, briefId, path), `${fileSlug(brief.title)}-evidence.sourcebook`);
}

/** The sources' evidence package as bytes (the window downloads it), named after the first source and how many there are. */
export function packageSourcesBytes(db: Db, sourceIds: readonly string[]): { data: Buffer; fileName: string } {
  const first = sourceIds.length ? getSourceSummary(db, sourceIds[0]) : null;
  const name = first ? `${fileSlug(first.title)}${sourceIds.length > 1 ? `-and-${sourceIds.length - 1}-more` : ''}` : 'sources';
  return packageBytes((path) => packageSources(db, sourceIds, path), `${name}-evidence.sourcebook`);
}

function packageBytes(write: (path: string) => unknown, fileName: string): { data: Buffer; fileName: string } {
  const file = scratch('package');
  try {
    write(file.path);
    return { data: readFileSync(file.path), fileName };
  } finally {
    file.done();
  }
}

/** Merges a workspace file the app was given (uploaded or picked) into the open one. */
export async function mergeWorkspaceBytes(db: Db, workspacePath: string, name: string, data: Buffer): Promise<MergeReport & { backup: string }> {
  const file = scratch('incoming');
  try {
    writeFileSync(file.path, data);
    return await mergeWorkspace(db, workspacePath, file.path);
  } catch (err) {
    // The person knows the file by its name, not by the scratch copy's path.
    if (err instanceof UserError) throw new UserError(err.message.split(file.path).join(name));
    throw err;
  } finally {
    file.done();
  }
}
