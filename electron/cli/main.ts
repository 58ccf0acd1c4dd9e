// `sourcebook`: the command line over the same services as the app. Its --json output
// is a stable interface (DESIGN.md): stdout carries exactly one JSON value, errors go
// to stderr with a non-zero exit. The commands are a table (./commands/, one file per
// feature); this file reads the global flags and finds the command.
// Only the light parts load up front (`help` reads no workspace and loads no service): a
// command's feature file is loaded when it is named (./commandIndex.ts), and the heavy
// services inside it (importer, exporters, name recognition) when the command runs.
import { defaultWorkspacePath } from './defaults';
import { UsageError, parse, type Out } from './args';
import { loadFeatureOf } from './commandIndex';

const USAGE = `Usage: sourcebook [--workspace PATH] <command> [options]

Commands:
  import PATH... [--json]                 import .txt .md .html .pdf .docx files and images (folders: recursively)
    [--ocr auto|always|never] [--ocr-lang eng+spa] [--ocr-data DIR]   OCR of scans and images (default auto, eng)
  sources [--json]                        list the sources
  source replace SOURCE_ID FILE [--json]  replace a source's text with a new version; re-anchor its excerpts
  source grade SOURCE_ID --reliability A-F   grade a source (the first grade of a publisher's source
                                          becomes that publisher's default)
  source language SOURCE_ID CODE|none     set a source's language (ISO 639-1, e.g. es, fa, zh; detected on import)
  excerpt add --source ID --quote TEXT|--quote-file FILE [--occurrence N] [--entity NAME]... [--entity-type TYPE]
              [--tag TAG]... [--note TEXT] [--credibility 1-6] [--date YYYY[-MM[-DD]]] [--json]
  excerpt delete EXCERPT_ID [--json]      move an excerpt to the Trash (its citations show "deleted")
  excerpts --source ID [--json]           list a source's excerpts
  search QUERY [--json]                   search sources, excerpts and briefs: words, word*, "a phrase", -word, a OR b,
                                          title: publisher: tag: entity: before:YYYY[-MM[-DD]] after: kind:
  entity add NAME --type TYPE [--alias A]... [--json]   add an entity; the corpus is scanned for its names
  entity alias ENTITY_ID ALIAS [--json]   add an alias (the corpus is scanned for it)
  entity rescan ENTITY_ID [--json]        look for an entity's names across the corpus again (repairs its mentions)
  entity transliteration ENTITY_ID on|off  its Latin names also match their Russian Cyrillic transliteration
  entity reviews [--json]                 entities a merge queued for review (a name shared with another type, or with two)
  entity review ID --into ENTITY_ID|--as NEW_NAME|--dismiss [--json]   decide one
  entity merge KEEP_ID OTHER_ID [--json]  merge OTHER into KEEP (excerpts, mentions, aliases follow)
  entities [--json]                       entities with aliases and counts of mentions and excerpts
  mentions --entity ENTITY_ID [--json]    where an entity is mentioned across the corpus
  suggestions [--json]                    names found by offline recognition that are not entities yet
  cooccurrence [--json]                   entity pairs: excerpts tagged with both, paragraphs mentioning both
  relation add FROM_ID TO_ID --label TEXT --evidence EXCERPT_ID... [--json]
  timeline [--json]                       dated excerpts in date order
  brief create --title T --markdown FILE [--author NAME] [--json]   ([[cite:EXCERPT_ID]] is a citation)
  briefs [--json]                         list the briefs
  check BRIEF_ID [--json]                 every citation's status: ok, changed, orphaned, deleted, ungraded
  export BRIEF_ID --pdf|--docx|--md|--html OUT [--strict] [--banner TEXT] [--force]
                                          export a brief (--strict refuses when a citation is not ok;
                                          an existing OUT is replaced only with --force)
  trash [--json]                          what was deleted (sources, excerpts, briefs, entities), newest first
  trash restore ID [--json]               put an item back from the Trash, with everything that hung on it
  trash delete ID [--json]                delete one item from the Trash for good
  trash empty [--json]                    delete everything in the Trash for good (a backup is made first)
  backup [--to PATH] [--json]             a checked copy of the workspace (in "<name> backups/" beside it)
  backups [--json]                        the workspace's backups, newest first, verified or not
  restore BACKUP_PATH [--json]            put a backup in place of the workspace (backing up what is there first)
  verify [--json]                         hash every source's stored text and original again against the hashes recorded (exit 1 on a mismatch)
  merge OTHER.sourcebook [--json]         merge another workspace into this one (backed up first; twice changes nothing)
  package BRIEF_ID --out FILE [--json]    an evidence package: the brief, the excerpts it cites, their sources and entities
  package --source ID... --out FILE       an evidence package of sources: their versions, tags, excerpts and entities
  serve [--port N] [OTHER.sourcebook]...  serve the app (the --workspace) to a browser on 127.0.0.1; the page can
                                          switch to the OTHER workspaces named here and to those opened recently
                                          in the desktop app (never to a path the page sends); what is served
                                          joins the app's recent list

The workspace defaults to ${defaultWorkspacePath()} (or $SOURCEBOOK_WORKSPACE).`;


/** "source replace" or "source grade"; "entity add", "entity alias" or "entity merge". */
function choices(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

async function run(argv: string[], out: Out): Promise<number> {
  // --workspace and --json may appear anywhere on the line.
  let workspace = defaultWorkspacePath();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workspace') {
      if (i + 1 >= argv.length) throw new UsageError('--workspace needs a path.');
      workspace = argv[++i];
    } else if (a.startsWith('--workspace=')) workspace = a.slice('--workspace='.length);
    else if (a === '--json') out.json = true;
    else rest.push(a);
  }
  const [command, ...args] = rest;
  const ctx = { workspace, out };

  const commands = command !== undefined ? await loadFeatureOf(command) : [];
  const sub = commands.find((c) => c.name === `${command} ${args[0]}`);
  if (sub) return sub.run(args.slice(1), ctx);
  const found = commands.find((c) => c.name === command);
  if (found) return found.run(args, ctx);
  const subcommands = commands.filter((c) => c.name.startsWith(`${command} `)).map((c) => c.name);
  if (subcommands.length) throw new UsageError(`Unknown command "${command} ${args[0] ?? ''}" (use ${choices(subcommands)}).`);

  switch (command) {
    case 'serve': {
      const { values, positionals } = parse(args, { port: { type: 'string' } });
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number.');
      const { serve } = await import('./serve');
      await serve(workspace, port, positionals);
      return new Promise<number>(() => {}); // runs until interrupted
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/** For a damaged workspace: the newest verified backup and the command that puts it back (the damaged file is moved aside, never written). */
async function restoreHint(workspace: string): Promise<string> {
  const { newestVerifiedBackup } = await import('../services/backup');
  const backup = newestVerifiedBackup(workspace);
  if (!backup) return ' There is no verified backup of it in its backups folder.';
  return ` The newest verified backup is ${backup.path} (${backup.createdAt}). To restore it (the damaged file is kept aside as "<name>.damaged-<time>"), run:\n  sourcebook --workspace "${workspace}" restore "${backup.path}"`;
}

/** What went wrong, for a person (and, under --json, for a script): message, code, exit status. */
async function failure(err: unknown, workspace: string): Promise<{ message: string; code: string; exit: number; stack?: string }> {
  if (err instanceof UsageError) return { message: err.message, code: 'usage', exit: 2 };
  const { UserError, WorkspaceError, storageFailure } = await import('../services/errors');
  if (err instanceof WorkspaceError && err.code === 'damaged') return { message: `${err.message}${await restoreHint(workspace)}`, code: err.code, exit: 1 };
  if (err instanceof UserError || err instanceof WorkspaceError) return { message: err.message, code: err.code, exit: 1 };
  const storage = storageFailure(workspace, err);
  if (storage) return { message: `${storage.message}${storage.code === 'damaged' ? await restoreHint(workspace) : ''}`, code: storage.code, exit: 1 };
  return { message: (err as Error).message ?? String(err), code: 'internal', exit: 1, stack: (err as Error).stack ?? String(err) };
}

export async function main(argv: string[]): Promise<number> {
  const out: Out = {
    // Known before anything can fail, so even a mistake in the flags is reported as JSON.
    json: argv.includes('--json'),
    print(value, human) {
      process.stdout.write(this.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
  try {
    return await run(argv, out);
  } catch (err) {
    const f = await failure(err, workspaceArgument(argv));
    if (out.json) process.stderr.write(`${JSON.stringify({ error: { message: f.code === 'internal' ? `internal error: ${f.message}` : f.message, code: f.code } })}\n`);
    else if (f.code === 'usage') process.stderr.write(`sourcebook: ${f.message}\nRun "sourcebook help" for usage.\n`);
    else if (f.code === 'internal') process.stderr.write(`sourcebook: internal error: ${f.stack}\n`);
    else process.stderr.write(`sourcebook: ${f.message}\n`);
    return f.exit;
  }
}

/** The workspace the line names (for messages about it): the last --workspace, or the default. */
function workspaceArgument(argv: string[]): string {
  let workspace = defaultWorkspacePath();
  argv.forEach((a, i) => {
    if (a === '--workspace' && i + 1 < argv.length) workspace = argv[i + 1];
    else if (a.startsWith('--workspace=')) workspace = a.slice('--workspace='.length);
  });
  return workspace;
}

// Run when executed directly (tsx electron/cli/main.ts, or the bin wrapper).
if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
