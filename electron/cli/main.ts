// `sourcebook`: the command line over the same services as the app. Its --json output
// is a stable interface (DESIGN.md): stdout carries exactly one JSON value, errors go
// to stderr with a non-zero exit.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { openWorkspace, WorkspaceError, type Db } from '../../db/workspace';
import { ENTITY_TYPES, RELIABILITY, type EntityType, type Reliability } from '../../db/domain';
import { getSource, listSources } from '../../db/sources';
import { listDatedExcerpts, listExcerptsOfSource } from '../../db/excerpts';
import { getEntity, listEntities } from '../../db/entities';
import { entityCooccurrence, mentionsOfEntity } from '../../db/mentions';
import { addRelationWithEvidence } from '../services/relations';
import { addEntity, addEntityAlias, mergeEntity } from '../services/entities';
import { suggestEntities } from '../services/suggestions';
import { listBriefs } from '../../db/briefs';
import { search } from '../../db/search';
import { importPaths } from '../services/importer';
import { createExcerptFromQuote, removeExcerpt } from '../services/excerpts';
import { createBriefFromMarkdown } from '../services/briefs';
import { gradeSource } from '../services/grading';
import { replaceSourceText } from '../services/versions';
import { briefDocx, briefHtml, briefMarkdown, briefPdf, checkBrief, loadBriefForExport } from '../services/export/exportBrief';
import { chromiumPrinter } from '../services/export/chromiumPrinter';
import { UserError } from '../services/errors';
import { defaultWorkspacePath } from './defaults';

const USAGE = `Usage: sourcebook [--workspace PATH] <command> [options]

Commands:
  import PATH... [--json]                 import .txt, .md and .html files (folders: recursively)
  sources [--json]                        list the sources
  source replace SOURCE_ID FILE [--json]  replace a source's text with a new version; re-anchor its excerpts
  source grade SOURCE_ID --reliability A-F   grade a source (the first grade of a publisher's source
                                          becomes that publisher's default)
  excerpt add --source ID --quote TEXT [--occurrence N] [--entity NAME]... [--entity-type TYPE]
              [--tag TAG]... [--note TEXT] [--credibility 1-6] [--date YYYY[-MM[-DD]]] [--json]
  excerpt delete EXCERPT_ID [--json]
  excerpts --source ID [--json]           list a source's excerpts
  search QUERY [--json]                   search sources, excerpts and briefs
  entity add NAME --type TYPE [--alias A]... [--json]   add an entity; the corpus is scanned for its names
  entity alias ENTITY_ID ALIAS [--json]   add an alias (the corpus is scanned for it)
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
  export BRIEF_ID --pdf|--docx|--md|--html OUT [--strict] [--banner TEXT]
                                          export a brief (--strict refuses when a citation is not ok)
  serve [--port N]                        serve the app to a browser on 127.0.0.1

The workspace defaults to ${defaultWorkspacePath()} (or $SOURCEBOOK_WORKSPACE).`;

class UsageError extends Error {}

type Out = { json: boolean; print(value: unknown, human: () => string): void };

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function withWorkspace<T>(path: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = openWorkspace(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Writes next to the target and renames, so a failed export never leaves half a file. */
function writeAtomically(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`Cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function one(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required.`);
  return value;
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

  switch (command) {
    case 'import': {
      const { positionals } = parse(args, {});
      if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.');
      const report = await withWorkspace(workspace, (db) => importPaths(db, positionals));
      out.print(report, () =>
        [
          ...report.imported.map((i) => `imported  ${i.id}  ${i.title}  (${i.path})${i.warnings ? `  [${i.warnings.join('; ')}]` : ''}`),
          ...report.skipped.map((s) => `skipped   ${s.path}: ${s.reason}`),
          ...report.failed.map((f) => `failed    ${f.path}: ${f.error}`),
          `${report.imported.length} imported, ${report.skipped.length} skipped, ${report.failed.length} failed`,
        ].join('\n'),
      );
      return report.imported.length > 0 ? 0 : 1;
    }
    case 'sources': {
      parse(args, {});
      const sources = await withWorkspace(workspace, listSources);
      out.print(sources, () => sources.map((s) => `${s.id}  ${s.title}${s.publisher ? ` — ${s.publisher}` : ''}`).join('\n') || 'No sources.');
      return 0;
    }
    case 'source': {
      const [sub, ...subArgs] = args;
      if (sub === 'replace') {
        const { positionals } = parse(subArgs, {});
        const sourceId = one(positionals[0], 'SOURCE_ID');
        const file = one(positionals[1], 'FILE');
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          throw new UserError(`Cannot read ${file}: no such file`);
        }
        const report = await withWorkspace(workspace, (db) =>
          replaceSourceText(db, sourceId, { path: file, name: basename(file), size, read: () => readFileSync(file) }),
        );
        const { exact, moved, fuzzy, orphaned, excerpts } = report;
        out.print({ exact, moved, fuzzy, orphaned, excerpts }, () =>
          [
            `${sourceId} is now version ${report.version}: ${exact} exact, ${moved} moved, ${fuzzy} fuzzy (to confirm), ${orphaned} orphaned`,
            ...excerpts.filter((x) => x.state === 'fuzzy' || x.state === 'orphaned').map((x) => `  ${x.state.padEnd(8)} ${x.id}${x.score !== null ? `  score ${x.score.toFixed(2)}` : ''}`),
          ].join('\n'),
        );
        return 0;
      }
      if (sub === 'grade') {
        const { values, positionals } = parse(subArgs, { reliability: { type: 'string' } });
        const sourceId = one(positionals[0], 'SOURCE_ID');
        const grade = one(values.reliability, '--reliability').toUpperCase();
        if (!RELIABILITY.includes(grade as Reliability)) throw new UsageError('--reliability takes a letter from A to F.');
        const source = await withWorkspace(workspace, (db) => gradeSource(db, sourceId, grade as Reliability));
        out.print({ id: source.id, reliability: source.reliability }, () => `${source.id}  ${source.title}  reliability ${source.reliability}`);
        return 0;
      }
      throw new UsageError(`Unknown command "source ${sub ?? ''}" (use "source replace" or "source grade").`);
    }
    case 'excerpt': {
      const [sub, ...subArgs] = args;
      if (sub === 'add') {
        const { values, positionals } = parse(subArgs, {
          source: { type: 'string' },
          quote: { type: 'string' },
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
        const quote = one(values.quote, '--quote');
        const x = await withWorkspace(workspace, (db) =>
          createExcerptFromQuote(db, sourceId, quote, occurrence, {
            tags: values.tag ?? [],
            entities: (values.entity ?? []).map((name) => ({ name, type: entityType })),
            note: values.note ?? '',
            credibility: credibility ?? null,
            eventDate: values.date ?? null,
          }),
        );
        out.print({ id: x.id, sourceId: x.sourceId, start: x.start, end: x.end, quote: x.quote }, () => `${x.id}  ${x.start}–${x.end}  “${x.quote}”`);
        return 0;
      }
      if (sub === 'delete') {
        const { positionals } = parse(subArgs, {});
        const id = one(positionals[0], 'EXCERPT_ID');
        const deleted = await withWorkspace(workspace, (db) => removeExcerpt(db, id));
        if (!deleted) throw new UserError(`No excerpt with id ${id}.`);
        out.print({ id, deleted }, () => `deleted ${id}`);
        return 0;
      }
      throw new UsageError(`Unknown command "excerpt ${sub ?? ''}" (use "excerpt add" or "excerpt delete").`);
    }
    case 'excerpts': {
      const { values } = parse(args, { source: { type: 'string' } });
      const sourceId = one(values.source, '--source');
      const rows = await withWorkspace(workspace, (db) => {
        if (!getSource(db, sourceId)) throw new UserError(`No source with id ${sourceId}.`);
        return listExcerptsOfSource(db, sourceId).map((x) => ({ id: x.id, quote: x.quote, start: x.start, end: x.end, state: x.state, page: x.page }));
      });
      out.print(rows, () => rows.map((x) => `${x.id}  ${x.start}–${x.end}  ${x.state}  “${x.quote}”`).join('\n') || 'No excerpts.');
      return 0;
    }
    case 'entity': {
      const [sub, ...subArgs] = args;
      if (sub === 'add') {
        const { values, positionals } = parse(subArgs, { type: { type: 'string' }, alias: { type: 'string', multiple: true } });
        const name = one(positionals[0], 'NAME');
        const type = one(values.type, '--type') as EntityType;
        if (!ENTITY_TYPES.includes(type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}.`);
        const e = await withWorkspace(workspace, (db) => addEntity(db, name, type, values.alias ?? []));
        out.print({ id: e.id }, () => `${e.id}  ${e.name} (${e.type})  ${e.mentionCount} mentions`);
        return 0;
      }
      if (sub === 'alias') {
        const { positionals } = parse(subArgs, {});
        const id = one(positionals[0], 'ENTITY_ID');
        const alias = one(positionals[1], 'ALIAS');
        const e = await withWorkspace(workspace, (db) => addEntityAlias(db, id, alias));
        out.print({ id: e.id, aliases: e.aliases, mentions: e.mentionCount }, () => `${e.id}  ${e.name}: ${e.aliases.join(', ')}  (${e.mentionCount} mentions)`);
        return 0;
      }
      if (sub === 'merge') {
        const { positionals } = parse(subArgs, {});
        const keep = one(positionals[0], 'KEEP_ID');
        const other = one(positionals[1], 'OTHER_ID');
        const { mergeId, entity } = await withWorkspace(workspace, (db) => mergeEntity(db, keep, other));
        out.print({ id: entity.id, merged: other, mergeId }, () => `merged ${other} into ${entity.id} ${entity.name} (undo: merge ${mergeId})`);
        return 0;
      }
      throw new UsageError(`Unknown command "entity ${sub ?? ''}" (use "entity add", "entity alias" or "entity merge").`);
    }
    case 'entities': {
      parse(args, {});
      const rows = await withWorkspace(workspace, (db) =>
        listEntities(db).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentionCount, excerpts: e.excerptCount })),
      );
      out.print(rows, () => rows.map((e) => `${e.id}  ${e.name} (${e.type})  ${e.mentions} mentions, ${e.excerpts} excerpts${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}`).join('\n') || 'No entities.');
      return 0;
    }
    case 'mentions': {
      const { values } = parse(args, { entity: { type: 'string' } });
      const id = one(values.entity, '--entity');
      const rows = await withWorkspace(workspace, (db) => {
        if (!getEntity(db, id)) throw new UserError(`No entity with id ${id}.`);
        return mentionsOfEntity(db, id).map(({ sourceId, start, end, text }) => ({ sourceId, start, end, text }));
      });
      out.print(rows, () => rows.map((m) => `${m.sourceId}  ${m.start}–${m.end}  ${m.text}`).join('\n') || 'No mentions.');
      return 0;
    }
    case 'suggestions': {
      parse(args, {});
      const rows = await withWorkspace(workspace, (db) => suggestEntities(db));
      out.print(
        rows.map(({ name, type, count }) => ({ name, type, count })),
        () => rows.map((r) => `${String(r.count).padStart(4)}  ${r.name} (${r.type})`).join('\n') || 'No suggestions.',
      );
      return 0;
    }
    case 'cooccurrence': {
      parse(args, {});
      const rows = await withWorkspace(workspace, entityCooccurrence);
      out.print(rows, () => rows.map((r) => `${r.a}  ${r.b}  ${r.excerpts} excerpts, ${r.paragraphs} paragraphs`).join('\n') || 'No co-occurrences.');
      return 0;
    }
    case 'relation': {
      const [sub, ...subArgs] = args;
      if (sub !== 'add') throw new UsageError(`Unknown command "relation ${sub ?? ''}" (use "relation add").`);
      const { values, positionals } = parse(subArgs, { label: { type: 'string' }, evidence: { type: 'string', multiple: true } });
      const from = one(positionals[0], 'FROM_ID');
      const to = one(positionals[1], 'TO_ID');
      const label = one(values.label?.trim(), '--label');
      const evidence = values.evidence ?? [];
      if (evidence.length === 0) throw new UsageError('relation add needs at least one --evidence EXCERPT_ID.');
      const id = await withWorkspace(workspace, (db) => addRelationWithEvidence(db, { fromId: from, toId: to, label, evidence }));
      out.print({ id }, () => `${id}  ${from} — ${label} — ${to}`);
      return 0;
    }
    case 'timeline': {
      parse(args, {});
      const rows = await withWorkspace(workspace, (db) => listDatedExcerpts(db).map((x) => ({ date: x.eventDate!, excerptId: x.id })));
      out.print(rows, () => rows.map((r) => `${r.date.padEnd(10)}  ${r.excerptId}`).join('\n') || 'No dated excerpts.');
      return 0;
    }
    case 'search': {
      const { positionals } = parse(args, {});
      const query = positionals.join(' ');
      const hits = await withWorkspace(workspace, (db) => search(db, query));
      const value = hits.map(({ kind, id, title, snippet }) => ({ kind, id, title, snippet }));
      out.print(value, () => value.map((h) => `${h.kind.padEnd(8)} ${h.id}  ${h.title}\n         ${h.snippet}`).join('\n') || 'No results.');
      return 0;
    }
    case 'brief': {
      const [sub, ...subArgs] = args;
      if (sub !== 'create') throw new UsageError(`Unknown command "brief ${sub ?? ''}" (use "brief create").`);
      const { values, positionals } = parse(subArgs, { title: { type: 'string' }, markdown: { type: 'string' }, author: { type: 'string' } });
      if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
      const title = one(values.title, '--title');
      const file = one(values.markdown, '--markdown');
      let markdown: string;
      try {
        markdown = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UserError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
      const brief = await withWorkspace(workspace, (db) => createBriefFromMarkdown(db, title, markdown, values.author));
      out.print({ id: brief.id }, () => `${brief.id}  ${brief.title}  (${brief.citationCount} citations)`);
      return 0;
    }
    case 'briefs': {
      parse(args, {});
      const briefs = await withWorkspace(workspace, listBriefs);
      out.print(briefs, () => briefs.map((b) => `${b.id}  ${b.title}  (${b.citationCount} citations)`).join('\n') || 'No briefs.');
      return 0;
    }
    case 'check': {
      const { positionals } = parse(args, {});
      const briefId = one(positionals[0], 'BRIEF_ID');
      const checks = await withWorkspace(workspace, (db) => checkBrief(db, briefId));
      out.print({ citations: checks.map(({ excerptId, status }) => ({ excerptId, status })) }, () =>
        checks.length === 0
          ? 'The brief cites nothing.'
          : checks.map((c) => `${String(c.position + 1).padStart(3)}. ${c.status.padEnd(8)} ${c.excerptId}${c.detail ? `  (${c.detail})` : ''}`).join('\n'),
      );
      return 0; // findings are the answer, not a failure
    }
    case 'export': {
      const { values, positionals } = parse(args, {
        pdf: { type: 'string' },
        html: { type: 'string' },
        docx: { type: 'string' },
        md: { type: 'string' },
        strict: { type: 'boolean' },
        banner: { type: 'string' },
      });
      const briefId = one(positionals[0], 'BRIEF_ID');
      if (!values.pdf && !values.html && !values.docx && !values.md) throw new UsageError('export needs --pdf, --docx, --md or --html OUT.');
      const options = { strict: values.strict ?? false, banner: values.banner };
      const written: string[] = [];
      const db = openWorkspace(workspace, { readonly: true });
      const printer = chromiumPrinter();
      try {
        // Checked before anything is written: a strict refusal leaves no file behind.
        loadBriefForExport(db, briefId, options);
        if (values.html) {
          writeAtomically(values.html, briefHtml(db, briefId, options).html);
          written.push(values.html);
        }
        if (values.md) {
          writeAtomically(values.md, briefMarkdown(db, briefId, options).markdown);
          written.push(values.md);
        }
        if (values.docx) {
          writeAtomically(values.docx, Buffer.from(briefDocx(db, briefId, options).docx));
          written.push(values.docx);
        }
        if (values.pdf) {
          const { pdf } = await briefPdf(db, briefId, printer, options);
          writeAtomically(values.pdf, pdf);
          written.push(values.pdf);
        }
      } finally {
        await printer.close?.();
        db.close();
      }
      out.print({ briefId, written }, () => written.map((w) => `wrote ${w}`).join('\n'));
      return 0;
    }
    case 'serve': {
      const { values } = parse(args, { port: { type: 'string' } });
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number.');
      const { serve } = await import('./serve');
      await serve(workspace, port);
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

export async function main(argv: string[]): Promise<number> {
  const out: Out = {
    json: false,
    print(value, human) {
      process.stdout.write(this.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
  try {
    return await run(argv, out);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sourcebook: ${err.message}\nRun "sourcebook help" for usage.\n`);
      return 2;
    }
    if (err instanceof UserError || err instanceof WorkspaceError) {
      process.stderr.write(`sourcebook: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`sourcebook: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

// Run when executed directly (tsx electron/cli/main.ts, or the bin wrapper).
if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
